using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;

namespace FeedKit.AspNetCore.Caching;

/// <summary>
/// The base output-cache policy <see cref="FeedCache.AddFeedKitPolicy"/> adds. On a feed endpoint (one with
/// <see cref="FeedEndpointMetadata"/>) it keys the entry by the negotiated format and the content coding, not by the
/// Host header, and tags it; elsewhere it does nothing. It never turns caching on: the endpoint's own policy
/// (<c>CacheOutput()</c>) decides whether and how long a feed is cached.
/// </summary>
internal sealed class FeedOutputCachePolicy : IOutputCachePolicy
{
    public const string FormatKey = "feedkit-format";
    public const string CodingKey = "feedkit-coding";

    public static FeedOutputCachePolicy Instance { get; } = new();

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<FeedEndpointMetadata>() is not { } feed)
        {
            return ValueTask.CompletedTask;
        }

        var rules = context.CacheVaryByRules;
        // The format the endpoint will send (its own negotiation), not the raw Accept header: the many Accept
        // headers that choose Atom share one entry, and a JSON Feed request never gets the Atom entry.
        rules.VaryByValues[FormatKey] = feed.Negotiate(http) is { } format ? format.FileExtension() : "none";
        // The content coding the response compression middleware will pick: the endpoint's ETag names it (a gzip
        // response has its own strong ETag), so the identity and gzip responses are different entries whichever side
        // of the output cache the compression middleware sits.
        rules.VaryByValues[CodingKey] = ContentCoding(http) ?? "identity";
        // The feed never depends on the Host header (self links come from the site's origin), so every host name the
        // app answers to shares an entry, and a forged Host header cannot fill the cache.
        rules.VaryByHost = false;
        context.Tags.Add(FeedCache.Tag);
        context.Tags.Add(FeedCache.TagFor(feed.Pattern));
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>
    /// The coding the response compression middleware would pick for this request's <c>Accept-Encoding</c> (e.g.
    /// <c>gzip</c>), or null when it is not registered or would pick none. Whether it then compresses a feed's media
    /// type is not known before the response, so this may split entries that turn out identical, never join
    /// different ones.
    /// </summary>
    internal static string? ContentCoding(HttpContext context) =>
        context.RequestServices.GetService<IResponseCompressionProvider>()?.GetCompressionProvider(context)?.EncodingName;

    /// <summary>
    /// Called by the feed endpoint: when output caching is on for this request but the FeedKit policy did not key it
    /// (<c>CacheOutput()</c> without <see cref="FeedCache.AddFeedKitPolicy"/>), the response is not stored, since the
    /// entry would be served for every format and coding.
    /// </summary>
    internal static void RefuseUnkeyedStorage(HttpContext context)
    {
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { } cache && !cache.CacheVaryByRules.VaryByValues.ContainsKey(FormatKey))
        {
            cache.AllowCacheStorage = false;
        }
    }
}
