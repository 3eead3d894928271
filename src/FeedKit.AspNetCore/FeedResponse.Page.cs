using System.Runtime.CompilerServices;
using System.Text;
using FeedKit.Browser;
using FeedKit.Model;
using FeedKit.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FeedKit.AspNetCore;

/// <summary>
/// The feed's page for browsers (<see cref="FeedPage"/>) where the <c>Accept</c> header decides (<see cref="Choose"/>):
/// a request that prefers <c>text/html</c> to every feed type (a person who opened the feed's address) gets the page
/// instead of a feed or a 406, with its own ETag, the same <c>Last-Modified</c>, 304s and HEAD as the feeds, and
/// <see cref="FeedPage.ContentSecurityPolicy"/>.
/// </summary>
internal static partial class FeedResponse
{
    /// <summary>
    /// Whether the <c>Accept</c> header prefers the page: <c>text/html</c> takes the quality of the most specific range
    /// that matches it (<c>text/html</c>, then <c>text/*</c>, then <c>*/*</c>) and must be above 0 and strictly above
    /// the negotiated feed format's, so a feed type wins a tie (<c>*/*</c> alone still gets the feed). Browsers send
    /// <c>text/html</c> at 1 and <c>application/xml</c> at 0.9 or less, so they get the page.
    /// </summary>
    internal static bool PrefersPage(IList<MediaTypeHeaderValue> accept, FeedFormat? feed)
    {
        if (accept.Count == 0)
        {
            return false;
        }

        var page = Quality(accept, PageSpecificity);
        return page > 0 && (feed is not { } format || page > Quality(accept, range => Specificity(range, format)));
    }

    private static int PageSpecificity(string range) =>
        string.Equals(range, FeedPage.MediaType, StringComparison.OrdinalIgnoreCase) ? 2
        : string.Equals(range, "text/*", StringComparison.OrdinalIgnoreCase) ? 1
        : range == "*/*" ? 0
        : -1;

    /// <summary>The quality of the most specific range that matches (RFC 9110 §12.5.1); 0 when none does.</summary>
    private static double Quality(IList<MediaTypeHeaderValue> accept, Func<string, int> specificity)
    {
        var best = -1;
        var quality = 0.0;
        foreach (var range in accept)
        {
            var match = specificity(range.MediaType.Value ?? string.Empty);
            if (match > best)
            {
                best = match;
                quality = range.Quality ?? 1.0;
            }
        }

        return quality;
    }

    private static async Task SendPageAsync(HttpContext context, FeedResult result, FeedEndpointOptions options)
    {
        var request = context.Request;
        var response = context.Response;
        var cancellationToken = context.RequestAborted;

        // The source is asked for the default format's feed: the page shows what every format says.
        var source = await result.Source(options.DefaultFormat, cancellationToken).ConfigureAwait(false);
        var origin = options.PublicOrigin ?? new Uri(source.Feed.Info.SiteUrl.GetLeftPart(UriPartial.Authority));
        var links = PageLinks(context, result, options, origin);
        var feed = source.Feed with { Info = source.Feed.Info with { SelfUrl = links[0].Url } };
        if (options.BadArticlePolicy == BadArticlePolicy.Skip)
        {
            // As for the feeds: an article with errors (by Atom's rules, which the page follows) is left out and logged.
            var path = request.Path.Value ?? string.Empty;
            feed = new Feed(feed.Info, SkipBad(feed.ArticleStream ?? Enumerate(feed.Articles), feed.Info, FeedFormat.Atom, options, Logger(context), path, new StrongBox<int>(), cancellationToken));
        }

        if (feed.ArticleStream is { } stream && (feed.Info.Updated is null || source.Version is null))
        {
            feed = new Feed(feed.Info, await ToListAsync(stream, cancellationToken).ConfigureAwait(false));
        }

        response.ContentType = FeedPage.MediaType + "; charset=utf-8";
        var coding = ContentCoding(context);
        byte[]? body = null;
        EntityTagHeaderValue etag;
        if (source.Version is not null)
        {
            // Another key than any feed format's, so the page never shares a feed's ETag.
            etag = Tag(Encoding.UTF8.GetBytes($"{source.Version}\npage\n{string.Join('\n', links.Select(l => l.Url.AbsoluteUri))}"), coding);
        }
        else
        {
            try
            {
                body = FeedPage.WriteToBytes(feed, links, cancellationToken);
            }
            catch (FeedValidationException e)
            {
                FeedKitLog.ValidationFailed(Logger(context), options.DefaultFormat, request.Path.Value ?? string.Empty, "500, no part of the page sent", Describe(e.Problems, null));
                await FailAsync(response, cancellationToken).ConfigureAwait(false);
                return;
            }

            etag = Tag(body, coding);
        }

        var updated = feed.Updated;
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        if (updated is { } lastModified)
        {
            headers.LastModified = TruncateToSeconds(lastModified);
        }

        if (options.CacheControl is not null)
        {
            response.Headers.CacheControl = options.CacheControl;
        }

        if (IsNotModified(request.GetTypedHeaders(), etag, updated))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.ContentType = null;
            return;
        }

        response.Headers.ContentSecurityPolicy = FeedPage.ContentSecurityPolicy;
        if (body is not null)
        {
            response.ContentLength = body.Length;
        }

        if (HttpMethods.IsHead(request.Method))
        {
            return;
        }

        if (body is not null)
        {
            await response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await FeedPage.WriteAsync(feed, links, response.BodyWriter, cancellationToken).ConfigureAwait(false);
        }
        catch (FeedValidationException e)
        {
            // As for a streamed feed: part of the page may be sent already, so the connection is cut (a list feed is
            // checked whole before its first byte, so it still gets a 500 with nothing partial).
            FeedKitLog.ValidationFailed(Logger(context), options.DefaultFormat, request.Path.Value ?? string.Empty, "page aborted", Describe(e.Problems, null));
            if (response.HasStarted)
            {
                context.Abort();
                return;
            }

            await FailAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async IAsyncEnumerable<Article> Enumerate(IEnumerable<Article> articles)
    {
        foreach (var article in articles)
        {
            yield return article;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>
    /// The feed's address in each format, absolute: the result's own self paths; on a <c>MapFeed</c> endpoint's bare
    /// path, <c>/feed.atom</c>, <c>/feed.rss</c>, <c>/feed.json</c>; else the requested address itself, which gives a
    /// feed reader the default format.
    /// </summary>
    private static FeedPageLink[] PageLinks(HttpContext context, FeedResult result, FeedEndpointOptions options, Uri origin)
    {
        if (result.SelfPath is null && context.GetEndpoint()?.Metadata.GetMetadata<FeedEndpointMetadata>() is not { Mapped: true })
        {
            return [new FeedPageLink(options.DefaultFormat, new Uri(origin, context.Request.PathBase.Add(context.Request.Path).ToUriComponent()))];
        }

        // The default format first: it is the one a reader gets from the bare address.
        return [.. FeedFormats.All
            .OrderBy(f => f.Format == options.DefaultFormat ? 0 : 1)
            .ThenBy(f => f.Format)
            .Select(f => new FeedPageLink(f.Format, new Uri(origin, result.SelfPath?.Invoke(f.Format) ?? SelfPath(context, new Representation(f.Format, ByAccept: true)))))];
    }
}
