using FeedKit.Cli.Readers;
using FeedKit.Model;

namespace FeedKit.Cli.Tests;

/// <summary>Markdown articles: front matter to metadata, Markdown blocks to FeedKit's blocks, errors with lines.</summary>
public sealed class MarkdownArticleTests
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
        using var folder = new TempFolder();
        var source = ArticleReaders.Read(folder.Write("story.md", Story));

        Assert.Equal("iPhone 17 يصل إلى الأسواق العربية", source.Headline);
        Assert.Equal("الهاتف الجديد في المتاجر خلال أسابيع.", source.Standfirst);
        Assert.Equal("2026-03-14T09:30:00+03:00", source.Metadata.Published);
        Assert.Equal(["غرفة الأخبار", "Sam Writer"], source.Metadata.Authors!.Select(a => a.Name));
        Assert.Equal("news@example.com", source.Metadata.Authors![0].Email);
        Assert.Equal(["تقنية", "هواتف, ذكية"], source.Metadata.Tags!);
        Assert.Equal("img/lead.jpg", source.LeadImage!.Url);

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

        Assert.Equal(2, source.Lines.Find("Headline"));
        Assert.Equal(13, source.Lines.Find("Body[0]"));
        Assert.Equal(15, source.Lines.Find("Body[1].Text"));
    }

    [Fact]
    public async Task A_markdown_article_becomes_a_feed_entry_with_relative_images_resolved()
    {
        using var folder = new TempFolder();
        folder.Write("story.md", Story);
        var (code, output, errors) = CliRunner.Run("build", folder.Path, "--title", "أخبار", "--site-url", "https://example.com/news/");
        Assert.True(code == 0, errors);
        Assert.Contains("https://example.com/news/img/lead.jpg", output, StringComparison.Ordinal);
        await Verifier.Verify(output, "xml");
    }

    [Fact]
    public void A_first_level_heading_is_the_headline_when_there_is_no_title()
    {
        using var folder = new TempFolder();
        var source = ArticleReaders.Read(folder.Write("a.md", "# عنوان *مهم*\n\nنص.\n"));
        Assert.Equal("عنوان مهم", source.Headline);
        Assert.Equal(new Paragraph("نص."), Assert.Single(source.Body));
        Assert.Equal(1, source.Lines.Find("Headline"));
    }

    [Theory]
    [InlineData("---\ntitle: T\nsummery: typo\n---\nx\n", 3, "unknown front-matter key \"summery\"")]
    [InlineData("---\ntitle: T\n", 1, "no closing \"---\"")]
    [InlineData("---\ntitle: T\ntitle: U\n---\n", 3, "\"title\" is given twice (also on line 2)")]
    [InlineData("---\ntitle: \"T\n---\n", 2, "closing quote")]
    [InlineData("---\ntitle: T\n  - stray\n---\n", 3, "unexpected \"- stray\"")]
    [InlineData("just text\n", 1, "no headline")]
    public void Front_matter_errors_name_the_line(string text, int line, string message)
    {
        using var folder = new TempFolder();
        var file = folder.Write("bad.md", text);
        var error = Assert.Throws<ArticleException>(() => ArticleReaders.Read(file));
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{file}:{line}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_metadata_and_feed_problems_name_the_file_and_line()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", "---\ntitle: A\npublished: yesterday\n---\nx\n");
        folder.Write("b.md", "---\ntitle: B\npublished: 2026-01-01T00:00:00Z\nlanguage: ar_SA\n---\nx\n");
        folder.Write("c.md", "---\ntitle: \" \"\npublished: 2026-01-01T00:00:00Z\n---\nx\n");
        folder.Write("d.md", "---\ntitle: D\npublished: 2026-01-01T00:00:00Z\n---\nx\n");
        var (code, output, errors) = CliRunner.Run("build", folder.Path, "--title", "T", "--site-url", "https://example.com/", "--author", "Desk");
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith($"error: {Path.Combine(folder.Path, "a.md")}:3: published: \"yesterday\" is not an RFC 3339 date", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"error: {Path.Combine(folder.Path, "b.md")}:4: language: ", StringComparison.Ordinal) && l.Contains("ar-SA", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"error: {Path.Combine(folder.Path, "c.md")}:2: articles[", StringComparison.Ordinal) && l.Contains(".Headline", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("d.md", StringComparison.Ordinal));
    }
}
