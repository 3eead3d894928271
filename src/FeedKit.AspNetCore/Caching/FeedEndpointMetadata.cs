using Microsoft.AspNetCore.Http;

namespace FeedKit.AspNetCore.Caching;

/// <summary>
/// Endpoint metadata on every endpoint that serves a FeedKit feed: the pattern it was mapped with (its cache tag) and
/// the negotiation the endpoint itself runs, so that the output-cache policy keys each entry by the format the
/// endpoint will send without negotiating a second way.
/// </summary>
/// <param name="Pattern">The pattern given to <c>MapFeed</c> (e.g. <c>/feed</c>), the same for all of its endpoints.</param>
/// <param name="Negotiate">The format the endpoint serves for a request; null when it answers 406.</param>
internal sealed record FeedEndpointMetadata(string Pattern, Func<HttpContext, FeedFormat?> Negotiate);
