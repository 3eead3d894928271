namespace FeedKit.Readers;

/// <summary>
/// What a host supplies for every article that its file does not say: where articles live, a default publication
/// date, and the UTC offset for dates written without one. FeedKit never takes a date from the clock or the file
/// system, so two runs over the same files give the same feed.
/// </summary>
/// <param name="BaseUrl">
/// Absolute URL that article URLs are built on: an article without a URL gets
/// <c>BaseUrl</c> + <see cref="ArticleSource.Slug"/> (<c>https://example.com/news/</c> + <c>summit</c>).
/// </param>
public sealed record ArticleDefaults(Uri BaseUrl)
{
    /// <summary>
    /// Absolute URL that relative article URLs (a Jekyll <c>permalink</c>, a Hugo <c>url</c>) are resolved against;
    /// null for <see cref="BaseUrl"/>.
    /// </summary>
    public Uri? SiteUrl { get; init; }

    /// <summary>The publication date of an article that says none; null makes such an article an error.</summary>
    public ArticleDate? Published { get; init; }

    /// <summary>
    /// The UTC offset of dates written without one (<c>date: 2021-06-16</c>): the site's time zone, as Jekyll's
    /// and Hugo's <c>timezone</c> setting is. Default zero (UTC), Hugo's own default.
    /// </summary>
    public TimeSpan UtcOffset { get; init; }
}
