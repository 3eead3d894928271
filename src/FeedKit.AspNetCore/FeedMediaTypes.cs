namespace FeedKit.AspNetCore;

/// <summary>The media types FeedKit serves, for content negotiation and for response compression settings.</summary>
public static class FeedMediaTypes
{
    /// <summary>Atom 1.0 (RFC 4287).</summary>
    public const string Atom = "application/atom+xml";

    /// <summary>RSS 2.0.</summary>
    public const string Rss = "application/rss+xml";

    /// <summary>JSON Feed 1.1.</summary>
    public const string Json = "application/feed+json";

    /// <summary>
    /// All three. ASP.NET Core's response compression does not compress them by default: add them, e.g.
    /// <c>options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(FeedMediaTypes.All);</c>
    /// </summary>
    public static IReadOnlyList<string> All { get; } = [Atom, Rss, Json];
}
