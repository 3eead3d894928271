using System.Xml;
using System.Xml.Linq;
using System.Xml.Xsl;
using FeedKit.Browser;
using FeedKit.Formats;
using FeedKit.Formats.Atom;
using FeedKit.Formats.Json;
using FeedKit.Formats.Rss;
using FeedKit.Model;

namespace FeedKit.Tests.Browser;

/// <summary>The xml-stylesheet instruction and the bundled XSLT, run with .NET's XslCompiledTransform (issue 7).</summary>
public sealed class FeedStylesheetTests
{
    private static readonly FeedWriterOptions WithStylesheet = new() { Stylesheet = new Uri("/feed.xsl", UriKind.Relative) };

    private static XslCompiledTransform Load()
    {
        var xslt = new XslCompiledTransform();
        using var reader = XmlReader.Create(new StringReader(FeedStylesheet.Text));
        xslt.Load(reader);
        return xslt;
    }

    /// <summary>The HTML page, as the stylesheet's output method writes it (what a browser renders).</summary>
    private static string Transform(string feedXml)
    {
        using var input = XmlReader.Create(new StringReader(feedXml));
        using var output = new MemoryStream();
        Load().Transform(input, null, output);
        return System.Text.Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>The same page as a tree, to assert on.</summary>
    private static XElement Page(string feedXml)
    {
        using var input = XmlReader.Create(new StringReader(feedXml));
        var page = new XDocument();
        using (var output = page.CreateWriter())
        {
            Load().Transform(input, output);
        }

        return page.Root!;
    }

    private static string SeedAtom()
    {
        using var stream = new MemoryStream();
        Assert.Equal(0, FeedKit.Cli.FeedKitCli.Run(["build", TestFeeds.SeedDirectory], stream, TextWriter.Null));
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task Seed_atom_html() => await Verifier.Verify(Transform(SeedAtom()), "html");

    [Fact]
    public async Task Mixed_arabic_english_atom_html() =>
        await Verifier.Verify(Transform(new AtomFeedWriter(WithStylesheet).WriteToString(TestFeeds.Cases["english-in-arabic-feed"]())), "html");

    [Fact]
    public async Task Mixed_arabic_english_rss_html() =>
        await Verifier.Verify(Transform(new RssFeedWriter(WithStylesheet).WriteToString(TestFeeds.Cases["english-in-arabic-feed"]())), "html");

    [Theory]
    [InlineData(FeedFormat.Atom)]
    [InlineData(FeedFormat.Rss)]
    public void Pages_take_lang_and_dir_from_the_feed_and_each_entry(FeedFormat format)
    {
        var xml = FeedWriter.Create(format).WriteToString(TestFeeds.Cases["english-in-arabic-feed"]());
        var html = Page(xml);
        Assert.Equal(("ar", "rtl"), ((string?)html.Attribute("lang"), (string?)html.Attribute("dir")));
        var articles = html.Descendants("article").ToList();
        Assert.Equal([("ar", "rtl"), ("en-GB", "ltr")], articles.Select(a => ((string?)a.Attribute("lang"), (string?)a.Attribute("dir"))));
        Assert.Equal("https://example.com/summit", articles[0].Element("h2")!.Element("a")!.Attribute("href")!.Value);
        Assert.NotNull(articles[0].Element("time"));
        Assert.Equal("الرئيسان اتفقا على مواصلة المحادثات.", articles[0].Element("p")!.Value);
        Assert.Equal(("ar", "rtl"), ((string?)html.Descendants("aside").Single().Attribute("lang"), (string?)html.Descendants("aside").Single().Attribute("dir")));
    }

    [Theory]
    [InlineData("he", "rtl", "he")]
    [InlineData("fa-IR", "rtl", "fa")]
    [InlineData("ur", "rtl", "en")]
    [InlineData("az-Arab", "rtl", "en")]
    [InlineData("en", "ltr", "en")]
    [InlineData("fr-CA", "ltr", "en")]
    public void Direction_and_the_note_follow_the_language(string language, string dir, string noteLanguage)
    {
        var feed = new Feed(TestFeeds.Info(language, "Title"), [TestFeeds.Article("a", "Headline", null, new Paragraph("Text"))]);
        var page = Page(new AtomFeedWriter().WriteToString(feed));
        Assert.Equal(dir, (string?)page.Attribute("dir"));
        Assert.Equal(noteLanguage, (string?)page.Descendants("aside").Single().Attribute("lang"));
    }

    [Fact]
    public void Summaries_are_text_never_markup()
    {
        var feed = new Feed(TestFeeds.Info("en", "T"), [TestFeeds.Article("a", "H", "Use <script>alert(1)</script> & \"quotes\"", new Paragraph("x"))]);
        var html = Transform(new AtomFeedWriter().WriteToString(feed));
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("Use &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quotes\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_instruction_comes_first_in_atom_and_rss_and_json_ignores_it()
    {
        var feed = TestFeeds.Cases["hebrew"]();
        const string pi = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"/feed.xsl\"?>\n";
        Assert.StartsWith(pi, new AtomFeedWriter(WithStylesheet).WriteToString(feed), StringComparison.Ordinal);
        Assert.StartsWith(pi, new RssFeedWriter(WithStylesheet).WriteToString(feed), StringComparison.Ordinal);
        Assert.Equal(new JsonFeedWriter().WriteToString(feed), new JsonFeedWriter(WithStylesheet).WriteToString(feed));
        Assert.DoesNotContain("xml-stylesheet", new AtomFeedWriter().WriteToString(feed), StringComparison.Ordinal);

        var absolute = new AtomFeedWriter(new FeedWriterOptions { Stylesheet = new Uri("https://example.com/a b.xsl?x=1&y=2") }).WriteToString(feed);
        Assert.Contains("<?xml-stylesheet type=\"text/xsl\" href=\"https://example.com/a%20b.xsl?x=1&amp;y=2\"?>", absolute, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new RssFeedWriter(new FeedWriterOptions { Stylesheet = new Uri("javascript:alert(1)") }));
        Assert.Throws<ArgumentException>(() => FeedWriter.Create(FeedFormat.Atom, new FeedWriterOptions { Stylesheet = new Uri("file:///etc/feed.xsl") }));
    }

    [Fact]
    public async Task Hebrew_rss_with_stylesheet() =>
        await Verifier.Verify(new RssFeedWriter(new FeedWriterOptions { Stylesheet = new Uri("https://example.com/feed.xsl") }).WriteToString(TestFeeds.Cases["hebrew"]()), "xml");

    [Fact]
    public void The_packaged_stylesheet_is_the_source_file()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "feed.xsl");
        Assert.Equal(File.ReadAllText(source), FeedStylesheet.Text);
        using var stream = new MemoryStream();
        FeedStylesheet.WriteTo(stream);
        Assert.Equal(File.ReadAllBytes(source), stream.ToArray());
    }
}
