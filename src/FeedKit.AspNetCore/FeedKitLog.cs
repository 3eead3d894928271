using Microsoft.Extensions.Logging;

namespace FeedKit.AspNetCore;

/// <summary>
/// The events FeedKit.AspNetCore logs, under the category <see cref="Category"/>, each with a stable
/// <see cref="EventId"/> (its number and name never change, so that log queries and filters can rely on them).
/// </summary>
public static partial class FeedKitLog
{
    /// <summary>The logger category of every FeedKit.AspNetCore event: <c>FeedKit.AspNetCore</c>.</summary>
    public const string Category = "FeedKit.AspNetCore";

    /// <summary>1 <c>FeedRendered</c> (Debug): a feed document was sent (format, path, articles, bytes when buffered).</summary>
    public static EventId FeedRendered { get; } = new(1, nameof(FeedRendered));

    /// <summary>2 <c>FeedNotModified</c> (Debug): a conditional request was answered <c>304 Not Modified</c>.</summary>
    public static EventId FeedNotModified { get; } = new(2, nameof(FeedNotModified));

    /// <summary>
    /// 3 <c>ArticleSkipped</c> (Warning): an article with errors was left out of the feed
    /// (<see cref="BadArticlePolicy.Skip"/>), with the paths and codes of its problems.
    /// </summary>
    public static EventId ArticleSkipped { get; } = new(3, nameof(ArticleSkipped));

    /// <summary>
    /// 4 <c>FeedValidationFailed</c> (Error): the feed could not be written (a 500 with no feed, or, once a streamed
    /// body has begun, an aborted response), with every problem's path and code.
    /// </summary>
    public static EventId FeedValidationFailed { get; } = new(4, nameof(FeedValidationFailed));

    /// <summary>
    /// 5 <c>WebSubPing</c> (Information, or Warning when the hub did not accept it): one publish notification to a
    /// hub through <see cref="WebSubServiceCollectionExtensions.AddFeedKitWebSub"/>'s client, retries included.
    /// </summary>
    public static EventId WebSubPing { get; } = new(5, nameof(WebSubPing));

    /// <summary>
    /// 6 <c>PodcastNotRss</c> (Warning, once per endpoint): a feed with a <see cref="Podcasts.PodcastShow"/> was sent
    /// as Atom or JSON Feed to a request that accepts any type, as podcast apps send; they read only RSS. Set
    /// <see cref="FeedEndpointOptions.DefaultFormat"/> (or <c>FeedKit:DefaultFormat</c>) to <c>Rss</c>.
    /// </summary>
    public static EventId PodcastNotRss { get; } = new(6, nameof(PodcastNotRss));

    [LoggerMessage(EventId = 1, EventName = nameof(FeedRendered), Level = LogLevel.Debug,
        Message = "Sent {Format} feed {Path} ({Articles} articles, {Bytes} bytes, {Mode})")]
    internal static partial void Rendered(ILogger logger, FeedFormat format, string path, int articles, long? bytes, string mode);

    [LoggerMessage(EventId = 2, EventName = nameof(FeedNotModified), Level = LogLevel.Debug,
        Message = "Answered 304 Not Modified for {Format} feed {Path} (ETag {ETag})")]
    internal static partial void NotModified(ILogger logger, FeedFormat format, string path, string etag);

    [LoggerMessage(EventId = 3, EventName = nameof(ArticleSkipped), Level = LogLevel.Warning,
        Message = "Left article {ArticleIndex} out of {Format} feed {Path}: {Problems}")]
    internal static partial void Skipped(ILogger logger, int articleIndex, FeedFormat format, string path, string problems);

    [LoggerMessage(EventId = 4, EventName = nameof(FeedValidationFailed), Level = LogLevel.Error,
        Message = "The {Format} feed {Path} could not be written ({Outcome}): {Problems}")]
    internal static partial void ValidationFailed(ILogger logger, FeedFormat format, string path, string outcome, string problems);

    [LoggerMessage(EventId = 6, EventName = nameof(PodcastNotRss), Level = LogLevel.Warning,
        Message = "The podcast {Path} was sent as {Format} to a request that accepts any type, as podcast apps send; they read only RSS: set DefaultFormat to Rss on its endpoint or in the FeedKit settings (logged once per endpoint)")]
    internal static partial void NotRss(ILogger logger, FeedFormat format, string path);

    [LoggerMessage(EventId = 5, EventName = nameof(WebSubPing),
        Message = "WebSub publish to hub {Hub}: {Outcome} in {ElapsedMilliseconds} ms")]
    internal static partial void Ping(ILogger logger, LogLevel level, string hub, string outcome, long elapsedMilliseconds);
}
