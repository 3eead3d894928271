using FeedKit.Formats;

namespace FeedKit.AspNetCore;

/// <summary>
/// The application's FeedKit options: registered by
/// <see cref="FeedKitServiceCollectionExtensions.AddFeedKit"/>, bound from the configuration section
/// <see cref="SectionName"/> and changed by its delegate. Every feed response uses them unless its endpoint was given
/// its own <see cref="FeedEndpointOptions"/>.
/// </summary>
/// <example>
/// <code>
/// "FeedKit": {
///   "CacheControl": "public, max-age=600",
///   "FirstStrongGuard": true,
///   "Stylesheet": "https://example.com/feed.xsl",
///   "BadArticlePolicy": "Skip"
/// }
/// </code>
/// </example>
public sealed class FeedKitOptions
{
    /// <summary>The configuration section bound to these options: <c>FeedKit</c>.</summary>
    public const string SectionName = "FeedKit";

    /// <summary>The <c>Cache-Control</c> header of feed responses; null sends none. Default <c>public, max-age=300</c>.</summary>
    public string? CacheControl { get; set; } = FeedEndpointOptions.Default.CacheControl;

    /// <summary>The <c>Cache-Control</c> header of archive documents; null sends none. Default <c>public, max-age=86400</c>.</summary>
    public string? ArchiveCacheControl { get; set; } = FeedEndpointOptions.Default.ArchiveCacheControl;

    /// <summary>The format served when the <c>Accept</c> header accepts any (or is absent). Default Atom.</summary>
    public FeedFormat DefaultFormat { get; set; } = FeedEndpointOptions.Default.DefaultFormat;

    /// <summary>The public origin of the self links, such as <c>https://example.com</c>; null for the feed's site's origin.</summary>
    public Uri? PublicOrigin { get; set; }

    /// <summary>Whether texts that start against their direction get a first-strong guard mark (<see cref="FeedWriterOptions.FirstStrongGuard"/>). Default true.</summary>
    public bool FirstStrongGuard { get; set; } = FeedWriterOptions.Default.FirstStrongGuard;

    /// <summary>Whether the documents are indented (<see cref="FeedWriterOptions.Indent"/>). Default true.</summary>
    public bool Indent { get; set; } = FeedWriterOptions.Default.Indent;

    /// <summary>The XSLT stylesheet the XML formats point to (<see cref="FeedWriterOptions.Stylesheet"/>); null for none.</summary>
    public Uri? Stylesheet { get; set; }

    /// <summary>What to do with an article that has errors. Default <see cref="BadArticlePolicy.Fail"/>.</summary>
    public BadArticlePolicy BadArticlePolicy { get; set; }

    /// <summary>
    /// Whether a request that prefers <c>text/html</c> to every feed type (a browser) gets the feed's page
    /// (<see cref="FeedEndpointOptions.BrowserPage"/>). Default true.
    /// </summary>
    public bool BrowserPage { get; set; } = FeedEndpointOptions.Default.BrowserPage;

    /// <summary>These options as one endpoint's options.</summary>
    internal FeedEndpointOptions ToEndpointOptions() => new()
    {
        CacheControl = CacheControl,
        ArchiveCacheControl = ArchiveCacheControl,
        DefaultFormat = DefaultFormat,
        PublicOrigin = PublicOrigin,
        BadArticlePolicy = BadArticlePolicy,
        BrowserPage = BrowserPage,
        WriterOptions = FeedWriterOptions.Default with { FirstStrongGuard = FirstStrongGuard, Indent = Indent, Stylesheet = Stylesheet },
    };
}
