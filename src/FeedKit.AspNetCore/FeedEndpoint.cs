using System.Security.Cryptography;
using System.Text;
using FeedKit.Formats;
using FeedKit.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace FeedKit.AspNetCore;

/// <summary>Serves one mapped feed: negotiation, conditional requests, HEAD, and the body.</summary>
internal sealed partial class FeedEndpoint(string pattern, Func<HttpContext, FeedFormat, CancellationToken, ValueTask<FeedSource>> source, FeedEndpointOptions options)
{
    public FeedEndpoint(string pattern, Func<HttpContext, CancellationToken, ValueTask<FeedSource>> source, FeedEndpointOptions options)
        : this(pattern, (context, _, cancellationToken) => source(context, cancellationToken), options)
    {
    }

    /// <summary>Overrides <see cref="FeedEndpointOptions.CacheControl"/> (archive documents, which never change, are cached longer).</summary>
    public string? CacheControl { get; init; } = options.CacheControl;

    private static readonly (string MediaType, FeedFormat Format)[] Acceptable =
    [
        .. FeedFormats.All.Select(f => (f.MediaType, f.Format)),
        ("application/json", FeedFormat.Json),
    ];

    public async Task HandleAsync(HttpContext context, FeedFormat? fixedFormat)
    {
        var request = context.Request;
        var response = context.Response;
        var cancellationToken = context.RequestAborted;
        if (fixedFormat is null)
        {
            response.Headers.Vary = HeaderNames.Accept;
        }

        var accept = request.GetTypedHeaders().Accept;
        var format = fixedFormat ?? Negotiate(accept);
        if (fixedFormat is null && options.BrowserPage && PrefersPage(accept, format))
        {
            await HandlePageAsync(context).ConfigureAwait(false);
            return;
        }

        if (format is null)
        {
            response.StatusCode = StatusCodes.Status406NotAcceptable;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync($"This feed is available as {string.Join(", ", FeedFormats.All.Select(f => f.MediaType))}.", cancellationToken).ConfigureAwait(false);
            return;
        }

        var writer = CreateWriter(format.Value);
        var feed = await source(context, format.Value, cancellationToken).ConfigureAwait(false);
        var origin = options.PublicOrigin ?? new Uri(feed.Feed.Info.SiteUrl.GetLeftPart(UriPartial.Authority));
        var info = feed.Feed.Info with { SelfUrl = new Uri(origin, request.PathBase.Add(pattern + "." + format.Value.FileExtension()).ToUriComponent()) };
        // Without a version, the ETag is a hash of the bytes; without a date, the newest article gives it. Either way the
        // articles are read into a list first.
        var toWrite = feed.Feed with { Info = info };
        if (toWrite.ArticleStream is { } stream && (info.Updated is null || feed.Version is null))
        {
            toWrite = new Feed(info, await ToListAsync(stream, cancellationToken).ConfigureAwait(false));
        }

        info = info with { Updated = toWrite.Updated };

        // RFC 9110 §8.8.3: a strong ETag belongs to one representation, content coding included, so a gzip response
        // gets another ETag than the identity one. The content type is needed to ask the compression middleware.
        response.ContentType = format.Value.MediaType() + "; charset=utf-8";
        var coding = ContentCoding(context);
        byte[]? body = null;
        EntityTagHeaderValue etag;
        if (feed.Version is not null)
        {
            etag = Tag(Encoding.UTF8.GetBytes($"{feed.Version}\n{format}\n{options.WriterOptions}\n{info.SelfUrl}"), coding);
        }
        else
        {
            body = writer.WriteToBytes(toWrite, cancellationToken);
            etag = Tag(body, coding);
        }

        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        if (info.Updated is { } updated)
        {
            headers.LastModified = TruncateToSeconds(updated);
        }

        if (CacheControl is not null)
        {
            response.Headers.CacheControl = CacheControl;
        }

        if (IsNotModified(request.GetTypedHeaders(), etag, info.Updated))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.ContentType = null;
            return;
        }

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

        await writer.WriteAsync(toWrite, response.BodyWriter, cancellationToken).ConfigureAwait(false);
    }

    private FeedWriter CreateWriter(FeedFormat format) => FeedWriter.Create(format, options.WriterOptions);

    /// <summary>
    /// The format the <c>Accept</c> header prefers (RFC 9110 §12.5.1): each format takes the quality of the most
    /// specific media range that matches it (its own type, then a generic XML type for the XML formats, then
    /// <c>application/*</c>, then <c>*/*</c>); the highest quality wins, then the more specific match, then the
    /// default format, then the order Atom, RSS, JSON. No header gives the default format; null when every format
    /// has quality 0.
    /// </summary>
    internal FeedFormat? Negotiate(IList<MediaTypeHeaderValue> accept)
    {
        if (accept.Count == 0)
        {
            return options.DefaultFormat;
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

            var preference = format == options.DefaultFormat ? 3 : 2 - (int)format;
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
        new DateTimeOffset(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

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

        var vary = context.Response.Headers.Vary;
        if (!vary.Any(v => v is not null && v.Split(',').Any(name => name.Trim().Equals(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase))))
        {
            context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        }

        // The middleware sets this feature on the requests it handles (those with an Accept-Encoding); without it the
        // service is registered but the response goes out as it is.
        if (context.Features.Get<IHttpsCompressionFeature>() is null)
        {
            return null;
        }

        return compression.GetCompressionProvider(context)?.EncodingName;
    }

    private static EntityTagHeaderValue Tag(byte[] content, string? coding)
    {
        var hash = SHA256.HashData(content);
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
