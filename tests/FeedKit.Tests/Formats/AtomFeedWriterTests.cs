using System.Xml.Linq;
using FeedKit.Formats;
using FeedKit.Formats.Atom;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Tests.Formats;

public sealed class AtomFeedWriterTests
{
    private static XDocument Write(Feed feed, FeedWriterOptions? options = null) =>
        Xml.Parse(new AtomFeedWriter(options).WriteToString(feed));

    [Fact]
    public void Language_is_on_feed_entry_title_summary_and_content()
    {
        var doc = Write(TestFeeds.Cases["english-in-arabic-feed"]());
        Assert.Equal("ar", doc.Root!.Attribute(Xml.Lang)?.Value);
        var entries = doc.Root.Elements(Xml.Atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        foreach (var (entry, language) in entries.Zip(["ar", "en-GB"]))
        {
            Assert.Equal(language, entry.Attribute(Xml.Lang)?.Value);
            foreach (var name in new[] { "title", "summary", "content" })
            {
                Assert.Equal(language, entry.Element(Xml.Atom + name)?.Attribute(Xml.Lang)?.Value);
            }
        }
    }

    [Fact]
    public void No_Atom_element_carries_a_dir_attribute()
    {
        foreach (var name in TestFeeds.CaseNames)
        {
            var doc = Write(TestFeeds.Cases[name]());
            Assert.DoesNotContain(doc.Descendants(), e => e.Attribute("dir") is not null);
        }
    }

    [Fact]
    public void Content_is_html_wrapped_in_the_article_direction_and_language()
    {
        var doc = Write(TestFeeds.Cases["english-in-arabic-feed"]());
        var contents = doc.Descendants(Xml.Atom + "content").ToList();
        Assert.All(contents, c => Assert.Equal("html", c.Attribute("type")?.Value));
        Assert.StartsWith("<div dir=\"rtl\" lang=\"ar\"><p>", contents[0].Value, StringComparison.Ordinal);
        Assert.StartsWith("<div dir=\"ltr\" lang=\"en-GB\"><p>", contents[1].Value, StringComparison.Ordinal);
        Assert.EndsWith("</div>", contents[0].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_in_another_direction_gets_its_own_dir_and_lang()
    {
        var doc = Write(TestFeeds.Cases["english-in-arabic-feed"]());
        var contents = doc.Descendants(Xml.Atom + "content").Select(c => c.Value).ToList();

        // Declared English quote in the Arabic story: dir and lang.
        Assert.Contains("<blockquote dir=\"ltr\" lang=\"en\"><p>We agreed to keep talking.</p>", contents[0], StringComparison.Ordinal);

        // Undeclared quote whose letters are all Latin: dir only (its language is unknown).
        Assert.Contains("<blockquote dir=\"ltr\"><p>Progress, not promises.</p>", contents[0], StringComparison.Ordinal);

        // Arabic paragraphs of the Arabic story inherit: no attributes.
        Assert.Contains("<p>قال المتحدث", contents[0], StringComparison.Ordinal);

        // Arabic quote inside the English story.
        Assert.Contains("<blockquote dir=\"rtl\" lang=\"ar\">", contents[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Links_id_dates_authors_and_categories()
    {
        var doc = Write(TestFeeds.Cases["no-standfirst-two-authors"]());
        var root = doc.Root!;
        Assert.Equal("https://example.com/feed", Link(root, "self")?.Attribute("href")?.Value);
        Assert.Equal("application/atom+xml", Link(root, "self")?.Attribute("type")?.Value);
        Assert.Equal("https://example.com/", Link(root, "alternate")?.Attribute("href")?.Value);
        Assert.Equal("https://example.com/", root.Element(Xml.Atom + "id")?.Value);
        Assert.Equal("2026-03-14T09:30:00+03:00", root.Element(Xml.Atom + "updated")?.Value);

        var entry = root.Element(Xml.Atom + "entry")!;
        Assert.Equal("https://example.com/opinion", entry.Element(Xml.Atom + "id")?.Value);
        Assert.Equal("https://example.com/opinion", Link(entry, "alternate")?.Attribute("href")?.Value);
        Assert.Equal("2026-03-14T09:30:00+03:00", entry.Element(Xml.Atom + "published")?.Value);
        Assert.Equal("2026-03-14T09:30:00+03:00", entry.Element(Xml.Atom + "updated")?.Value);
        Assert.Equal(["ليلى حسن", "عمر خالد"], entry.Elements(Xml.Atom + "author").Select(a => a.Element(Xml.Atom + "name")?.Value));
        Assert.Equal("layla@example.com", entry.Element(Xml.Atom + "author")?.Element(Xml.Atom + "email")?.Value);
        Assert.Equal(["إعلام", "رأي"], entry.Elements(Xml.Atom + "category").Select(c => c.Attribute("term")?.Value));
        Assert.Null(entry.Element(Xml.Atom + "summary"));
    }

    [Fact]
    public void An_entry_without_authors_carries_the_feed_author_since_readers_do_not_inherit_it()
    {
        // RFC 4287 lets an entry inherit the feed's author, but Tiny Tiny RSS and others show none then.
        var doc = Write(TestFeeds.Cases["hebrew"]());
        Assert.Equal("Newsroom", doc.Root!.Element(Xml.Atom + "author")?.Element(Xml.Atom + "name")?.Value);
        var author = Assert.Single(doc.Root.Element(Xml.Atom + "entry")!.Elements(Xml.Atom + "author"));
        Assert.Equal("Newsroom", author.Element(Xml.Atom + "name")?.Value);
        Assert.Equal("news@example.com", author.Element(Xml.Atom + "email")?.Value);
    }

    [Fact]
    public void Updated_defaults_to_the_newest_article_never_the_clock()
    {
        var older = TestFeeds.Article("a", "أ", null, new Paragraph("نص")) with { Published = TestFeeds.Morning.AddDays(-3) };
        var newer = TestFeeds.Article("b", "ب", null, new Paragraph("نص")) with
        {
            Published = TestFeeds.Morning.AddDays(-2),
            Updated = TestFeeds.Morning.AddDays(1),
        };
        var doc = Write(new Feed(TestFeeds.Info("ar", "عنوان"), [older, newer]));
        Assert.Equal("2026-03-15T09:30:00+03:00", doc.Root!.Element(Xml.Atom + "updated")?.Value);
    }

    [Fact]
    public void First_strong_guard_marks_only_titles_that_need_it()
    {
        var doc = Write(TestFeeds.Cases["arabic-digits-start"]());
        var titles = doc.Descendants(Xml.Atom + "entry").Select(e => e.Element(Xml.Atom + "title")!.Value).ToList();
        Assert.Equal("2026: عام الانتخابات في المنطقة", titles[0]);
        Assert.Equal("\u200F2026 — 1447", titles[1]);

        var latin = Write(TestFeeds.Cases["arabic-latin-start"]());
        Assert.Equal("\u200FiPhone 17 يصل إلى الأسواق العربية الشهر المقبل", latin.Descendants(Xml.Atom + "entry").Single().Element(Xml.Atom + "title")!.Value);
        Assert.Contains("<p>\u200FApple تعلن", latin.Descendants(Xml.Atom + "summary").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void First_strong_guard_can_be_turned_off()
    {
        var doc = Write(TestFeeds.Cases["arabic-latin-start"](), new FeedWriterOptions { FirstStrongGuard = false });
        Assert.DoesNotContain('\u200F', doc.ToString());
        Assert.DoesNotContain('\u200E', doc.ToString());
    }

    [Fact]
    public void Left_to_right_title_starting_with_hebrew_gets_LRM()
    {
        var article = TestFeeds.Article("x", "שלום means hello", null, new Paragraph("A word a day.")) with { Language = LanguageTag.Parse("en") };
        var doc = Write(new Feed(TestFeeds.Info("en", "Words"), [article]));
        Assert.Equal("\u200Eשלום means hello", doc.Descendants(Xml.Atom + "entry").Single().Element(Xml.Atom + "title")!.Value);
    }

    [Fact]
    public void Output_is_utf8_without_bom_and_declares_it()
    {
        using var stream = new MemoryStream();
        new AtomFeedWriter().Write(TestFeeds.Cases["hebrew"](), stream);
        var bytes = stream.ToArray();
        Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.DoesNotContain((byte)'\r', bytes);
    }

    private static XElement? Link(XElement parent, string rel) =>
        parent.Elements(Xml.Atom + "link").SingleOrDefault(l => l.Attribute("rel")?.Value == rel);
}
