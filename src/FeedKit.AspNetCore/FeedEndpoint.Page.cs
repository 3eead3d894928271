using System.Text;
using FeedKit.Browser;
using FeedKit.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FeedKit.AspNetCore;

/// <summary>
/// The feed's page for browsers (<see cref="FeedPage"/>) on the bare path: a request that prefers <c>text/html</c>
/// to every feed type (a person who opened the feed's address) gets the page instead of a feed or a 406, with its own
/// ETag, the same <c>Last-Modified</c>, 304s and HEAD as the feeds, and <see cref="FeedPage.ContentSecurityPolicy"/>.
/// </summary>
internal sealed partial class FeedEndpoint
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

    private async Task HandlePageAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var cancellationToken = context.RequestAborted;

        // The source is asked for the default format's feed: the page shows what every format says.
        var feed = await source(context, options.DefaultFormat, cancellationToken).ConfigureAwait(false);
        var origin = options.PublicOrigin ?? new Uri(feed.Feed.Info.SiteUrl.GetLeftPart(UriPartial.Authority));
        var links = FeedFormats.All
            .Select(f => new FeedPageLink(f.Format, new Uri(origin, request.PathBase.Add(pattern + "." + f.FileExtension).ToUriComponent())))
            .ToArray();
        var info = feed.Feed.Info with { SelfUrl = links[(int)options.DefaultFormat].Url };
        var toWrite = feed.Feed with { Info = info };
        if (toWrite.ArticleStream is { } stream && (info.Updated is null || feed.Version is null))
        {
            toWrite = new Feed(info, await ToListAsync(stream, cancellationToken).ConfigureAwait(false));
        }

        var updated = toWrite.Updated;
        response.ContentType = FeedPage.MediaType + "; charset=utf-8";
        var coding = ContentCoding(context);
        byte[]? body = null;
        EntityTagHeaderValue etag;
        if (feed.Version is not null)
        {
            // Another key than any feed format's, so the page never shares a feed's ETag.
            etag = Tag(Encoding.UTF8.GetBytes($"{feed.Version}\npage\n{string.Join('\n', links.Select(l => l.Url.AbsoluteUri))}"), coding);
        }
        else
        {
            body = FeedPage.WriteToBytes(toWrite, links, cancellationToken);
            etag = Tag(body, coding);
        }

        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        if (updated is { } lastModified)
        {
            headers.LastModified = TruncateToSeconds(lastModified);
        }

        if (CacheControl is not null)
        {
            response.Headers.CacheControl = CacheControl;
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

        await FeedPage.WriteAsync(toWrite, links, response.BodyWriter, cancellationToken).ConfigureAwait(false);
    }
}
