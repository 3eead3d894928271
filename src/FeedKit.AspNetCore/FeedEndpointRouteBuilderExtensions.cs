using System.Diagnostics.CodeAnalysis;
using FeedKit.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace FeedKit.AspNetCore;

/// <summary>Maps FeedKit feeds onto ASP.NET Core endpoints.</summary>
public static class FeedEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps a feed at <paramref name="pattern"/> as two endpoints (GET and HEAD): <c>{pattern}.{format}</c>, where
    /// <c>.atom</c>, <c>.rss</c> and <c>.json</c> serve one format each (another extension is 404), and the bare
    /// <paramref name="pattern"/>, which picks one from the request's <c>Accept</c> header
    /// (answering with <c>Vary: Accept</c>; 406 when none fits). Responses carry a strong <c>ETag</c>,
    /// <c>Last-Modified</c> and <c>X-Content-Type-Options: nosniff</c>, and <c>304 Not Modified</c> answers
    /// <c>If-None-Match</c> and <c>If-Modified-Since</c> (see <see cref="FeedResults.Feed"/>).
    /// </summary>
    /// <remarks>
    /// <paramref name="source"/> is an ordinary minimal-API handler: its parameters are bound as in <c>MapGet</c>
    /// (route values, query, headers, services, <see cref="HttpContext"/>, <see cref="CancellationToken"/>). It returns
    /// a <see cref="FeedSource"/> or a <see cref="Feed"/> (or a task of one); null answers 404, and an
    /// <see cref="IResult"/> is sent as it is. It is not called for a 404 format or a 406.
    /// </remarks>
    /// <example>
    /// <code>
    /// app.MapFeed("/tags/{tag}/feed", (string tag, INewsStore store, CancellationToken ct) =>
    ///     store.HasTag(tag) ? new FeedSource(new Feed(info with { Title = tag }, store.ByTag(tag, ct))) : null)
    ///    .WithName("tag-feed");
    /// </code>
    /// </example>
    /// <param name="endpoints">The application or route group.</param>
    /// <param name="pattern">A route pattern that starts with <c>/</c> and does not end with one, such as <c>/feed</c> or
    /// <c>/tags/{tag}/feed</c>; no catch-all, no parameter named <c>format</c>.</param>
    /// <param name="source">Gives the feed for a request; called once per request that gets a feed.</param>
    /// <param name="options">Options for this feed; null for the application's (<see cref="FeedKitOptions"/>).</param>
    /// <returns>A builder for both endpoints: <c>RequireAuthorization</c>, <c>CacheOutput</c>, OpenAPI metadata and
    /// filters apply to both, and an endpoint name (<c>WithName</c>) to the bare path's only, since names are
    /// unique.</returns>
    public static IEndpointConventionBuilder MapFeed(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern,
        Delegate source,
        FeedEndpointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(source);
        CheckPattern(pattern);
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        var bare = endpoints.MapMethods(pattern, methods, source);
        var extension = endpoints.MapMethods(pattern + ".{" + FeedResponse.FormatRouteValue + "}", methods, source);
        foreach (var builder in new[] { bare, extension })
        {
            builder.AddEndpointFilter(async (invocation, next) =>
            {
                var context = invocation.HttpContext;
                var (chosen, refusal) = FeedResponse.Choose(context, null, FeedResponse.OptionsFor(context, options));
                if (refusal is not null)
                {
                    context.Response.Headers.XContentTypeOptions = "nosniff";
                    return refusal;
                }

                return await next(invocation).ConfigureAwait(false) switch
                {
                    FeedSource feedSource => new FeedResult(feedSource, null, options) { Chosen = chosen },
                    Feed feed => new FeedResult(new FeedSource(feed), null, options) { Chosen = chosen },
                    null => Results.NotFound(),
                    var other => other,
                };
            });
            builder.Add(endpoint =>
            {
                endpoint.Metadata.Add(FeedEndpointMetadata.Instance);
                FeedResponse.AddMetadata(endpoint);
            });

            // The handler's return type would tell OpenAPI "200 application/json"; the filter makes it a feed.
            builder.Finally(endpoint =>
            {
                for (var i = endpoint.Metadata.Count - 1; i >= 0; i--)
                {
                    if (endpoint.Metadata[i] is IProducesResponseTypeMetadata { Type: { } type } && (type == typeof(FeedSource) || type == typeof(Feed)))
                    {
                        endpoint.Metadata.RemoveAt(i);
                    }
                }
            });
        }

        return new CompositeConventionBuilder([bare, extension]);
    }

    /// <summary>Maps a feed from a source that takes the request and its cancellation token; see <see cref="MapFeed(IEndpointRouteBuilder, string, Delegate, FeedEndpointOptions?)"/>.</summary>
    /// <param name="endpoints">The application or route group.</param>
    /// <param name="pattern">A route pattern such as <c>/feed</c>.</param>
    /// <param name="source">Gives the feed for a request; called once per request that gets a feed.</param>
    /// <param name="options">Options for this feed; null for the application's.</param>
    /// <returns>A builder for both endpoints (an endpoint name goes on the bare path's only).</returns>
    public static IEndpointConventionBuilder MapFeed(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern,
        Func<HttpContext, CancellationToken, ValueTask<FeedSource>> source,
        FeedEndpointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return endpoints.MapFeed(pattern, (Delegate)source, options);
    }

    /// <summary>
    /// Maps a feed whose description is fixed and whose articles come from <paramref name="articles"/>; see
    /// <see cref="MapFeed(IEndpointRouteBuilder, string, Delegate, FeedEndpointOptions?)"/> for what is mapped.
    /// </summary>
    /// <param name="endpoints">The application or route group.</param>
    /// <param name="pattern">A route pattern such as <c>/feed</c>.</param>
    /// <param name="info">What the feed says about itself.</param>
    /// <param name="articles">Gives the articles for a request, in feed order.</param>
    /// <param name="options">Options for this feed; null for the application's.</param>
    /// <returns>A builder for both endpoints (an endpoint name goes on the bare path's only).</returns>
    public static IEndpointConventionBuilder MapFeed(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern,
        FeedInfo info,
        Func<CancellationToken, IAsyncEnumerable<Article>> articles,
        FeedEndpointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(articles);
        return endpoints.MapFeed(pattern, (CancellationToken cancellationToken) => new FeedSource(new Feed(info, articles(cancellationToken))), options);
    }

    /// <summary>
    /// Maps an RFC 5005 archived feed (see <see cref="Archive.FeedArchive"/>): the current document at
    /// <paramref name="pattern"/> (with <c>.atom</c>, <c>.rss</c>, <c>.json</c> and negotiation, as
    /// <see cref="MapFeed(IEndpointRouteBuilder, string, FeedInfo, Func{CancellationToken, IAsyncEnumerable{Article}}, FeedEndpointOptions?)"/>
    /// maps), and archive <c>n</c> (1 = oldest) at <c>{pattern}/archive/{n}.atom</c>, <c>.rss</c> and <c>.json</c>;
    /// each format's links point to its own format's documents.
    /// </summary>
    /// <remarks>
    /// Every document's ETag comes from <see cref="Archive.ArchivePage.Version"/> (or the current document's), so a
    /// full archive keeps the same ETag for as long as its articles do, and a conditional request for it gets a 304
    /// without rendering it. Archives are sent with <see cref="FeedEndpointOptions.ArchiveCacheControl"/>. The article
    /// stream is read (not rendered) once per request to split it.
    /// </remarks>
    /// <param name="endpoints">The application or route group.</param>
    /// <param name="pattern">A literal path such as <c>/feed</c>.</param>
    /// <param name="info">What the feed says about itself (its self link is set per format).</param>
    /// <param name="oldestFirst">Gives every article, oldest first, for a request.</param>
    /// <param name="pageSize">Articles per archive document.</param>
    /// <param name="options">Options for this feed; null for the application's (<see cref="FeedKitOptions"/>).</param>
    /// <returns>A builder that applies conventions to the three endpoints (the current document, bare and with an extension; the archives); an
    /// endpoint name (<c>WithName</c>) goes on the current document's only.</returns>
    public static IEndpointConventionBuilder MapArchivedFeed(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern,
        FeedInfo info,
        Func<CancellationToken, IAsyncEnumerable<Article>> oldestFirst,
        int pageSize,
        FeedEndpointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(oldestFirst);
        if (pageSize < 1)
        {
            // Not ArgumentOutOfRangeException.ThrowIfLessThan: its message formats the value with the current culture.
            throw new ArgumentOutOfRangeException(nameof(pageSize), FormattableString.Invariant($"pageSize must be at least 1; it was {pageSize}."));
        }

        if (string.IsNullOrEmpty(pattern) || !pattern.StartsWith('/') || pattern.Contains('{', StringComparison.Ordinal) || pattern.EndsWith('/'))
        {
            throw new ArgumentException($"\"{pattern}\" must be a literal path that starts with '/' and does not end with one, such as \"/feed\".", nameof(pattern));
        }

        return ArchivedFeedEndpoints.Map(endpoints, pattern, info, oldestFirst, pageSize, options);
    }

    /// <summary>Checks a feed's pattern, which <c>.{format}</c> will follow.</summary>
    private static void CheckPattern(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        if (!pattern.StartsWith('/') || pattern.EndsWith('/'))
        {
            throw new ArgumentException($"\"{pattern}\" must be a route pattern that starts with '/' and does not end with one, such as \"/feed\" or \"/tags/{{tag}}/feed\".", nameof(pattern));
        }

        RoutePattern parsed;
        try
        {
            parsed = RoutePatternFactory.Parse(pattern);
        }
        catch (RoutePatternException e)
        {
            throw new ArgumentException($"\"{pattern}\" is not a valid route pattern: {e.Message}", nameof(pattern), e);
        }

        if (parsed.GetParameter(FeedResponse.FormatRouteValue) is not null)
        {
            throw new ArgumentException($"\"{pattern}\" cannot have a parameter named \"format\": a feed's route uses it for the extension.", nameof(pattern));
        }

        if (parsed.Parameters.Any(p => p.IsCatchAll))
        {
            throw new ArgumentException($"\"{pattern}\" cannot have a catch-all parameter: a feed's route ends with \".{{format}}\".", nameof(pattern));
        }

        try
        {
            RoutePatternFactory.Parse(pattern + ".{" + FeedResponse.FormatRouteValue + "}");
        }
        catch (RoutePatternException e)
        {
            throw new ArgumentException($"\"{pattern}\" cannot be a feed's pattern, since \".{{format}}\" follows it: {e.Message}", nameof(pattern), e);
        }
    }

    /// <summary>
    /// Applies conventions to several endpoints; the endpoint name (<c>WithName</c>, <c>WithRouteName</c>) that a
    /// convention gives stays on the first only, since names must be unique.
    /// </summary>
    internal sealed class CompositeConventionBuilder(List<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            for (var i = 0; i < builders.Count; i++)
            {
                builders[i].Add(i == 0 ? convention : Unnamed(convention));
            }
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            for (var i = 0; i < builders.Count; i++)
            {
                builders[i].Finally(i == 0 ? finallyConvention : Unnamed(finallyConvention));
            }
        }

        private static Action<EndpointBuilder> Unnamed(Action<EndpointBuilder> convention) => endpoint =>
        {
            var before = endpoint.Metadata.ToHashSet(ReferenceEqualityComparer.Instance);
            convention(endpoint);
            for (var i = endpoint.Metadata.Count - 1; i >= 0; i--)
            {
                if (endpoint.Metadata[i] is IEndpointNameMetadata or IRouteNameMetadata && !before.Contains(endpoint.Metadata[i]))
                {
                    endpoint.Metadata.RemoveAt(i);
                }
            }
        };
    }
}
