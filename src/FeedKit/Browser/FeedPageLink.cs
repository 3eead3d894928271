namespace FeedKit.Browser;

/// <summary>
/// One way to subscribe to a feed, shown on its <see cref="FeedPage"/>: a format and the absolute URL of the feed
/// document in that format. The page lists it under "Subscribe" with a copy button, and declares it in
/// <c>&lt;link rel="alternate"&gt;</c> so that browsers' and readers' feed discovery finds it.
/// </summary>
public sealed record FeedPageLink
{
    /// <summary>Creates a link.</summary>
    /// <param name="format">The feed's format.</param>
    /// <param name="url">The feed document's absolute <c>http</c> or <c>https</c> URL.</param>
    /// <exception cref="ArgumentException"><paramref name="url"/> is relative or not <c>http</c> or <c>https</c>.</exception>
    public FeedPageLink(FeedFormat format, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"A feed page links to absolute http or https URLs; \"{url.OriginalString}\" is not one.", nameof(url));
        }

        _ = FeedFormats.Get(format);
        Format = format;
        Url = url;
    }

    /// <summary>The feed's format.</summary>
    public FeedFormat Format { get; }

    /// <summary>The feed document's absolute URL.</summary>
    public Uri Url { get; }
}
