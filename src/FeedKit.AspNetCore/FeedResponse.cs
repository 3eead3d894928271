using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using FeedKit.AspNetCore.Caching;
using FeedKit.Formats;
using FeedKit.Model;
using FeedKit.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FeedKit.AspNetCore;

/// <summary>
/// What a request gets: a feed format, and whether the <c>Accept</c> header chose it; with <paramref name="Page"/>, the
/// feed's page for browsers (FeedResponse.Page.cs) instead of the feed, whose source is asked for <paramref name="Format"/>.
/// </summary>
internal readonly record struct Representation(FeedFormat Format, bool ByAccept, bool Page = false);

/// <summary>OpenAPI: a feed response is 200 in one of the feed media types, 304, or 406.</summary>
internal sealed class FeedResponseTypeMetadata(int statusCode, Type type, string[] contentTypes) : IProducesResponseTypeMetadata
{
    /// <summary>A document is text (<see cref="string"/>); a 304 has no body (<see cref="void"/>).</summary>
    public Type? Type { get; } = type;

    public int StatusCode { get; } = statusCode;

    public IEnumerable<string> ContentTypes { get; } = contentTypes;
}

/// <summary>Sends one feed response: representation, conditional requests, HEAD, the body, the bad-article policy, logging.</summary>
internal static partial class FeedResponse
{
    /// <summary>The route value that names the format by its extension (<c>/feed.{format}</c>).</summary>
    public const string FormatRouteValue = "format";

    private static readonly ConditionalWeakTable<FeedKitOptions, FeedEndpointOptions> AppOptions = new();
    private static readonly ConditionalWeakTable<ILoggerFactory, ILogger> Loggers = new();

    private static readonly (string MediaType, FeedFormat Format)[] Acceptable =
    [
        .. FeedFormats.All.Select(f => (f.MediaType, f.Format)),
        ("application/json", FeedFormat.Json),
    ];

