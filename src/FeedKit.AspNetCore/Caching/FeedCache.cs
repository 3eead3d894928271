using Microsoft.AspNetCore.OutputCaching;

namespace FeedKit.AspNetCore.Caching;

/// <summary>
/// Output caching of FeedKit feeds (ASP.NET Core's <c>Microsoft.AspNetCore.OutputCaching</c>, in memory or in a
/// shared store such as Redis): one entry per path, representation and content coding, tagged so that publishing an
/// article evicts every feed with one call.
/// </summary>
/// <example>
/// <code>
/// builder.Services.AddOutputCache(o => o.AddFeedKitPolicy());
/// app.UseOutputCache();
/// app.MapFeed("/feed", source).CacheOutput();
/// // after publishing: await outputCacheStore.EvictFeedsAsync(ct);
/// </code>
/// </example>
public static class FeedCache
{
    /// <summary>The tag of every cached feed response (<c>feedkit</c>).</summary>
    public const string Tag = "feedkit";

    /// <summary>
    /// The tag of the cached responses of one feed: <c>feedkit:</c> followed by its route pattern, e.g.
    /// <c>feedkit:/feed</c> for all of <c>/feed</c>, <c>/feed.atom</c>, <c>/feed.rss</c> and <c>/feed.json</c> (and an
    /// archived feed's archives), or <c>feedkit:/tags/{tag}/feed</c> for every tag's feed.
    /// </summary>
    /// <param name="pattern">The pattern given to <c>MapFeed</c> or <c>MapArchivedFeed</c> (in a route group, with the
    /// group's prefix), or the route pattern of an endpoint whose handler returns a <see cref="FeedResult"/>.</param>
    /// <returns>The tag.</returns>
    public static string TagFor(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        return Tag + ":" + pattern;
    }

    /// <summary>
    /// Adds the FeedKit base policy: a feed endpoint that is output-cached (<c>CacheOutput()</c>, with any policy
    /// and expiration) gets one entry per path, per representation and per content coding of the response
    /// compression middleware, shared by every host name, and tagged <see cref="Tag"/> and <see cref="TagFor"/>. On
    /// <c>MapFeed</c> and <c>MapArchivedFeed</c> the representation is the format the response will be sent in (the
    /// extension, else <c>Accept</c>, decided by the same code that sends it); on an endpoint whose handler returns a
    /// <see cref="FeedResult"/>, whose format only the handler knows, it is the <c>Accept</c> header as sent. It turns
    /// caching on for no endpoint. A feed response is stored only under a key that names its representation: without
    /// this policy, a negotiated feed response is not stored, since one entry would be served for every format.
    /// </summary>
    /// <param name="options">The output-cache options, in <c>services.AddOutputCache(o => o.AddFeedKitPolicy())</c>.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    public static OutputCacheOptions AddFeedKitPolicy(this OutputCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddBasePolicy(FeedOutputCachePolicy.Instance);
        return options;
    }

    /// <summary>
    /// Evicts every cached FeedKit feed response from the store (tag <see cref="Tag"/>): call it after publishing, and
    /// before pinging a WebSub hub, so that the next request of any instance sharing the store renders the new feed.
    /// </summary>
    /// <param name="store">The output-cache store (from dependency injection).</param>
    /// <param name="cancellationToken">Cancels the eviction.</param>
    /// <returns>A task that completes when the entries are evicted.</returns>
    public static ValueTask EvictFeedsAsync(this IOutputCacheStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.EvictByTagAsync(Tag, cancellationToken);
    }

    /// <summary>Evicts the cached responses of the feed mapped at <paramref name="pattern"/> (tag <see cref="TagFor"/>).</summary>
    /// <param name="store">The output-cache store (from dependency injection).</param>
    /// <param name="pattern">The feed's route pattern (see <see cref="TagFor"/>), e.g. <c>/feed</c> or <c>/tags/{tag}/feed</c>.</param>
    /// <param name="cancellationToken">Cancels the eviction.</param>
    /// <returns>A task that completes when the entries are evicted.</returns>
    public static ValueTask EvictFeedAsync(this IOutputCacheStore store, string pattern, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.EvictByTagAsync(TagFor(pattern), cancellationToken);
    }
}
