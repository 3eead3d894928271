namespace FeedKit;

/// <summary>The feed formats FeedKit writes. Their names, media types and file extensions: <see cref="FeedFormats"/>.</summary>
public enum FeedFormat
{
    /// <summary>Atom 1.0 (RFC 4287): <c>application/atom+xml</c>, <c>.atom</c>.</summary>
    Atom,

    /// <summary>RSS 2.0: <c>application/rss+xml</c>, <c>.rss</c>.</summary>
    Rss,

    /// <summary>JSON Feed 1.1: <c>application/feed+json</c>, <c>.json</c>.</summary>
    Json,
}