    public static void AddMetadata(EndpointBuilder builder)
    {
        builder.Metadata.Add(new FeedResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), [.. FeedFormats.All.Select(f => f.MediaType)]));
        builder.Metadata.Add(new FeedResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void), []));
        builder.Metadata.Add(new FeedResponseTypeMetadata(StatusCodes.Status406NotAcceptable, typeof(string), ["text/plain"]));
    }

    /// <summary>A result's own options, else the application's (<c>IOptions&lt;FeedKitOptions&gt;</c>), else the defaults.</summary>
    public static FeedEndpointOptions OptionsFor(HttpContext context, FeedEndpointOptions? own)
    {
        if (own is not null)
        {
            return own;
        }

        return context.RequestServices.GetService<IOptions<FeedKitOptions>>()?.Value is { } app
            ? AppOptions.GetValue(app, o => o.ToEndpointOptions())
            : FeedEndpointOptions.Default;
    }

    /// <summary>
    /// What this request gets, or the answer that refuses it. This is the one place that decides: a fixed format;
    /// else the route value <c>format</c> (an extension; anything else is 404); else the <c>Accept</c> header (406
    /// when it accepts no feed type). Another kind of representation (a page for browsers) is a branch here.
    /// </summary>
    public static (Representation? Chosen, IResult? Refusal) Choose(HttpContext context, FeedFormat? fixedFormat, FeedEndpointOptions options)
    {
        if (fixedFormat is { } format)
        {
            return (new Representation(format, ByAccept: false), null);
        }

        if (context.Request.RouteValues.TryGetValue(FormatRouteValue, out var value) && value is string { Length: > 0 } extension)
        {
            foreach (var info in FeedFormats.All)
            {
                if (extension.Equals(info.FileExtension, StringComparison.OrdinalIgnoreCase))
                {
                    return (new Representation(info.Format, ByAccept: false), null);
                }
            }

            return (null, Results.NotFound());
        }

        AppendVary(context.Response, HeaderNames.Accept);
        var accept = context.Request.GetTypedHeaders().Accept;
        var feedFormat = Negotiate(accept, options.DefaultFormat);
        if (options.BrowserPage && PrefersPage(accept, feedFormat))
        {
            return (new Representation(options.DefaultFormat, ByAccept: true, Page: true), null);
        }

        if (feedFormat is { } negotiated)
        {
            return (new Representation(negotiated, ByAccept: true), null);
        }

        return (null, Results.Text(
            "This feed is available as " + string.Join(", ", FeedFormats.All.Select(f => f.MediaType)) + ".",
            "text/plain; charset=utf-8",
            statusCode: StatusCodes.Status406NotAcceptable));
    }

    // Endpoints already warned about (FeedKitLog.PodcastNotRss is logged once per endpoint).
    private static readonly ConditionalWeakTable<Endpoint, object> PodcastWarned = [];

    /// <summary>
    /// Logs <see cref="FeedKitLog.PodcastNotRss"/> when a podcast goes out as Atom or JSON Feed only because the request
    /// accepted any type (no Accept header, or one that names no feed type): what podcast apps get from the bare path.
    /// </summary>
    private static void WarnIfPodcastNotRss(HttpContext context, Representation representation, FeedInfo info, ILogger logger, string path)
    {
        if (!representation.ByAccept || representation.Format == FeedFormat.Rss || !logger.IsEnabled(LogLevel.Warning))
        {
            return;
        }

        var isPodcast = false;
        foreach (var extension in info.Extensions)
        {
            isPodcast |= extension is Podcasts.PodcastShow;
        }

        if (!isPodcast)
        {
            return;
        }

        foreach (var accepted in context.Request.GetTypedHeaders().Accept)
        {
            if (FeedFormats.All.Any(f => accepted.MediaType.Equals(f.MediaType, StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }
        }

        if (context.GetEndpoint() is { } endpoint && !PodcastWarned.TryAdd(endpoint, PodcastWarned))
        {
            return;
        }

        FeedKitLog.NotRss(logger, representation.Format, path);
    }

    public static async Task SendAsync(HttpContext context, FeedResult result)
    {
        var request = context.Request;
        var response = context.Response;
        var cancellationToken = context.RequestAborted;
        response.Headers.XContentTypeOptions = "nosniff";
        var options = OptionsFor(context, result.Options);
        Representation representation;
        if (result.Chosen is { } chosen)
        {
            representation = chosen;
        }
        else
        {
            var (choice, refusal) = Choose(context, result.Format, options);
            if (refusal is not null)
            {
                await refusal.ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            representation = choice!.Value;
        }

        // Output caching: stored only under a key that names this representation (FeedKit's policy), never as the
        // one entry for every format; a page is a representation of its own.
        FeedOutputCachePolicy.AllowStorageOf(context, representation);
        if (representation.Page)
        {
            await SendPageAsync(context, result, options).ConfigureAwait(false);
            return;
        }

        var format = representation.Format;
        var logger = Logger(context);
        var path = request.Path.Value ?? string.Empty;
        var writer = FeedWriter.Create(format, options.WriterOptions);
        var source = await result.Source(format, cancellationToken).ConfigureAwait(false);
        WarnIfPodcastNotRss(context, representation, source.Feed.Info, logger, path);
        var origin = options.PublicOrigin ?? new Uri(source.Feed.Info.SiteUrl.GetLeftPart(UriPartial.Authority));
        var selfPath = result.SelfPath?.Invoke(format) ?? SelfPath(context, representation);
        var info = source.Feed.Info with { SelfUrl = new Uri(origin, selfPath) };

        // Without a version, the ETag is a hash of the bytes; without a date, the newest article gives it. Either way
        // the articles are read into a list first.
        var feed = source.Feed with { Info = info };
        if (feed.ArticleStream is { } stream && (info.Updated is null || source.Version is null))
        {
            feed = new Feed(info, await ToListAsync(stream, cancellationToken).ConfigureAwait(false));
        }

        // RFC 9110 §8.8.3: a strong ETag belongs to one representation, content coding included, so a gzip response
        // gets another ETag than the identity one. The content type is needed to ask the compression middleware.
        response.ContentType = format.MediaType() + "; charset=utf-8";
        var coding = ContentCoding(context);
        Rendered? body = null;
        try
        {
            EntityTagHeaderValue etag;
            if (source.Version is not null)
            {
                etag = Tag(Encoding.UTF8.GetBytes($"{source.Version}\n{format}\n{options.WriterOptions}\n{options.BadArticlePolicy}\n{info.SelfUrl}"), coding);
            }
            else
            {
                body = Render(feed, writer, format, options, logger, path, cancellationToken);
                if (body is null)
                {
                    await FailAsync(response, cancellationToken).ConfigureAwait(false);
                    return;
                }

                etag = TagOfHash(body.Bytes.Sha256(), coding);
                feed = body.Feed;
            }

            var updated = feed.Updated;
            var headers = response.GetTypedHeaders();
            headers.ETag = etag;
            if (updated is { } date)
            {
                headers.LastModified = TruncateToSeconds(date);
            }

            var cacheControl = result.IsArchive ? options.ArchiveCacheControl : options.CacheControl;
            if (cacheControl is not null)
            {
                response.Headers.CacheControl = cacheControl;
            }

            if (IsNotModified(request.GetTypedHeaders(), etag, updated))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentType = null;
                FeedKitLog.NotModified(logger, format, path, etag.Tag.Value ?? string.Empty);
                return;
            }

            if (HttpMethods.IsHead(request.Method))
            {
                if (body is not null)
                {
                    response.ContentLength = body.Bytes.Length;
                }

                return;
            }

            if (body is null && !feed.IsStreamed)
            {
                // A list feed with a version: rendered (and checked) whole before anything is sent.
                body = Render(feed, writer, format, options, logger, path, cancellationToken);
                if (body is null)
                {
                    await FailAsync(response, cancellationToken).ConfigureAwait(false);
                    return;
                }
            }

            if (body is not null)
            {
                response.ContentLength = body.Bytes.Length;
                await body.Bytes.SendToAsync(response.Body, cancellationToken).ConfigureAwait(false);
                FeedKitLog.Rendered(logger, format, path, body.Feed.Articles.Length, body.Bytes.Length, "buffered");
                return;
            }

            await StreamAsync(context, feed, writer, format, options, logger, path).ConfigureAwait(false);
        }
        finally
        {
            body?.Dispose();
        }
    }

    /// <summary>A rendered feed in pooled memory: disposed once sent.</summary>
    private sealed record Rendered(PooledBufferStream Bytes, Feed Feed) : IDisposable
    {
        public void Dispose() => Bytes.Dispose();
    }

    /// <summary>
    /// Renders a list feed. With <see cref="BadArticlePolicy.Skip"/>, articles with errors are left out (and logged) and
    /// the rest rendered again; null (logged) when the feed cannot be written.
    /// </summary>
    private static Rendered? Render(Feed feed, FeedWriter writer, FeedFormat format, FeedEndpointOptions options, ILogger logger, string path, CancellationToken cancellationToken)
    {
        // The index of each article of the feed being rendered in the feed as given.
        var indexes = Enumerable.Range(0, feed.Articles.Length).ToArray();
        for (var round = 0; ; round++)
        {
            var buffer = new PooledBufferStream();
            try
            {
                writer.Write(feed, buffer, cancellationToken);
                return new Rendered(buffer, feed);
            }
            catch (Exception e) when (e is not FeedValidationException)
            {
                buffer.Dispose();
                throw;
            }
            catch (FeedValidationException e)
            {
                buffer.Dispose();
                var errors = e.Problems.Where(p => p.Severity == FeedProblemSeverity.Error).ToList();
                if (options.BadArticlePolicy == BadArticlePolicy.Skip && round < 3 && errors.Count > 0 && errors.All(p => p.Path.ArticleIndex is not null))
                {
                    var bad = errors.GroupBy(p => p.Path.ArticleIndex!.Value).ToDictionary(g => g.Key, g => g.ToList());
                    foreach (var (index, problems) in bad.OrderBy(b => b.Key))
                    {
                        FeedKitLog.Skipped(logger, indexes[index], format, path, Describe(problems, indexes[index]));
                    }

                    indexes = [.. indexes.Where((_, i) => !bad.ContainsKey(i))];
                    feed = new Feed(feed.Info, feed.Articles.Where((_, i) => !bad.ContainsKey(i)));
                    continue;
                }

                FeedKitLog.ValidationFailed(logger, format, path, "500, no part of the feed sent", Describe(e.Problems, null, indexes));
                return null;
            }
        }
    }

    /// <summary>Streams a feed whose articles come from an <see cref="IAsyncEnumerable{T}"/>, each read once.</summary>
    private static async Task StreamAsync(HttpContext context, Feed feed, FeedWriter writer, FeedFormat format, FeedEndpointOptions options, ILogger logger, string path)
    {
        var cancellationToken = context.RequestAborted;
        var counter = new StrongBox<int>();
        var articles = options.BadArticlePolicy == BadArticlePolicy.Skip
            ? SkipBad(feed.ArticleStream!, feed.Info, format, options, logger, path, counter, cancellationToken)
            : Count(feed.ArticleStream!, counter, cancellationToken);
        try
        {
            await writer.WriteAsync(new Feed(feed.Info, articles), context.Response.BodyWriter, cancellationToken).ConfigureAwait(false);
        }
        catch (FeedValidationException e)
        {
            // Part of the document may be in the response already: the only honest answer is to cut the connection
            // (HTTP/1.1: no final chunk; HTTP/2 and 3: a reset stream), so that no client takes it for a whole feed.
            FeedKitLog.ValidationFailed(
                logger,
                format,
                path,
                FormattableString.Invariant($"streamed response aborted after {counter.Value} articles were read"),
                Describe(e.Problems, null));
            context.Abort();
            return;
        }

        FeedKitLog.Rendered(logger, format, path, counter.Value, null, "streamed");
    }

    private static async IAsyncEnumerable<Article> Count(IAsyncEnumerable<Article> articles, StrongBox<int> counter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var article in articles.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            counter.Value++;
            yield return article;
        }
    }

    /// <summary>Checks each article alone (as <see cref="FeedLint"/> does, for this format) and leaves out those with errors.</summary>
    private static async IAsyncEnumerable<Article> SkipBad(
        IAsyncEnumerable<Article> articles,
        FeedInfo info,
        FeedFormat format,
        FeedEndpointOptions options,
        ILogger logger,
        string path,
        StrongBox<int> counter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lint = new FeedLintOptions { Formats = [format], FirstStrongGuard = options.WriterOptions.FirstStrongGuard };
        var index = -1;
        await foreach (var article in articles.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            index++;
            var errors = FeedLint.Check(new Feed(info, [article]), lint)
                .Where(p => p.Severity == FeedProblemSeverity.Error && p.Path.ArticleIndex == 0)
                .ToList();
            if (errors.Count > 0)
            {
                FeedKitLog.Skipped(logger, index, format, path, Describe(errors, index));
                continue;
            }

            counter.Value++;
            yield return article;
        }
    }

    /// <summary>The problems as <c>path code: message</c>, with article paths renumbered to the feed as given.</summary>
    private static string Describe(IEnumerable<FeedProblem> problems, int? articleIndex, int[]? indexes = null) =>
        string.Join("; ", problems.Select(p =>
        {
            var problemPath = p.Path;
            if (problemPath.ArticleIndex is { } index && (articleIndex ?? (indexes is not null && index < indexes.Length ? indexes[index] : null)) is { } real)
            {
                problemPath = ProblemPath.Article(real);
                foreach (var segment in p.Path.Members)
                {
                    problemPath = segment.Name is null ? problemPath.Index(segment.Index ?? 0) : problemPath.Then(segment.Name, segment.Index);
                }
            }

            return problemPath.ToString() + " " + p.Code + ": " + p.Message;
        }));

    private static async Task FailAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.Headers.Remove(HeaderNames.ETag);
        response.Headers.Remove(HeaderNames.LastModified);
        response.Headers.CacheControl = "no-store";
        response.StatusCode = StatusCodes.Status500InternalServerError;
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync("The feed could not be written; the server's log says why.", cancellationToken).ConfigureAwait(false);
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetService<ILoggerFactory>() is { } factory
            ? Loggers.GetValue(factory, f => f.CreateLogger(FeedKitLog.Category))
            : NullLogger.Instance;

    /// <summary>
    /// The self link's path: the request's; on a <c>MapFeed</c> endpoint's bare path (negotiated), the path of the
    /// format's own URL (<c>/feed</c> → <c>/feed.atom</c>).
    /// </summary>
    private static string SelfPath(HttpContext context, Representation representation)
    {
        var path = context.Request.PathBase.Add(context.Request.Path).ToUriComponent();
        if (representation.ByAccept && context.GetEndpoint()?.Metadata.GetMetadata<FeedEndpointMetadata>() is { Mapped: true })
        {
            path = path.TrimEnd('/') + "." + representation.Format.FileExtension();
        }

        return path;
    }

    /// <summary>
    /// The format the <c>Accept</c> header prefers (RFC 9110 §12.5.1): each format takes the quality of the most
    /// specific media range that matches it (its own type, then a generic XML type for the XML formats, then
    /// <c>application/*</c>, then <c>*/*</c>); the highest quality wins, then the more specific match, then the
    /// default format, then the order Atom, RSS, JSON. No header gives the default format; null when every format
    /// has quality 0.
    /// </summary>
    internal static FeedFormat? Negotiate(IList<MediaTypeHeaderValue> accept, FeedFormat defaultFormat)
    {
        if (accept.Count == 0)
        {
            return defaultFormat;
        }

        FeedFormat? best = null;
        (double Quality, int Specificity, int Preference) bestRank = (0, -1, -1);
        foreach (var format in Enum.GetValues<FeedFormat>())
        {
            var specificity = -1;
            var quality = 0.0;
            foreach (var range in accept)
            {
                var match = Specificity(range.MediaType.Value ?? string.Empty, format);
                if (match > specificity)
                {
                    specificity = match;
                    quality = range.Quality ?? 1.0;
                }
            }

            var preference = format == defaultFormat ? 3 : 2 - (int)format;
            var rank = (quality, specificity, preference);
            if (quality > 0 && rank.CompareTo(bestRank) > 0)
            {
                best = format;
                bestRank = rank;
            }
        }

        return best;
    }

    private static int Specificity(string range, FeedFormat format)
    {
        foreach (var (mediaType, candidate) in Acceptable)
        {
            if (candidate == format && string.Equals(range, mediaType, StringComparison.OrdinalIgnoreCase))
            {
                return 3;
            }
        }

        if (format is FeedFormat.Atom or FeedFormat.Rss
            && (string.Equals(range, "application/xml", StringComparison.OrdinalIgnoreCase) || string.Equals(range, "text/xml", StringComparison.OrdinalIgnoreCase)))
        {
            return 2;
        }

        return range switch
        {
            "application/*" => 1,
            "*/*" => 0,
            _ => -1,
        };
    }

    private static bool IsNotModified(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset? lastModified)
    {
        // RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since only counts without it.
        if (request.IfNoneMatch is { Count: > 0 } ifNoneMatch)
        {
            return ifNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(etag, useStrongComparison: false));
        }

        return request.IfModifiedSince is { } since && lastModified is { } modified && TruncateToSeconds(modified) <= since;
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static void AppendVary(HttpResponse response, string header)
    {
        var vary = response.Headers.Vary;
        if (!vary.Any(v => v is not null && v.Split(',').Any(name => name.Trim().Equals(header, StringComparison.OrdinalIgnoreCase))))
        {
            response.Headers.Append(HeaderNames.Vary, header);
        }
    }

    /// <summary>
    /// The content coding ASP.NET Core's response compression middleware will apply to this response (e.g. <c>gzip</c>),
    /// or null for identity. When the middleware would compress this media type, the response varies on
    /// <c>Accept-Encoding</c> whatever the request sent, and the 304 says so too (RFC 9110 §15.4.5).
    /// </summary>
    private static string? ContentCoding(HttpContext context)
    {
        if (context.RequestServices.GetService<IResponseCompressionProvider>() is not { } compression
            || !compression.ShouldCompressResponse(context))
        {
            return null;
        }

        AppendVary(context.Response, HeaderNames.AcceptEncoding);

        // The middleware sets this feature on the requests it handles (those with an Accept-Encoding); without it the
        // service is registered but the response goes out as it is.
        if (context.Features.Get<IHttpsCompressionFeature>() is null)
        {
            return null;
        }

        return compression.GetCompressionProvider(context)?.EncodingName;
    }

    private static EntityTagHeaderValue Tag(byte[] content, string? coding) => TagOfHash(SHA256.HashData(content), coding);

    private static EntityTagHeaderValue TagOfHash(byte[] hash, string? coding)
    {
        var tag = Convert.ToBase64String(hash, 0, 18).Replace('+', '-').Replace('/', '_');
        // A coding name is a token (RFC 9110 §8.4.1); only etagc characters (no '"', no controls) are kept.
        var suffix = coding is null ? string.Empty : "-" + new string(coding.Where(c => c > ' ' && c != '"' && c != '\x7f').ToArray());
        return new EntityTagHeaderValue("\"" + tag + suffix + "\"");
    }

    private static async Task<List<Article>> ToListAsync(IAsyncEnumerable<Article> articles, CancellationToken cancellationToken)
    {
        var list = new List<Article>();
        await foreach (var article in articles.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            list.Add(article);
        }

        return list;
    }
}
