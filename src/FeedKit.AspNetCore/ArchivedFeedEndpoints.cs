using FeedKit.Archive;
using FeedKit.AspNetCore.Caching;
using FeedKit.Formats;
using FeedKit.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FeedKit.AspNetCore;

/// <summary>Maps an RFC 5005 archived feed (<see cref="FeedArchive"/>): its current document and its archive documents.</summary>
internal static class ArchivedFeedEndpoints
{
    public static IEndpointConventionBuilder Map(
        IEndpointRouteBuilder endpoints,
        string pattern,
        FeedInfo info,
        Func<CancellationToken, IAsyncEnumerable<Article>> oldestFirst,
        int pageSize,
        FeedEndpointOptions options)
    {
        async ValueTask<FeedArchive> SplitAsync(HttpContext context, FeedFormat format, CancellationToken cancellationToken)
        {
            var origin = options.PublicOrigin ?? new Uri(info.SiteUrl.GetLeftPart(UriPartial.Authority));
            Uri Url(string path) => new(origin, context.Request.PathBase.Add(path + "." + format.FileExtension()).ToUriComponent());
            var articles = new List<Article>();
            await foreach (var article in oldestFirst(cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                articles.Add(article);
            }

            return FeedArchive.Create(info with { SelfUrl = Url(pattern) }, articles, pageSize, n => Url(ArchivePath(pattern, n)));
        }

        var current = new FeedEndpoint(
            pattern,
            async (context, format, cancellationToken) =>
            {
                var archive = await SplitAsync(context, format, cancellationToken).ConfigureAwait(false);
                return new FeedSource(archive.Current) { Version = archive.CurrentVersion };
            },
            options);
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        var builders = new List<IEndpointConventionBuilder>
        {
            endpoints.MapMethods(pattern, methods, (HttpContext context) => current.HandleAsync(context, null))
                .WithMetadata(new FeedEndpointMetadata(pattern, context => current.Negotiate(context.Request.GetTypedHeaders().Accept))),
        };
        foreach (var format in Enum.GetValues<FeedFormat>())
        {
            var extension = format.FileExtension();
            builders.Add(endpoints.MapMethods(pattern + "." + extension, methods, (HttpContext context) => current.HandleAsync(context, format))
                .WithMetadata(new FeedEndpointMetadata(pattern, _ => format)));
            builders.Add(endpoints.MapMethods(
                pattern + "/archive/{number:int}." + extension,
                methods,
                async (HttpContext context, int number) =>
                {
                    var archive = await SplitAsync(context, format, context.RequestAborted).ConfigureAwait(false);
                    if (number < 1 || number > archive.Archives.Length)
                    {
                        context.Response.StatusCode = StatusCodes.Status404NotFound;
                        return;
                    }

                    var page = archive.Archives[number - 1];
                    var endpoint = new FeedEndpoint(
                        ArchivePath(pattern, number),
                        (_, _) => ValueTask.FromResult(new FeedSource(page.Feed) { Version = page.Version }),
                        options)
                    {
                        CacheControl = options.ArchiveCacheControl,
                    };
                    await endpoint.HandleAsync(context, format).ConfigureAwait(false);
                }).WithMetadata(new FeedEndpointMetadata(pattern, _ => format)));
        }

        return new FeedEndpointRouteBuilderExtensions.CompositeConventionBuilder(builders);
    }

    private static string ArchivePath(string pattern, int number) =>
        pattern + "/archive/" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
