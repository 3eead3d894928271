using FeedKit.AspNetCore.Caching;
using FeedKit.Formats;
using FeedKit.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FeedKit.AspNetCore;

/// <summary>Maps FeedKit feeds onto ASP.NET Core endpoints.</summary>
public static class FeedEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps a feed at <paramref name="pattern"/>: <c>{pattern}.atom</c>, <c>{pattern}.rss</c> and
    /// <c>{pattern}.json</c> serve one format each, and the bare <paramref name="pattern"/> picks one from the
    /// request's <c>Accept</c> header (answering with <c>Vary: Accept</c>). All answer GET and HEAD, with a strong
    /// <c>ETag</c>, <c>Last-Modified</c> and <c>304 Not Modified</c> for <c>If-None-Match</c> and
    /// <c>If-Modified-Since</c>.
    /// </summary>
    /// <param name="endpoints">The application or route group.</param>
    /// <param name="pattern">A literal path such as <c>/feed</c>.</param>
    /// <param name="source">Gives the feed for a request; called once per request.</param>
    /// <param name="options">Endpoint options; null for <see cref="FeedEndpointOptions.Default"/>.</param>
    /// <returns>A builder that applies conventions (authorization, rate limiting, caching…) to all four endpoints.</returns>
    public static IEndpointConventionBuilder MapFeed(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        Func<HttpContext, CancellationToken, ValueTask<FeedSource>> source,
        FeedEndpointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentNullException.ThrowIfNull(source);
        if (!pattern.StartsWith('/') || pattern.Contains('{', StringComparison.Ordinal) || pattern.EndsWith('/'))
        {
            throw new ArgumentException($"\"{pattern}\" must be a literal path that starts with '/' and does not end with one, such as \"/feed\".", nameof(pattern));
        }

        var endpoint = new FeedEndpoint(pattern, source, options ?? FeedEndpointOptions.Default);
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        var builders = new List<IEndpointConventionBuilder>
        {
            endpoints.MapMethods(pattern, methods, (HttpContext context) => endpoint.HandleAsync(context, null))
                .WithMetadata(new FeedEndpointMetadata(pattern, context => endpoint.Negotiate(context.Request.GetTypedHeaders().Accept))),
        };
        foreach (var format in Enum.GetValues<FeedFormat>())
        {
            builders.Add(endpoints.MapMethods(
                pattern + "." + format.FileExtension(),
                methods,
                (HttpContext context) => endpoint.HandleAsync(context, format))
                .WithMetadata(new FeedEndpointMetadata(pattern, _ => format)));
        }

        return new CompositeConventionBuilder(builders);
    }

    /// <summary>
    /// Maps a feed whose description is fixed and whose articles come from <paramref name="articles"/>; see the
    /// other overload for what is mapped.
    /// </summary>
    /// <param name="endpoints">The application or route group.</param>
    /// <param name="pattern">A literal path such as <c>/feed</c>.</param>
    /// <param name="info">What the feed says about itself.</param>
    /// <param name="articles">Gives the articles for a request, in feed order.</param>
    /// <param name="options">Endpoint options; null for <see cref="FeedEndpointOptions.Default"/>.</param>
    /// <returns>A builder that applies conventions to all four endpoints.</returns>
    public static IEndpointConventionBuilder MapFeed(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        FeedInfo info,
        Func<CancellationToken, IAsyncEnumerable<Article>> articles,
        FeedEndpointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(articles);
        return endpoints.MapFeed(pattern, (_, ct) => ValueTask.FromResult(new FeedSource(new Feed(info, articles(ct)))), options);
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
    /// <param name="options">Endpoint options; null for <see cref="FeedEndpointOptions.Default"/>.</param>
    /// <returns>A builder that applies conventions to all the endpoints.</returns>
    public static IEndpointConventionBuilder MapArchivedFeed(
        this IEndpointRouteBuilder endpoints,
        string pattern,
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

        return ArchivedFeedEndpoints.Map(endpoints, pattern, info, oldestFirst, pageSize, options ?? FeedEndpointOptions.Default);
    }

    internal sealed class CompositeConventionBuilder(List<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in builders)
            {
                builder.Add(convention);
            }
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            foreach (var builder in builders)
            {
                builder.Finally(finallyConvention);
            }
        }
    }
}
