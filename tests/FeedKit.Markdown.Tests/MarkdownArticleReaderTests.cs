using FeedKit.Model;
using FeedKit.Readers;

namespace FeedKit.Markdown.Tests;

/// <summary>Markdown to FeedKit's blocks, FeedKit's own front-matter keys, and errors with the file and line.</summary>
public sealed class MarkdownArticleReaderTests
{
    private const string Story = """
        ---
        title: "iPhone 17 يصل إلى الأسواق العربية"
        standfirst: الهاتف الجديد في المتاجر خلال أسابيع.
        published: 2026-03-14T09:30:00+03:00
        language: ar
        authors:
          - غرفة الأخبار <news@example.com>
          - Sam Writer
        tags: [تقنية, "هواتف, ذكية"]
        image: img/lead.jpg
        image_alt: الهاتف
        image_length: 5120
        ---
        أعلنت الشركة موعد الإطلاق.

        ## التفاصيل

        > We are thrilled.
        >
        > — The CEO

        - أسود
        - أبيض

        1. أولا
        2. ثانيا

        ![صورة المتجر](https://cdn.example.com/store.jpg "المتجر في دبي")

        اقرأ [البيان](https://example.com/press) كاملا.

        ```
        code <kept>
        ```
        """;

    [Fact]
    public void Blocks_map_to_FeedKits_blocks_and_the_rest_to_raw_html()
    {
        var result = Fixture.ReadText(Story, "story.md");
        Assert.Empty(result.Notes);
        var source = Assert.Single(result.Articles);
        Assert.Equal("iPhone 17 يصل إلى الأسواق العربية", source.Headline);
        Assert.Equal("الهاتف الجديد في المتاجر خلال أسابيع.", source.Standfirst);
        Assert.Equal("2026-03-14T09:30:00+03:00", source.Metadata.Published.ToString());
        Assert.Equal(new[] { "غرفة الأخبار", "Sam Writer" }, source.Metadata.Authors!.Value.Select(a => a.Name).ToArray());
        Assert.Equal("news@example.com", source.Metadata.Authors!.Value[0].Email);
        Assert.Equal(new[] { "تقنية", "هواتف, ذكية" }, source.Metadata.Tags!.Value.ToArray());
        Assert.Equal("img/lead.jpg", source.Metadata.LeadImage!.Url.OriginalString);
        Assert.Equal(5120, source.Metadata.LeadImage.Length);

        var body = source.Body;
        Assert.Equal(new Paragraph("أعلنت الشركة موعد الإطلاق."), body[0]);
        Assert.Equal(new Subheading("التفاصيل"), body[1]);
        var quote = Assert.IsType<Quote>(body[2]);
        Assert.Equal("We are thrilled.", quote.Text);
        Assert.Equal("The CEO", quote.Attribution);
        var bullets = Assert.IsType<ListBlock>(body[3]);
        Assert.False(bullets.Ordered);
        Assert.Equal(new[] { "أسود", "أبيض" }, bullets.Items.ToArray());
        Assert.True(Assert.IsType<ListBlock>(body[4]).Ordered);
        var image = Assert.IsType<ImageBlock>(body[5]).Image;
        Assert.Equal("https://cdn.example.com/store.jpg", image.Url.AbsoluteUri);
        Assert.Equal("صورة المتجر", image.AltText);
        Assert.Equal("المتجر في دبي", image.Caption);
        Assert.Equal("<p>اقرأ <a href=\"https://example.com/press\">البيان</a> كاملا.</p>", Assert.IsType<RawHtml>(body[6]).Html);
        Assert.Equal("<pre><code>code &lt;kept&gt;\n</code></pre>", Assert.IsType<RawHtml>(body[7]).Html);
        Assert.Equal(8, body.Length);

        Assert.Equal(2, source.Locations.Find("Headline")!.Value.Line);
        Assert.Equal(7, source.Locations.Find("Authors[0].Email")!.Value.Line);
        Assert.Equal(9, source.Locations.Find("Tags[1]")!.Value.Line);
        Assert.Equal(14, source.Locations.Find("Body[0]")!.Value.Line);
        Assert.Equal(16, source.Locations.Find("Body[1].Text")!.Value.Line);
    }

    [Fact]
    public void A_first_level_heading_is_the_headline_when_there_is_no_title()
    {
        var source = Assert.Single(Fixture.ReadText("# عنوان *مهم*\n\nنص.\n").Articles);
        Assert.Equal("عنوان مهم", source.Headline);
        Assert.Equal(new Paragraph("نص."), Assert.Single(source.Body));
        Assert.Equal(1, source.Locations.Find("Headline")!.Value.Line);
    }

    [Fact]
    public void A_folded_description_is_one_standfirst()
    {
        var source = Assert.Single(Fixture.ReadText("---\ntitle: T\ndescription: >\n  one\n  two\n---\nx\n").Articles);
        Assert.Equal("one two", source.Standfirst);
    }

    [Fact]
    public void The_standfirst_is_the_first_of_standfirst_summary_excerpt_description_and_the_others_are_noted()
    {
        var result = Fixture.ReadText("---\ntitle: T\ndescription: for search engines\nsummary: for readers\n---\nx\n");
        Assert.Equal("for readers", Assert.Single(result.Articles).Standfirst);
        Assert.Contains(result.Notes, n => n.Kind == ReaderNoteKind.IgnoredKey && n.Message.Contains("\"description\" is not the standfirst", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("permalink: pretty")]
    [InlineData("permalink: /:categories/:year/:title/")]
    public void Permalink_styles_and_patterns_are_noted_not_taken_as_urls(string line)
    {
        var result = Fixture.ReadText($"---\ntitle: T\n{line}\n---\nx\n");
        Assert.Null(Assert.Single(result.Articles).Metadata.Url);
        Assert.Equal(3, Assert.Single(result.Notes).Position!.Value.Line);
    }

    [Theory]
    [InlineData("---\ntitle: T\n", 1, "no closing \"---\"")]
    [InlineData("---\ntitle: T\ntitle: U\n---\n", 3, "not valid YAML")]
    [InlineData("---\ntitle: \"T\n---\n", 2, "not valid YAML")]
    [InlineData("---\ntitle: T\npublished: yesterday\n---\nx\n", 3, "published: \"yesterday\" is not an RFC 3339 date")]
    [InlineData("---\ntitle: T\nlanguage: ar_SA\n---\nx\n", 3, "language: ")]
    [InlineData("---\ntitle: T\ndraft: maybe\n---\nx\n", 3, "draft: expected true or false")]
    [InlineData("---\ntitle: T\nimage_length: big\n---\nx\n", 3, "image_length: \"big\" is not a size in bytes")]
    [InlineData("---\ntitle: [a, b]\n---\nx\n", 2, "title: needs a single value, not a list")]
    [InlineData("---\n- a\n- b\n---\nx\n", 2, "must be \"key: value\" lines")]
    [InlineData("+++\ntitle = \"T\n+++\nx\n", 2, "not valid TOML")]
    [InlineData("just text\n", 1, "no headline")]
    public void Front_matter_errors_name_the_file_and_line(string text, int line, string message)
    {
        var error = Assert.Throws<ArticleReadException>(() => Fixture.ReadText(text, "bad.md"));
        Assert.Equal(line, error.Position!.Value.Line);
        Assert.StartsWith($"bad.md:{line}", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
