using FeedKit.Formats;

namespace FeedKit.AspNetCore;

/// <summary>
/// One endpoint's or result's options, given to <c>MapFeed</c>, <c>MapArchivedFeed</c> or
/// <see cref="FeedResults.Feed"/>; they replace the application's <see cref="FeedKitOptions"/> for it.
/// </summary>
public sealed record FeedEndpointOptions
{
    /// <summary>The default options.</summary>
    public static FeedEndpointOptions Default { get; } = new();

    /// <summary>
    /// The <c>Cache-Control</c> header of feed responses; null sends none. Default <c>public, max-age=300</c>:
    /// aggregators poll every few minutes, and a 304 answers them cheaply after that.
    /// </summary>
    public string? CacheControl { get; init; } = "public, max-age=300";

    /// <summary>How the documents are written (first-strong guard, indentation).</summary>
    public FeedWriterOptions WriterOptions { get; init; } = FeedWriterOptions.Default;

    /// <summary>
    /// The format served on the bare path when the request's <c>Accept</c> header accepts any of them
    /// (or is absent). Default Atom.
    /// </summary>
    public FeedFormat DefaultFormat { get; init; } = FeedFormat.Atom;

    /// <summary>
    /// The public origin (scheme, host, port) used to build each format's self link, such as
    /// <c>https://example.com</c>. Null means the origin of <see cref="Model.FeedInfo.SiteUrl"/>; the request's
    /// Host header is never used, so a forged one cannot change the feed.
    /// </summary>
    public Uri? PublicOrigin { get; init; }

    /// <summary>
    /// Whether the bare path serves the feed's page for browsers (<see cref="Browser.FeedPage"/>) to a request that
    /// prefers <c>text/html</c> to every feed type, as a browser does when a person opens the feed's address. Default
    /// true; false answers such a request as before (a feed when its <c>Accept</c> also allows one, else 406). The
    /// format paths (<c>.atom</c>, <c>.rss</c>, <c>.json</c>) always serve their feed.
    /// </summary>
    public bool BrowserPage { get; init; } = true;

    /// <summary>
    /// The <c>Cache-Control</c> header of archive documents mapped by
    /// <see cref="FeedEndpointRouteBuilderExtensions.MapArchivedFeed"/>; null sends none. Default
    /// <c>public, max-age=86400</c>: a full archive never changes, except for the <c>next-archive</c> link it gets once
    /// when the next archive fills, and its ETag stays the same as long as it does not.
    /// </summary>
    public string? ArchiveCacheControl { get; init; } = "public, max-age=86400";

    /// <summary>What to do with an article that has errors. Default <see cref="BadArticlePolicy.Fail"/>.</summary>
    public BadArticlePolicy BadArticlePolicy { get; init; }
}
