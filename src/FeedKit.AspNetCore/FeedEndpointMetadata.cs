using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace FeedKit.AspNetCore;

/// <summary>
/// Endpoint metadata on every endpoint that serves a FeedKit feed, read by the self link and by the output-cache
/// policy (<see cref="Caching.FeedCache.AddFeedKitPolicy"/>).
/// </summary>
/// <param name="Pattern">The feed's route pattern, with a route group's prefix (<c>/feed</c>, <c>/tags/{tag}/feed</c>):
/// the same for all the endpoints of one feed, and its cache tag (<see cref="Caching.FeedCache.TagFor"/>).</param>
/// <param name="Options">The feed's own options; null for the application's.</param>
/// <param name="Mapped">True on the endpoints of <c>MapFeed</c> and <c>MapArchivedFeed</c>: FeedKit chooses the
/// representation (<see cref="FeedResponse.Choose"/>) before the handler runs, with <paramref name="Options"/>, and
/// the bare path's self link names the format's extension. False on an endpoint whose handler returns a
/// <see cref="FeedResult"/> (added by <see cref="FeedResult"/>'s metadata): the handler chooses its own format and
/// options, so nothing is known before it runs.</param>
internal sealed record FeedEndpointMetadata(string Pattern, FeedEndpointOptions? Options, bool Mapped)
{
    /// <summary>
    /// The metadata for an endpoint being built: the pattern is the endpoint's whole route pattern (a group's prefix
    /// included) without <paramref name="suffix"/>, the part the mapping added after the feed's pattern (e.g.
    /// <c>.{format}</c>); <paramref name="pattern"/> when the endpoint has no route pattern.
    /// </summary>
    public static FeedEndpointMetadata For(EndpointBuilder endpoint, string pattern, string suffix, FeedEndpointOptions? options, bool mapped)
    {
        if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } raw } && raw.EndsWith(suffix, StringComparison.Ordinal))
        {
            pattern = raw[..^suffix.Length];
        }

        return new FeedEndpointMetadata(pattern, options, mapped);
    }
}
