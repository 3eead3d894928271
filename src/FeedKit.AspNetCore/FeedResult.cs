using System.Reflection;
using FeedKit.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace FeedKit.AspNetCore;

/// <summary>
/// A feed response, made by <see cref="FeedResults.Feed"/>: content negotiation, a strong <c>ETag</c>,
/// <c>Last-Modified</c>, <c>304 Not Modified</c>, <c>HEAD</c> and streaming. It is both a minimal-API
/// <see cref="IResult"/> and an MVC <see cref="IActionResult"/>, and it describes itself to OpenAPI (200 with the
/// three feed media types, 304, 406).
/// </summary>
public sealed class FeedResult : IResult, IActionResult, IEndpointMetadataProvider
{
    internal FeedResult(Func<FeedFormat, CancellationToken, ValueTask<FeedSource>> source, FeedFormat? format, FeedEndpointOptions? options)
    {
        Source = source;
        Format = format;
        Options = options;
    }

    internal FeedResult(FeedSource source, FeedFormat? format, FeedEndpointOptions? options)
        : this((_, _) => ValueTask.FromResult(source), format, options)
    {
    }

    /// <summary>Gives the feed for the format chosen (an archive's links depend on it).</summary>
    internal Func<FeedFormat, CancellationToken, ValueTask<FeedSource>> Source { get; }

    /// <summary>The format always sent; null to choose it per request.</summary>
    internal FeedFormat? Format { get; }

    /// <summary>This result's own options; null for the application's.</summary>
    internal FeedEndpointOptions? Options { get; }

    /// <summary>What was already chosen for this request (by <c>MapFeed</c>, before it called the source).</summary>
    internal Representation? Chosen { get; init; }

    /// <summary>The path (with the path base) of the document's self link for a format; null for the request's.</summary>
    internal Func<FeedFormat, string>? SelfPath { get; init; }

    /// <summary>Whether this is a full archive document (sent with <see cref="FeedEndpointOptions.ArchiveCacheControl"/>).</summary>
    internal bool IsArchive { get; init; }

    /// <summary>Writes the response.</summary>
    /// <param name="httpContext">The request's context.</param>
    /// <returns>A task that completes when the response is written.</returns>
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return FeedResponse.SendAsync(httpContext, this);
    }

    /// <inheritdoc/>
    Task IActionResult.ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ExecuteAsync(context.HttpContext);
    }

    /// <inheritdoc/>
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        FeedResponse.AddMetadata(builder);
    }
}

/// <summary>Makes feed results, for minimal-API handlers (<see cref="IResult"/>) and MVC actions (<see cref="IActionResult"/>).</summary>
/// <example>
/// <code>
/// app.MapGet("/authors/{name}/feed", async (string name, INewsStore store, CancellationToken ct) =>
///     FeedResults.Feed(new FeedSource(new Feed(info, store.ByAuthor(name, ct))) { Version = await store.VersionAsync(ct) }));
///
/// // MVC
/// public IActionResult Feed() => FeedResults.Feed(new FeedSource(feed), FeedFormat.Rss);
/// </code>
/// </example>
public static class FeedResults
{
    /// <summary>
    /// A feed response. The format is <paramref name="format"/> when given; else the route value <c>format</c> when the
    /// route has one (a file extension: <c>atom</c>, <c>rss</c>, <c>json</c>; anything else is 404); else the one the
    /// <c>Accept</c> header prefers (with <c>Vary: Accept</c>; 406 when it accepts none). The self link is the
    /// request's URL on the public origin (<see cref="FeedEndpointOptions.PublicOrigin"/>, else the site's), never
    /// the request's <c>Host</c>.
    /// </summary>
    /// <param name="source">The feed and its optional version (with a version, a conditional request is answered
    /// without reading an article, and a streamed feed is streamed).</param>
    /// <param name="format">The format to send whatever the request says; null to choose per request.</param>
    /// <param name="options">Options for this response; null for the application's (<see cref="FeedKitOptions"/>).</param>
    /// <returns>The result, to return from a handler or action.</returns>
    public static FeedResult Feed(FeedSource source, FeedFormat? format = null, FeedEndpointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new FeedResult(source, format, options);
    }
}
