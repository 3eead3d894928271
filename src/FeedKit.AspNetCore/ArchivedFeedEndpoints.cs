using FeedKit.Archive;
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
        FeedEndpointOptions? options)
    {
        async ValueTask<FeedArchive> SplitAsync(HttpContext context, FeedFormat format, CancellationToken cancellationToken)
        {
            var origin = FeedResponse.OptionsFor(context, options).PublicOrigin ?? new Uri(info.SiteUrl.GetLeftPart(UriPartial.Authority));
            Uri Url(string path) => new(origin, SelfPath(context, path, format));
            var articles = new List<Article>();
            await foreach (var article in oldestFirst(cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                articles.Add(article);
            }

            return FeedArchive.Create(info with { SelfUrl = Url(pattern) }, articles, pageSize, n => Url(ArchivePath(pattern, n)));
        }

        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        FeedResult Current(HttpContext context) => new(
            async (format, cancellationToken) =>
            {
                var archive = await SplitAsync(context, format, cancellationToken).ConfigureAwait(false);
                return new FeedSource(archive.Current) { Version = archive.CurrentVersion };
            },
            null,
            options)
        {
            SelfPath = format => SelfPath(context, pattern, format),
        };
        var current = endpoints.MapMethods(pattern, methods, Current);
        var currentByExtension = endpoints.MapMethods(pattern + ".{" + FeedResponse.FormatRouteValue + "}", methods, Current);
        var archives = endpoints.MapMethods(
            pattern + "/archive/{number:int}.{" + FeedResponse.FormatRouteValue + "}",
            methods,
            async (HttpContext context, int number) =>
            {
                var (chosen, refusal) = FeedResponse.Choose(context, null, FeedResponse.OptionsFor(context, options));
                if (refusal is not null)
                {
                    return refusal;
                }

                var format = chosen!.Value.Format;
                var archive = await SplitAsync(context, format, context.RequestAborted).ConfigureAwait(false);
                if (number < 1 || number > archive.Archives.Length)
                {
                    return Results.NotFound();
                }

                var page = archive.Archives[number - 1];
                return new FeedResult(new FeedSource(page.Feed) { Version = page.Version }, format, options)
                {
                    SelfPath = format => SelfPath(context, ArchivePath(pattern, number), format),
                    IsArchive = true,
                };
            });
        return new FeedEndpointRouteBuilderExtensions.CompositeConventionBuilder([current, currentByExtension, archives]);
    }

    private static string SelfPath(HttpContext context, string path, FeedFormat format) =>
        context.Request.PathBase.Add(path + "." + format.FileExtension()).ToUriComponent();

    private static string ArchivePath(string pattern, int number) =>
        pattern + "/archive/" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
