using System.Xml.Linq;
using FeedKit.Formats;
using FeedKit.Model;
using FeedKit.Readers;

namespace FeedKit.Markdown.Tests;

/// <summary>
/// A real multilingual Hugo site's blog section (Fixtures/hextra, MIT; see README.md there): a post in English,
/// Persian, Japanese and Chinese, and the section's list pages, built into one feed.
/// </summary>
public sealed class RealHugoSiteTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static readonly string[] Files = [.. Directory.GetFiles(Fixture.PathOf("hextra/content/blog"), "*.md").Order(StringComparer.Ordinal)];

    private static List<ArticleReadResult> ReadAll()
    {
        var readers = new ArticleReaders(new MarkdownArticleReader());
        return [.. Files.Select(readers.ReadFile)];
    }

    [Fact]
    public void The_list_pages_are_skipped_with_a_note_and_the_posts_read()
    {
        var results = ReadAll();
        Assert.Equal(6, results.Count);
        var skipped = results.SelectMany(r => r.Notes).Where(n => n.Kind == ReaderNoteKind.SkippedPage).Select(n => Path.GetFileName(n.File)).ToList();
        Assert.Equal(["_index.fa.md", "_index.md"], skipped);
        Assert.Equal(4, results.Sum(r => r.Articles.Length));
        var ignored = results.SelectMany(r => r.Notes).Where(n => n.Kind == ReaderNoteKind.IgnoredKey).ToList();
        Assert.Contains(ignored, n => n.Message.Contains("\"excludeSearch\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_feed_has_each_posts_language_and_direction_and_a_url_of_its_own()
    {
        var defaults = new ArticleDefaults(new Uri("https://imfing.github.io/hextra/blog/"));
        var articles = ReadAll().SelectMany(r => r.Articles).Select(s => s.ToArticle(defaults)).ToList();
        var info = new FeedInfo
        {
            Title = "Hextra",
            SiteUrl = new Uri("https://imfing.github.io/hextra/"),
            SelfUrl = new Uri("https://imfing.github.io/hextra/blog/feed.atom"),
            Language = "en",
        };
        var xml = FeedWriter.Create(FeedFormat.Atom).WriteToString(new Feed(info, articles));
        var entries = XDocument.Parse(xml).Root!.Elements(Atom + "entry")
            .ToDictionary(e => e.Element(Atom + "link")!.Attribute("href")!.Value, e => e);

        // The default language's post has no suffix and takes the feed's language; each translation its own.
        Assert.Equal(
            [
                "https://imfing.github.io/hextra/blog/fa/markdown",
                "https://imfing.github.io/hextra/blog/ja/markdown",
                "https://imfing.github.io/hextra/blog/markdown",
                "https://imfing.github.io/hextra/blog/zh-cn/markdown",
            ],
            entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("fa", (string?)entries["https://imfing.github.io/hextra/blog/fa/markdown"].Attribute(XNamespace.Xml + "lang"));
        Assert.Equal("ja", (string?)entries["https://imfing.github.io/hextra/blog/ja/markdown"].Attribute(XNamespace.Xml + "lang"));
        Assert.Equal("zh-CN", (string?)entries["https://imfing.github.io/hextra/blog/zh-cn/markdown"].Attribute(XNamespace.Xml + "lang"));
        Assert.Equal("en", (string?)entries["https://imfing.github.io/hextra/blog/markdown"].Attribute(XNamespace.Xml + "lang"));

        var persian = entries["https://imfing.github.io/hextra/blog/fa/markdown"];
        Assert.Equal("راهنمای نحو Markdown", persian.Element(Atom + "title")!.Value);
        Assert.StartsWith("<div dir=\"rtl\" lang=\"fa\">", persian.Element(Atom + "content")!.Value, StringComparison.Ordinal);
        Assert.Equal(["imfing", "Octocat", "Goudarz Jafari"], persian.Elements(Atom + "author").Select(a => a.Element(Atom + "name")!.Value));
        Assert.Equal(["Markdown", "مثال", "راهنما"], persian.Elements(Atom + "category").Select(c => (string)c.Attribute("term")!));
        Assert.StartsWith("<div dir=\"ltr\" lang=\"ja\">", entries["https://imfing.github.io/hextra/blog/ja/markdown"].Element(Atom + "content")!.Value, StringComparison.Ordinal);
    }
}
