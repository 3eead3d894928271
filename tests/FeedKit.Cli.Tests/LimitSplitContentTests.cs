using System.Xml.Linq;

namespace FeedKit.Cli.Tests;

/// <summary><c>--limit N</c>, <c>--content full|summary</c> and <c>--split-by tag|category|language</c>.</summary>
public sealed class LimitSplitContentTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static TempFolder Site()
    {
        var folder = new TempFolder();
        folder.Write("feedkit.json", """{ "title": "أخبار", "siteUrl": "https://example.com/", "authors": [ { "name": "Desk" } ], "language": "ar" }""");
        folder.Write("one.md", "---\ntitle: الأول\ndate: 2026-01-01\ntags: [قمة جنيف, Geneva]\ncategories: [سياسة]\n---\nفقرة الأول.\n\nفقرة ثانية.\n");
        folder.Write("two.md", "---\ntitle: الثاني\ndate: 2026-01-02\ndescription: ملخص الثاني.\ntags: [geneva]\ncategories: [اقتصاد]\n---\nفقرة الثاني.\n");
        folder.Write("three.md", "---\ntitle: Third\nlang: en\ndate: 2026-01-03\ntags: [Geneva, C# / .NET]\n---\nThird's paragraph.\n");
        return folder;
    }

    private static XDocument Parse(string xml) => XDocument.Parse(xml);

    [Fact]
    public void Limit_keeps_the_newest_n()
    {
        using var site = Site();
        var (code, output, _) = CliRunner.Run("build", site.Path, "--limit", "2");
        Assert.Equal(0, code);
        Assert.Equal(["Third", "الثاني"], Parse(output).Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void Limit_below_one_is_a_usage_error(string limit)
    {
        using var site = Site();
        var (code, output, errors) = CliRunner.Run("build", site.Path, "--limit", limit);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"error: --limit: {limit} is not a number of articles", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_summary_writes_the_standfirst_else_the_first_paragraph_and_no_body()
    {
        using var site = Site();
        var (code, output, _) = CliRunner.Run("build", site.Path, "--content", "summary");
        Assert.Equal(0, code);
        var entries = Parse(output).Root!.Elements(Atom + "entry").ToList();
        Assert.All(entries, e => Assert.Null(e.Element(Atom + "content")));
        Assert.Equal(
            ["<div dir=\"ltr\" lang=\"en\"><p>Third's paragraph.</p></div>", "<div dir=\"rtl\" lang=\"ar\"><p>ملخص الثاني.</p></div>", "<div dir=\"rtl\" lang=\"ar\"><p>فقرة الأول.</p></div>"],
            entries.Select(e => e.Element(Atom + "summary")!.Value));
        Assert.DoesNotContain("فقرة ثانية", output, StringComparison.Ordinal);

        var full = CliRunner.Run("build", site.Path, "--content", "full").Out;
        Assert.Contains("فقرة ثانية", full, StringComparison.Ordinal);
        Assert.Equal(full, CliRunner.Run("build", site.Path).Out);
    }

    [Fact]
    public void Content_summary_json_feed_still_has_content_html()
    {
        using var site = Site();
        var (code, output, _) = CliRunner.Run("build", site.Path, "--content", "summary", "--format", "json");
        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.All(json.RootElement.GetProperty("items").EnumerateArray(), i => Assert.False(string.IsNullOrEmpty(i.GetProperty("content_html").GetString())));
    }

    [Fact]
    public void Split_by_tag_writes_one_feed_per_tag_with_safe_deterministic_names()
    {
        using var site = Site();
        using var output = new TempFolder();
        var folder = Path.Combine(output.Path, "tags");
        var (code, stdout, errors) = CliRunner.Run("build", site.Path, "--split-by", "tag", "--out", folder);
        Assert.True(code == 0, errors);
        Assert.Equal(string.Empty, stdout);
        // "Geneva" and "geneva" are two tags with one slug: the later in ordinal order gets "-2". Categories are tags too.
        Assert.Equal(["c-net.atom", "geneva-2.atom", "geneva.atom", "اقتصاد.atom", "سياسة.atom", "قمة-جنيف.atom"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("wrote 6 feed(s), one per tag", errors, StringComparison.Ordinal);

        var geneva = Parse(File.ReadAllText(Path.Combine(folder, "geneva.atom")));
        Assert.Equal("أخبار: Geneva", geneva.Root!.Element(Atom + "title")!.Value);
        Assert.Equal(["Third", "الأول"], geneva.Root.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value));
        var self = geneva.Root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self");
        Assert.Equal("https://example.com/tag/geneva.atom", (string?)self.Attribute("href"));
        Assert.Equal("https://example.com/tag/geneva.atom", geneva.Root.Element(Atom + "id")!.Value);

        var summit = Parse(File.ReadAllText(Path.Combine(folder, "قمة-جنيف.atom")));
        Assert.Equal("https://example.com/tag/%D9%82%D9%85%D8%A9-%D8%AC%D9%86%D9%8A%D9%81.atom", (string?)summit.Root!.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href"));

        // The same run gives the same bytes; no temporary file is left.
        var first = Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        Assert.Equal(0, CliRunner.Run("build", site.Path, "--split-by", "tag", "--out", folder).Code);
        Assert.Equal(first, Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList());
    }

    [Fact]
    public void Split_by_category_uses_front_matters_categories_only()
    {
        using var site = Site();
        using var output = new TempFolder();
        var (code, _, errors) = CliRunner.Run("build", site.Path, "--split-by", "category", "--out", output.Path, "--format", "rss");
        Assert.True(code == 0, errors);
        Assert.Equal(["اقتصاد.rss", "سياسة.rss"], output.FileNames());
        Assert.Contains("(1 article(s) without a category are in none)", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_by_language_sets_each_feeds_language_and_limit_applies_to_each()
    {
        using var site = Site();
        using var output = new TempFolder();
        var (code, _, errors) = CliRunner.Run("build", site.Path, "--split-by", "language", "--out", output.Path, "--limit", "1", "--self-url", "https://example.com/feeds/");
        Assert.True(code == 0, errors);
        Assert.Equal(["ar.atom", "en.atom"], output.FileNames());
        var ar = Parse(File.ReadAllText(Path.Combine(output.Path, "ar.atom")));
        Assert.Equal("ar", (string?)ar.Root!.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal(["الثاني"], ar.Root.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value));
        Assert.Equal("https://example.com/feeds/ar.atom", (string?)ar.Root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href"));
        var en = Parse(File.ReadAllText(Path.Combine(output.Path, "en.atom")));
        Assert.Equal("en", (string?)en.Root!.Attribute(XNamespace.Xml + "lang"));
    }

    [Fact]
    public void Split_by_needs_a_folder()
    {
        using var site = Site();
        var (code, _, errors) = CliRunner.Run("build", site.Path, "--split-by", "tag");
        Assert.Equal(2, code);
        Assert.Equal("error: --split-by writes one feed per group into a folder: name the folder with --out\n", errors);

        var file = site.Write("taken", "x");
        (code, _, errors) = CliRunner.Run("build", site.Path, "--split-by", "tag", "--out", file);
        Assert.Equal(2, code);
        Assert.Contains("--out names a folder", errors, StringComparison.Ordinal);

        (code, _, errors) = CliRunner.Run("build", site.Path, "--split-by", "author", "--out", site.Path);
        Assert.Equal(2, code);
        Assert.Contains("author", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_writes_nothing_when_an_article_has_an_error()
    {
        using var site = Site();
        site.Write("bad.md", "---\ntitle: Bad\ndate: 2026-01-04\ntags: [x]\nurl: \"javascript:alert(1)\"\n---\nBody.\n");
        using var output = new TempFolder();
        var (code, _, errors) = CliRunner.Run("build", site.Path, "--split-by", "tag", "--out", output.Path);
        Assert.Equal(1, code);
        Assert.Contains("error: ", errors, StringComparison.Ordinal);
        Assert.Empty(output.FileNames());
    }

    [Theory]
    [InlineData("قمة جنيف", "قمة-جنيف")]
    [InlineData("C# / .NET", "c-net")]
    [InlineData("  Geneva Summit!  ", "geneva-summit")]
    [InlineData("می‌خواهم", "می-خواهم")]
    [InlineData("שלום עולם", "שלום-עולם")]
    [InlineData("...", "_")]
    [InlineData("CON", "con_")]
    [InlineData("ÉTÉ", "été")]
    [InlineData("2021", "2021")]
    public void Slugs_keep_letters_of_any_script_and_nothing_unsafe(string name, string slug)
    {
        Assert.Equal(slug, FeedSplit.Slug(name));
    }

    [Fact]
    public void Long_slugs_are_cut_at_a_character()
    {
        var slug = FeedSplit.Slug(string.Concat(Enumerable.Repeat("𝒜b", 40)));
        Assert.True(slug.Length <= FeedSplit.MaxSlugLength);
        Assert.False(char.IsHighSurrogate(slug[^1]));
    }
}

/// <summary>A real multilingual Hugo section (hextra, MIT; tests/FeedKit.Markdown.Tests/Fixtures/hextra/README.md) through the command line.</summary>
public sealed class RealHugoSiteCliTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public void Split_by_language_writes_a_feed_per_language_of_the_site()
    {
        var blog = Path.Combine(AppContext.BaseDirectory, "hextra", "content", "blog");
        using var output = new TempFolder();
        var (code, stdout, errors) = CliRunner.Run(
            "build", Path.Combine(blog, "*.md"), "--title", "Hextra", "--site-url", "https://imfing.github.io/hextra/blog/",
            "--language", "en", "--author", "Xin", "--split-by", "language", "--out", output.Path, "--strict");
        Assert.True(code == 0, errors);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("skipped: a Hugo list page", errors, StringComparison.Ordinal);
        Assert.Equal(["en.atom", "fa.atom", "ja.atom", "zh-cn.atom"], output.FileNames());
        // The file name is the slug of the language tag (zh-CN in canonical form, zh-cn.atom).
        foreach (var (language, title) in new[] { ("en", "Markdown Syntax Guide"), ("fa", "راهنمای نحو Markdown"), ("ja", "Markdown 構文ガイド"), ("zh-CN", "Markdown 语法指南") })
        {
            var feed = XDocument.Parse(File.ReadAllText(Path.Combine(output.Path, language.ToLowerInvariant() + ".atom")));
            Assert.Equal(language, (string?)feed.Root!.Attribute(XNamespace.Xml + "lang"));
            var entry = Assert.Single(feed.Root.Elements(Atom + "entry"));
            Assert.EndsWith(title, entry.Element(Atom + "title")!.Value, StringComparison.Ordinal);
        }
    }
}
