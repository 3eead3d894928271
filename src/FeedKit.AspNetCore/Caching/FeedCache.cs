using Microsoft.AspNetCore.OutputCaching;

namespace FeedKit.AspNetCore.Caching;

/// <summary>
/// Output caching of FeedKit feeds (ASP.NET Core's <c>Microsoft.AspNetCore.OutputCaching</c>, in memory or in a
/// shared store such as Redis): one entry per negotiated format and content coding, tagged so that publishing an
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
    /// The tag of the cached responses of one mapped feed: <c>feedkit:</c> followed by the pattern it was mapped with,
    /// e.g. <c>feedkit:/feed</c> for all of <c>/feed</c>, <c>/feed.atom</c>, <c>/feed.rss</c> and <c>/feed.json</c>.
    /// </summary>
    /// <param name="pattern">The pattern given to <c>MapFeed</c> or <c>MapArchivedFeed</c>.</param>
    /// <returns>The tag.</returns>
    public static string TagFor(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        return Tag + ":" + pattern;
    }

    /// <summary>
    /// Adds the FeedKit base policy: a feed endpoint that is output-cached (<c>CacheOutput()</c>, with any policy
    /// and expiration) gets one entry per negotiated format (the endpoint's own negotiation of <c>Accept</c> and the
    /// path's extension) and per content coding of the response compression middleware, shared by every host name,
    /// and tagged <see cref="Tag"/> and <see cref="TagFor"/>. It turns caching on for no endpoint. Without it, a feed
    /// endpoint refuses to have its responses stored, since one entry would be served for every format.
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
    /// <param name="pattern">The pattern given to <c>MapFeed</c>, e.g. <c>/feed</c>.</param>
    /// <param name="cancellationToken">Cancels the eviction.</param>
    /// <returns>A task that completes when the entries are evicted.</returns>
    public static ValueTask EvictFeedAsync(this IOutputCacheStore store, string pattern, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.EvictByTagAsync(TagFor(pattern), cancellationToken);
    }
}
