using System.Collections.Immutable;
using FeedKit.Model;

namespace FeedKit.Readers;

/// <summary>
/// What one article file says: its texts, its metadata (which may leave things unsaid, and whose URLs and dates may
/// be relative or without a zone), and where each field is in the file. <see cref="ToArticle"/> completes it with
/// what the host supplies into a FeedKit <see cref="Article"/>.
/// </summary>
public sealed record ArticleSource
{
    /// <summary>The file, as the host named it.</summary>
    public required string File { get; init; }

    /// <summary>The headline.</summary>
    public required string Headline { get; init; }

    /// <summary>The standfirst (summary, excerpt, description), if the file has one.</summary>
    public string? Standfirst { get; init; }

    /// <summary>The body's blocks; an image block's URL may be relative to the article's URL.</summary>
    public ImmutableArray<Block> Body { get; init; } = [];

    /// <summary>What the file says about the article besides its texts.</summary>
    public ArticleMetadata Metadata { get; init; } = ArticleMetadata.None;

    /// <summary>
    /// The article's path below <see cref="ArticleDefaults.BaseUrl"/> when it has no URL of its own: the file name
    /// without extension (<c>summit</c>), a Hugo <c>slug</c>, or the path Jekyll gives a post
    /// (<c>news/2021/06/16/summit.html</c>). Segments are separated by <c>/</c> and escaped when the URL is built.
    /// </summary>
    public required string Slug { get; init; }

    /// <summary>Where each field is in the file.</summary>
    public required ArticleLocations Locations { get; init; }

    /// <summary>
    /// The FeedKit article: this file's metadata first, then <paramref name="settings"/>, then
    /// <paramref name="defaults"/>. Relative URLs are resolved: the article's against <see cref="ArticleDefaults.SiteUrl"/>;
    /// an image's against the article's URL, or against the site URL when it starts with <c>/</c> (a static site's
    /// <c>/assets/a.jpg</c> is below the site, not the host). Dates without an offset get
    /// <see cref="ArticleDefaults.UtcOffset"/>.
    /// </summary>
    /// <param name="defaults">What the host supplies for every article.</param>
    /// <param name="settings">What the host says about this article, when anything; the file's own values win.</param>
    /// <returns>The article, not yet validated (see <c>FeedLint</c>).</returns>
    /// <exception cref="ArticleReadException">No publication date anywhere.</exception>
    public Article ToArticle(ArticleDefaults defaults, ArticleMetadata? settings = null)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var metadata = Metadata.Or(settings);
        var published = metadata.Published ?? defaults.Published
            ?? throw new ArticleReadException(File, null, null, "no publication date; give the article one (\"published\", \"date\"), or give a default (FeedKit never takes a date from the clock or the file)");
        var url = metadata.Url switch
        {
            { IsAbsoluteUri: true } absolute => absolute,
            { } relative => Combine(WithTrailingSlash(defaults.SiteUrl ?? defaults.BaseUrl), relative.OriginalString.TrimStart('/'), "Url"),
            null => Combine(WithTrailingSlash(defaults.BaseUrl), EscapeSegments(Slug), "Url"),
        };

        var site = WithTrailingSlash(defaults.SiteUrl ?? defaults.BaseUrl);
        var body = ImmutableArray.CreateBuilder<Block>(Body.Length);
        for (var b = 0; b < Body.Length; b++)
        {
            var block = Body[b];
            body.Add(block is ImageBlock { Image.Url.IsAbsoluteUri: false } image
                ? image with { Image = image.Image with { Url = Resolve(image.Image.Url, url, site, FormattableString.Invariant($"Body[{b}].Image.Url")) } }
                : block);
        }

        return new Article
        {
            Id = metadata.Id,
            Url = url,
            Headline = Headline,
            Standfirst = Standfirst,
            Body = body.MoveToImmutable(),
            LeadImage = metadata.LeadImage is { } lead && !lead.Url.IsAbsoluteUri ? lead with { Url = Resolve(lead.Url, url, site, "LeadImage.Url") } : metadata.LeadImage,
            Published = published.ToDateTimeOffset(defaults.UtcOffset),
            Updated = metadata.Updated?.ToDateTimeOffset(defaults.UtcOffset),
            Authors = metadata.Authors ?? [],
            Tags = metadata.Tags ?? [],
            Language = metadata.Language,
            Direction = metadata.Direction,
            Media = metadata.Media is { } media
                ? [.. media.Select((m, i) => m is { Url.IsAbsoluteUri: false } ? m with { Url = Resolve(m.Url, url, site, FormattableString.Invariant($"Media[{i}].Url")) } : m)]
                : [],
            Extensions = metadata.Extensions ?? [],
        };
    }

    /// <summary>A path from the site's root (<c>/assets/a.jpg</c>) is below the site URL, as static sites mean it; any
    /// other relative URL is relative to the article.</summary>
    private Uri Resolve(Uri relative, Uri article, Uri site, string field) =>
        relative.OriginalString.StartsWith('/') && !relative.OriginalString.StartsWith("//", StringComparison.Ordinal)
            ? Combine(site, relative.OriginalString.TrimStart('/'), field)
            : Combine(article, relative.OriginalString, field);

    /// <summary>
    /// <paramref name="relative"/> resolved against <paramref name="baseUrl"/>; a text that does not resolve to a URL
    /// (<c>http:::::x</c> is a relative reference to <see cref="Uri"/>, but no host can be parsed once resolved) is the
    /// file's error, at the field's line.
    /// </summary>
    private Uri Combine(Uri baseUrl, string relative, string field) =>
        Uri.TryCreate(relative, UriKind.Relative, out var reference) && Uri.TryCreate(baseUrl, reference, out var resolved)
            ? resolved
            : throw new ArticleReadException(File, Locations.Find(field), field, $"\"{relative}\" is not a URL: it cannot be resolved against {baseUrl.AbsoluteUri}");

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private static string EscapeSegments(string slug) =>
        string.Join('/', slug.Split('/').Select(Uri.EscapeDataString));
}
