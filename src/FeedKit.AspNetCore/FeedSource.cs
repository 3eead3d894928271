using FeedKit.Model;

namespace FeedKit.AspNetCore;

/// <summary>
/// What a feed endpoint serves for one request: the feed's description and its articles, and optionally a version.
/// </summary>
/// <param name="Feed">
/// The feed, from a list or streamed (read once per request that gets a body). Its <see cref="FeedInfo.SelfUrl"/> is
/// replaced by the URL of the format being served. When <see cref="FeedInfo.Updated"/> is null it is the newest
/// article's date, which means reading all articles before the first byte is sent.
/// </param>
public sealed record FeedSource(Feed Feed)
{
    /// <summary>
    /// A string that changes whenever the feed's content changes (a database row version, the newest article's
    /// id and date, a content hash). With it the endpoint answers <c>If-None-Match</c> with 304 without rendering
    /// the feed, and streams the body of a streamed feed instead of buffering it. Without it the feed is rendered into memory and the
    /// ETag is a hash of the bytes.
    /// </summary>
    public string? Version { get; init; }
}
