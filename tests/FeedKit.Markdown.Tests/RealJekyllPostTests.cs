using FeedKit.Model;
using FeedKit.Readers;

namespace FeedKit.Markdown.Tests;

/// <summary>A real Persian Jekyll post (Fixtures/mehdix-rtl, MIT; see SOURCE.md there), read as Jekyll would.</summary>
public sealed class RealJekyllPostTests
{
    private static ArticleReadResult Read() => Fixture.Read("mehdix-rtl/_posts/2016-05-17-python-zen.md");

    [Fact]
    public void Space_separated_tags_and_a_singular_category_become_tags_once_each()
    {
        var source = Assert.Single(Read().Articles);
        Assert.Equal("python -m this", source.Headline);
        Assert.Equal(new[] { "ذن", "zen" }, source.Metadata.Tags!.Value.ToArray());
        Assert.Equal(3, source.Locations.Find("Tags[1]")!.Value.Line);
    }

    [Fact]
    public void The_file_name_gives_the_date_and_jekylls_url()
    {
        var source = Assert.Single(Read().Articles);
        Assert.Equal("2016-05-17", source.Metadata.Published.ToString());
        Assert.Equal("ذن/2016/05/17/python-zen.html", source.Slug);
        var article = source.ToArticle(new ArticleDefaults(new Uri("https://mehdix.ir/")) { UtcOffset = TimeSpan.FromHours(3.5) });
        Assert.Equal(new DateTimeOffset(2016, 5, 17, 0, 0, 0, TimeSpan.FromHours(3.5)), article.Published);
        Assert.Equal("https://mehdix.ir/%D8%B0%D9%86/2016/05/17/python-zen.html", article.Url!.AbsoluteUri);
    }

    [Fact]
    public void The_body_keeps_zwnj_and_its_quote_and_code()
    {
        var body = Assert.Single(Read().Articles).Body;
        Assert.Equal(new Paragraph("کوان\u200Cهای ذن پایتون."), body[0]);
        Assert.StartsWith("استاد برنامه\u200Cنویس", Assert.IsType<Quote>(body[1]).Text, StringComparison.Ordinal);
        Assert.Contains("The Zen of Python, by Tim Peters", Assert.IsType<RawHtml>(body[3]).Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sites_own_key_is_noted_with_its_line()
    {
        var note = Assert.Single(Read().Notes);
        Assert.Equal(ReaderNoteKind.IgnoredKey, note.Kind);
        Assert.Equal(4, note.Position!.Value.Line);
        Assert.Contains("\"uuid\"", note.Message, StringComparison.Ordinal);
    }
}
