namespace FeedKit.AspNetCore;

/// <summary>What a feed response does with an article that has errors (a blank headline, a relative URL…).</summary>
public enum BadArticlePolicy
{
    /// <summary>
    /// The feed is not sent: a list feed (everything buffered) gets <c>500</c> with no part of the feed; a streamed
    /// feed whose body has begun is aborted, so the client sees an incomplete response, never a complete-looking
    /// truncated one. Logged as <see cref="FeedKitLog.FeedValidationFailed"/>. The default.
    /// </summary>
    Fail,

    /// <summary>
    /// The article is left out and the rest is sent; each one left out is logged as
    /// <see cref="FeedKitLog.ArticleSkipped"/> with its problems' paths. Errors of the feed itself (its title, its
    /// URLs) still fail it.
    /// </summary>
    Skip,
}
