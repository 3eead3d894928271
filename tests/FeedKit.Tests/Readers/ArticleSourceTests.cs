using FeedKit.Model;
using FeedKit.Readers;
using FeedKit.Text;

namespace FeedKit.Tests.Readers;

/// <summary>What a file said, completed by the host: the file first, then the article's settings, then the defaults.</summary>
public sealed class ArticleSourceTests
{
    private static ArticleSource Source(ArticleMetadata metadata, string slug = "summit") => new()
    {
        File = "posts/summit.md",
        Headline = "H",
        Body = [new ImageBlock(new Image(new Uri("img/a.jpg", UriKind.Relative)))],
        Metadata = metadata,
        Slug = slug,
        Locations = new ArticleLocations("posts/summit.md", []),
    };

    private static readonly ArticleDefaults Defaults = new(new Uri("https://example.com/news/"))
    {
        SiteUrl = new Uri("https://example.com/"),
        Published = ArticleDate.Parse("2020-01-01T00:00:00Z"),
        UtcOffset = TimeSpan.FromHours(3),
    };

    [Fact]
    public void The_files_values_win_then_the_settings_then_the_defaults()
    {
        var file = new ArticleMetadata { Language = LanguageTag.Parse("ar") };
        var settings = new ArticleMetadata { Language = LanguageTag.Parse("fa"), Published = ArticleDate.Parse("2021-06-16"), Tags = ["t"] };
        var article = Source(file).ToArticle(Defaults, settings);
        Assert.Equal("ar", article.Language!.Value);
        Assert.Equal(new DateTimeOffset(2021, 6, 16, 0, 0, 0, TimeSpan.FromHours(3)), article.Published);
        Assert.Equal(new[] { "t" }, article.Tags.ToArray());
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), Source(ArticleMetadata.None).ToArticle(Defaults).Published);
    }

    [Fact]
    public void Urls_come_from_the_slug_or_resolve_against_the_site_and_images_against_the_article()
    {
        var bySlug = Source(ArticleMetadata.None, "2021/06/16/قمة.html").ToArticle(Defaults);
        Assert.Equal("https://example.com/news/2021/06/16/%D9%82%D9%85%D8%A9.html", bySlug.Url!.AbsoluteUri);
        Assert.Equal("https://example.com/news/2021/06/16/img/a.jpg", Assert.IsType<ImageBlock>(bySlug.Body[0]).Image.Url.AbsoluteUri);

        var permalink = Source(new ArticleMetadata { Url = new Uri("/ar/posts/summit/", UriKind.Relative) }).ToArticle(Defaults with { SiteUrl = new Uri("https://example.com/blog/") });
        Assert.Equal("https://example.com/blog/ar/posts/summit/", permalink.Url!.AbsoluteUri);
    }

    [Fact]
    public void No_date_anywhere_is_an_error_naming_the_file()
    {
        var error = Assert.Throws<ArticleReadException>(() => Source(ArticleMetadata.None).ToArticle(Defaults with { Published = null }));
        Assert.StartsWith("posts/summit.md: no publication date", error.Message, StringComparison.Ordinal);
    }
}
