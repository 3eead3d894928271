using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;

namespace FeedKit.AspNetCore.Caching;

/// <summary>
/// The base output-cache policy <see cref="FeedCache.AddFeedKitPolicy"/> adds. On a feed endpoint (one with
/// <see cref="FeedEndpointMetadata"/>) it keys the entry by the representation that will be sent and the content
/// coding, not by the Host header, and tags it; elsewhere it does nothing. It never turns caching on: the endpoint's
/// own policy (<c>CacheOutput()</c>) decides whether and how long a feed is cached.
/// </summary>
internal sealed class FeedOutputCachePolicy : IOutputCachePolicy
{
    /// <summary>The key of the representation: what <see cref="FeedResponse.Choose"/> chose, or <see cref="ByHandler"/>.</summary>
    public const string RepresentationKey = "feedkit-representation";

    /// <summary>The key of the <c>Accept</c> header as sent, on an endpoint whose handler chooses the format.</summary>
    public const string AcceptKey = "feedkit-accept";

    public const string CodingKey = "feedkit-coding";

    /// <summary>The representation's key on an endpoint whose handler returns a <see cref="FeedResult"/>.</summary>
    public const string ByHandler = "handler";

    public static FeedOutputCachePolicy Instance { get; } = new();

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<FeedEndpointMetadata>() is not { } feed)
        {
            return ValueTask.CompletedTask;
        }

        var rules = context.CacheVaryByRules;
        if (feed.Mapped)
        {
            // MapFeed and MapArchivedFeed: the representation the endpoint will send, from the one place that decides
            // it (the format route value, else Accept with the feed's options), not the raw Accept header: the many
            // Accept headers that choose Atom share one entry, and a JSON Feed request never gets the Atom entry.
            var (chosen, _) = FeedResponse.Choose(http, null, FeedResponse.OptionsFor(http, feed.Options));
            rules.VaryByValues[RepresentationKey] = chosen is { } representation ? Key(representation) : "none";
        }
        else
        {
            // A handler that returns FeedResults.Feed(...) picks its own fixed format and options, unknown until it
            // has run: the entry is keyed by the Accept header as sent (with the path and query, all the result's
            // choice can depend on), which may split entries that turn out identical, never join different ones.
            rules.VaryByValues[RepresentationKey] = ByHandler;
            rules.VaryByValues[AcceptKey] = http.Request.Headers.Accept.ToString();
        }

        // The content coding the response compression middleware will pick: the feed's ETag names it (a gzip
        // response has its own strong ETag), so the identity and gzip responses are different entries whichever side
        // of the output cache the compression middleware sits.
        rules.VaryByValues[CodingKey] = ContentCoding(http) ?? "identity";
        // The feed never depends on the Host header (self links come from the public origin), so every host name the
        // app answers to shares an entry, and a forged Host header cannot fill the cache.
        rules.VaryByHost = false;
        context.Tags.Add(FeedCache.Tag);
        context.Tags.Add(FeedCache.TagFor(feed.Pattern));
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>
    /// The key of a representation. Every member of <see cref="Representation"/> is in it (a record's text lists
    /// them all, culture-invariant: enum names and <c>True</c>/<c>False</c>), so a kind of representation added
    /// later gets its own entries without a change here; whether the Accept header chose it matters, since the
    /// bare path's self link then names the format.
    /// </summary>
    internal static string Key(Representation representation) => representation.ToString();

    /// <summary>
    /// The coding the response compression middleware would pick for this request's <c>Accept-Encoding</c> (e.g.
    /// <c>gzip</c>), or null when it is not registered or would pick none. Whether it then compresses a feed's media
    /// type is not known before the response, so this may split entries that turn out identical, never join
    /// different ones.
    /// </summary>
    internal static string? ContentCoding(HttpContext context) =>
        context.RequestServices.GetService<IResponseCompressionProvider>()?.GetCompressionProvider(context)?.EncodingName;

    /// <summary>
    /// Called by <see cref="FeedResponse.SendAsync"/> once it knows what it sends: when output caching is on for this
    /// request, the response is stored only if the FeedKit policy keyed it by this very representation (or by the
    /// request's Accept header, for a handler's result). Without the FeedKit policy's key (<c>CacheOutput()</c>
    /// without <see cref="FeedCache.AddFeedKitPolicy"/>, or a feed result from a handler whose return type does not
    /// say <see cref="FeedResult"/>), the entry is keyed by the path alone, so it is stored only when the path alone
    /// decides the bytes: a format from the extension or fixed by the handler, and no response compression (whose
    /// coding and ETag follow <c>Accept-Encoding</c>); a negotiated response is not stored, since its entry would be
    /// served for every format. A result whose representation is not the one the key names (a handler's own fixed
    /// format inside <c>MapFeed</c>) is not stored either.
    /// </summary>
    internal static void AllowStorageOf(HttpContext context, Representation sent)
    {
        if (context.Features.Get<IOutputCacheFeature>()?.Context is not { } cache)
        {
            return;
        }

        if (!cache.CacheVaryByRules.VaryByValues.TryGetValue(RepresentationKey, out var key))
        {
            if (sent.ByAccept || context.RequestServices.GetService<IResponseCompressionProvider>() is not null)
            {
                cache.AllowCacheStorage = false;
            }

            return;
        }

        if (key != ByHandler && key != Key(sent))
        {
            cache.AllowCacheStorage = false;
        }
    }
}
