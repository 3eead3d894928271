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
    public async Task A_markdown_article_becomes_a_feed_entry_with_relative_images_resolved()
    {
        using var folder = new TempFolder();
        folder.Write("story.md", Story);
        var (code, output, errors) = CliRunner.Run("build", folder.Path, "--title", "أخبار", "--site-url", "https://example.com/news/");
        Assert.True(code == 0, errors);
        Assert.Contains("https://example.com/news/img/lead.jpg", output, StringComparison.Ordinal);
        await Verifier.Verify(output, "xml");
    }

    [Theory]
    [InlineData("---\ntitle: T\nsummery: typo\n---\nx\n", "note", 3, "front-matter key \"summery\" ignored")]
    [InlineData("---\ntitle: T\n", "error", 1, "no closing \"---\"")]
    [InlineData("---\ntitle: \"T\n---\n", "error", 2, "not valid YAML")]
    [InlineData("---\ntitle: T\ndraft: true\n---\nx\n", "note", 3, "skipped: a draft")]
    [InlineData("just text\n", "error", 1, "no headline")]
    public void Front_matter_errors_and_notes_name_the_line(string text, string kind, int line, string message)
    {
        using var folder = new TempFolder();
        var file = folder.Write("bad.md", text);
        folder.Write("good.md", "---\ntitle: G\n---\nx\n");
        var (_, _, errors) = CliRunner.Run("build", folder.Path, "--title", "T", "--site-url", "https://example.com/", "--published", "2026-01-01T00:00:00Z");
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith($"{kind}: {file}:{line}", StringComparison.Ordinal) && l.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"utcOffset\": \"+03:00\", ", "\"date_published\": \"2021-06-16T00:00:00+03:00\"")]
    [InlineData("", "\"date_published\": \"2021-06-16T00:00:00Z\"")]
    public void A_day_without_a_zone_takes_the_settings_utc_offset(string setting, string expected)
    {
        using var folder = new TempFolder();
        folder.Write("feedkit.json", "{ " + setting + "\"title\": \"T\", \"siteUrl\": \"https://example.com/\", \"authors\": [ { \"name\": \"D\" } ] }");
        folder.Write("a.md", "---\ntitle: T\ndate: 2021-06-16\nlang: ar\n---\nنص.\n");
        var (code, output, errors) = CliRunner.Run("build", folder.Path, "--format", "json");
        Assert.True(code == 0, errors);
        Assert.Contains(expected, output, StringComparison.Ordinal);
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
