using System.Text.RegularExpressions;
using System.Xml.Linq;
using FeedKit.Formats.Rss;
using FeedKit.Validation;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Tests.Formats;

public sealed class RssFeedWriterTests
{
    private static string WriteText(Feed feed) => new RssFeedWriter().WriteToString(feed);

    private static XDocument Write(Feed feed) => Xml.Parse(WriteText(feed));

    [Fact]
    public void Namespaces_are_declared_once_on_rss_and_never_a10()
    {
        foreach (var name in TestFeeds.CaseNames)
        {
            var doc = Write(TestFeeds.Cases[name]());
            var declarations = doc.Descendants().SelectMany(e => e.Attributes().Where(a => a.IsNamespaceDeclaration).Select(a => (e.Name.LocalName, a.Name.LocalName))).ToList();
            Assert.Equal([("rss", "atom"), ("rss", "content"), ("rss", "dc"), ("rss", "media")], declarations);
            Assert.DoesNotContain("a10", WriteText(TestFeeds.Cases[name]()), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Channel_language_and_dc_language_on_every_item()
    {
        var doc = Write(TestFeeds.Cases["english-in-arabic-feed"]());
        var channel = doc.Root!.Element("channel")!;
        Assert.Equal("ar", channel.Element("language")?.Value);
        Assert.Equal(["ar", "en-GB"], channel.Elements("item").Select(i => i.Element(Xml.Dc + "language")?.Value));
    }

    [Fact]
    public void Description_is_the_standfirst_in_the_wrapper_and_content_encoded_the_body()
    {
        var item = Write(TestFeeds.Cases["hebrew"]()).Root!.Element("channel")!.Element("item")!;
        Assert.Equal("<div dir=\"rtl\" lang=\"he\"><p>לאחר דיון ארוך אישרה הממשלה את הצעת התקציב, שתועבר כעת לכנסת.</p></div>", item.Element("description")?.Value);
        var body = item.Element(Xml.Content + "encoded")?.Value;
        Assert.StartsWith("<div dir=\"rtl\" lang=\"he\"><p>הדיון", body, StringComparison.Ordinal);
        Assert.Contains("<h2>מה בתקציב</h2>", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Guid_is_a_permalink_only_when_it_is_the_url()
    {
        var byUrl = TestFeeds.Article("a", "أ", null, new Paragraph("نص"));
        var byTag = byUrl with { Id = "tag:example.com,2026:1", Url = new Uri("https://example.com/b") };
        var guids = Write(new Feed(TestFeeds.Info("ar", "ع"), [byUrl, byTag])).Descendants("guid").ToList();
        Assert.Equal(("true", "https://example.com/a"), (guids[0].Attribute("isPermaLink")?.Value, guids[0].Value));
        Assert.Equal(("false", "tag:example.com,2026:1"), (guids[1].Attribute("isPermaLink")?.Value, guids[1].Value));
    }

    [Fact]
    public void Dates_are_RFC_822_in_GMT()
    {
        var doc = Write(TestFeeds.Cases["hebrew"]());
        Assert.Equal("Sat, 14 Mar 2026 06:30:00 GMT", doc.Descendants("pubDate").Single().Value);
        Assert.Equal("Sat, 14 Mar 2026 06:30:00 GMT", doc.Descendants("lastBuildDate").Single().Value);
    }

    [Fact]
    public void Author_only_with_an_email_else_dc_creator()
    {
        var withEmail = TestFeeds.Article("a", "أ", null, new Paragraph("نص")) with { Authors = [new Author("سارة") { Email = "sara@example.com" }] };
        var withoutEmail = TestFeeds.Article("b", "ب", null, new Paragraph("نص")) with { Authors = [new Author("يوسف")] };
        var items = Write(new Feed(TestFeeds.Info("ar", "ع"), [withEmail, withoutEmail])).Descendants("item").ToList();
        Assert.Equal("sara@example.com (سارة)", items[0].Element("author")?.Value);
        Assert.Empty(items[0].Elements(Xml.Dc + "creator"));
        Assert.Null(items[1].Element("author"));
        Assert.Equal("يوسف", items[1].Element(Xml.Dc + "creator")?.Value);

        var two = Write(TestFeeds.Cases["no-standfirst-two-authors"]()).Descendants("item").Single();
        Assert.Null(two.Element("author"));
        Assert.Equal(["ليلى حسن", "عمر خالد"], two.Elements(Xml.Dc + "creator").Select(c => c.Value));
        // Without a standfirst, the first paragraph is the description (validators want one before content:encoded).
        Assert.Equal("<div dir=\"rtl\" lang=\"ar\"><p>تواجه الصحف المحلية تحديات كبيرة في العصر الرقمي.</p></div>", two.Element("description")?.Value);
    }

    [Fact]
    public void Item_without_authors_takes_the_feed_author()
    {
        var item = Write(TestFeeds.Cases["hebrew"]()).Descendants("item").Single();
        Assert.Equal("news@example.com (Newsroom)", item.Element("author")?.Value);
    }

    [Fact]
    public void Self_link_is_an_atom_link_on_the_channel()
    {
        var link = Write(TestFeeds.Cases["hebrew"]()).Root!.Element("channel")!.Element(Xml.Atom + "link")!;
        Assert.Equal(("self", "application/rss+xml", "https://example.com/feed"), (link.Attribute("rel")?.Value, link.Attribute("type")?.Value, link.Attribute("href")?.Value));
    }

    [Fact]
    public void A_feed_language_that_is_not_ISO_639_is_refused_for_RSS_only()
    {
        var feed = new Feed(TestFeeds.Info("ckb", "هەواڵ"), [TestFeeds.Article("a", "سڵاو", null, new Paragraph("دەق"))]);
        var error = Assert.Throws<FeedValidationException>(() => WriteText(feed));
        Assert.Equal("feed.Language", Assert.Single(error.Problems).Path.ToString());
        Assert.Contains("ISO 639", error.Message, StringComparison.Ordinal);
        Assert.Contains("xml:lang=\"ckb\"", new FeedKit.Formats.Atom.AtomFeedWriter().WriteToString(feed), StringComparison.Ordinal);
    }

    [Fact]
    public void Rss_text_has_no_carriage_returns_and_one_channel()
    {
        var text = WriteText(TestFeeds.Cases["persian-zwnj"]());
        Assert.DoesNotContain('\r', text);
        Assert.Single(Regex.Matches(text, "<channel>"));
        Assert.Contains("کتاب\u200Cهای", text, StringComparison.Ordinal);
        Assert.Equal(TextDirection.RightToLeft, LanguageTag.Parse("fa-IR").Direction);
    }
}
