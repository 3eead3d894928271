using System.Text.Json;
using System.Xml.Linq;
using FeedKit.Archive;
using FeedKit.Formats;
using FeedKit.Formats.Atom;
using FeedKit.Formats.Json;
using FeedKit.Formats.Rss;
using FeedKit.Validation;
using FeedKit.Model;
using FeedKit.Tests.Formats;
using FeedKit.Tests.Media;
using FeedKit.Xml;

namespace FeedKit.Tests.Archive;

// Here, inside the namespace, the alias wins over the namespaces FeedKit.Xml and FeedKit.Tests.Xml.
using Xml = FeedKit.Tests.Formats.Xml;

/// <summary>RFC 5005 archived and paged feeds (issue 7).</summary>
public sealed class FeedArchiveTests
{
    private static readonly XNamespace Fh = "http://purl.org/syndication/history/1.0";

    private static FeedInfo Info => TestFeeds.Info("ar", "أرشيف الأخبار") with { SelfUrl = new Uri("https://example.com/feed.atom") };

    private static Uri ArchiveUrl(int n) => new($"https://example.com/feed/archive/{n}.atom");

    private static Uri PageUrl(int n) => new($"https://example.com/feed/page/{n}.atom");

    /// <summary>Article <paramref name="i"/> (0 = oldest), one hour after the one before.</summary>
    private static Article Numbered(int i) =>
        TestFeeds.Article($"story-{i}", $"الخبر رقم {i}", "ملخص الخبر.", new Paragraph("نص الخبر.")) with
        {
            Published = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(3)).AddHours(i),
        };

    private static List<Article> Articles(int count) => [.. Enumerable.Range(0, count).Select(Numbered)];

    private static string? Link(XElement feed, string rel) =>
        feed.Elements(Xml.Atom + "link").Where(l => (string?)l.Attribute("rel") == rel).Select(l => (string?)l.Attribute("href")).SingleOrDefault();

    [Fact]
    public async Task A_thousand_articles_in_pages_of_a_hundred_chain_both_ways_validate_and_hold_each_article_once()
    {
        var archive = FeedArchive.Create(Info, Articles(1000), 100, ArchiveUrl);
        Assert.Equal(9, archive.Archives.Length);
        Assert.Equal(100, archive.Current.Articles.Length);

        var atom = new AtomFeedWriter();
        var documents = archive.Archives.Select(a => atom.WriteToString(a.Feed)).Append(atom.WriteToString(archive.Current)).ToArray();
        await RichFeeds.AssertValidAtom(documents);
        foreach (var format in Enum.GetValues<FeedFormat>())
        {
            // Every document passes the lint with no error and no warning, in every format.
            foreach (var feed in archive.Archives.Select(a => a.Feed).Append(archive.Current))
            {
                Assert.Empty(FeedLint.Check(feed, new FeedLintOptions { Formats = [format] }));
            }
        }

        var roots = documents.Select(d => Xml.Parse(d).Root!).ToArray();
        var current = roots[^1];
        Assert.Equal(ArchiveUrl(9).AbsoluteUri, Link(current, "prev-archive"));
        Assert.Null(current.Element(Fh + "archive"));
        for (var a = 0; a < 9; a++)
        {
            var root = roots[a];
            Assert.NotNull(root.Element(Fh + "archive"));
            Assert.Equal(ArchiveUrl(a + 1).AbsoluteUri, Link(root, "self"));
            Assert.Equal("https://example.com/feed.atom", Link(root, "current"));
            Assert.Equal(a == 0 ? null : ArchiveUrl(a).AbsoluteUri, Link(root, "prev-archive"));
            Assert.Equal(a == 8 ? null : ArchiveUrl(a + 2).AbsoluteUri, Link(root, "next-archive"));

            // Following the links back and forth lands on the right documents.
            var previous = Link(root, "prev-archive");
            if (previous is not null)
            {
                Assert.Equal(Link(root, "self"), Link(roots[a - 1], "next-archive"));
            }
        }

        // Each article exactly once; each document newest first; an archive's updated is its own newest article's.
        var ids = roots.SelectMany(r => r.Elements(Xml.Atom + "entry").Select(e => e.Element(Xml.Atom + "id")!.Value)).ToList();
        Assert.Equal(1000, ids.Count);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"https://example.com/story-{i}").Order(), ids.Order());
        Assert.Equal("https://example.com/story-99", roots[0].Element(Xml.Atom + "entry")!.Element(Xml.Atom + "id")!.Value);
        Assert.Equal(Dates.Rfc3339(Numbered(99).Published), roots[0].Element(Xml.Atom + "updated")!.Value);
    }

    [Fact]
    public void Adding_an_article_changes_the_current_document_and_at_most_one_archive()
    {
        var writers = new FeedWriter[] { new AtomFeedWriter(), new RssFeedWriter(), new JsonFeedWriter() };
        for (var count = 1000; count <= 1002; count++)
        {
            var before = FeedArchive.Create(Info, Articles(count), 100, ArchiveUrl);
            var after = FeedArchive.Create(Info, Articles(count + 1), 100, ArchiveUrl);
            foreach (var writer in writers)
            {
                var changed = before.Archives
                    .Where(a => writer.WriteToString(a.Feed) != writer.WriteToString(after.Archives[a.Number - 1].Feed))
                    .Select(a => a.Number)
                    .ToList();
                Assert.True(changed.Count <= 1, $"{writer.Format}, {count} → {count + 1}: archives {string.Join(", ", changed)} changed");
                Assert.NotEqual(writer.WriteToString(before.Current), writer.WriteToString(after.Current));
            }

            // Versions (the HTTP layer's ETags) follow the bytes: unchanged archives keep theirs.
            var versionChanges = before.Archives.Where(a => a.Version != after.Archives[a.Number - 1].Version).Select(a => a.Number).ToList();
            Assert.Equal(count == 1000 ? [9] : [], versionChanges);
            Assert.NotEqual(before.CurrentVersion, after.CurrentVersion);
        }

        // 1000 → 1001 fills page 10: archive 10 appears, and archive 9 (only) gains its next-archive link.
        Assert.Equal(9, FeedArchive.Create(Info, Articles(1000), 100, ArchiveUrl).Archives.Length);
        Assert.Equal(10, FeedArchive.Create(Info, Articles(1001), 100, ArchiveUrl).Archives.Length);
    }

    [Fact]
    public void Archives_need_the_current_link_and_the_feed_needs_a_self_link()
    {
        Assert.Throws<ArgumentException>(() => FeedArchive.Create(Info with { SelfUrl = null }, Articles(3), 2, ArchiveUrl));
        Assert.Throws<ArgumentOutOfRangeException>(() => FeedArchive.Create(Info, Articles(3), 0, ArchiveUrl));
        var hand = new Feed(Info with { History = new FeedHistory { IsArchive = true } }, Articles(1));
        var error = Assert.Single(FeedLint.Check(hand), p => p.Severity == FeedProblemSeverity.Error);
        Assert.Equal("feed.History.Current", error.Path.ToString());
        var relative = new Feed(Info with { History = new FeedHistory { Next = new Uri("page/2", UriKind.Relative) } }, Articles(1));
        Assert.Equal("feed.History.Next", Assert.Single(FeedLint.Check(relative), p => p.Severity == FeedProblemSeverity.Error).Path.ToString());
    }

    [Fact]
    public async Task Small_archive_atom()
    {
        var archive = FeedArchive.Create(Info, Articles(5), 2, ArchiveUrl);
        await Verifier.Verify(new AtomFeedWriter().WriteToString(archive.Archives[1].Feed), "xml");
    }

    [Fact]
    public async Task Small_archive_rss()
    {
        var rssInfo = Info with { SelfUrl = new Uri("https://example.com/feed.rss") };
        var archive = FeedArchive.Create(rssInfo, Articles(5), 2, n => new Uri($"https://example.com/feed/archive/{n}.rss"));
        await Verifier.Verify(new RssFeedWriter().WriteToString(archive.Archives[1].Feed), "xml");
    }

    [Fact]
    public async Task Small_archive_current_json()
    {
        var jsonInfo = Info with { SelfUrl = new Uri("https://example.com/feed.json") };
        var archive = FeedArchive.Create(jsonInfo, Articles(5), 2, n => new Uri($"https://example.com/feed/archive/{n}.json"));
        await Verifier.Verify(new JsonFeedWriter().WriteToString(archive.Current), "json");
    }

    [Fact]
    public async Task Paged_middle_page_atom()
    {
        var newestFirst = Articles(5);
        newestFirst.Reverse();
        await Verifier.Verify(new AtomFeedWriter().WriteToString(FeedPages.Create(Info, newestFirst, 2, PageUrl)[1].Feed), "xml");
    }

    [Fact]
    public async Task Paged_middle_page_rss()
    {
        var newestFirst = Articles(5);
        newestFirst.Reverse();
        var pages = FeedPages.Create(Info, newestFirst, 2, n => new Uri($"https://example.com/feed/page/{n}.rss"));
        await Verifier.Verify(new RssFeedWriter().WriteToString(pages[1].Feed), "xml");
    }

    [Fact]
    public async Task Paged_feed_links_first_last_previous_next_and_holds_each_article_once()
    {
        var newestFirst = Articles(1000);
        newestFirst.Reverse();
        var pages = FeedPages.Create(Info, newestFirst, 100, PageUrl);
        Assert.Equal(10, pages.Length);
        var documents = pages.Select(p => new AtomFeedWriter().WriteToString(p.Feed)).ToArray();
        await RichFeeds.AssertValidAtom(documents);
        var roots = documents.Select(d => Xml.Parse(d).Root!).ToArray();
        for (var p = 0; p < 10; p++)
        {
            Assert.Equal(PageUrl(p + 1).AbsoluteUri, Link(roots[p], "self"));
            Assert.Equal(PageUrl(1).AbsoluteUri, Link(roots[p], "first"));
            Assert.Equal(PageUrl(10).AbsoluteUri, Link(roots[p], "last"));
            Assert.Equal(p == 0 ? null : PageUrl(p).AbsoluteUri, Link(roots[p], "previous"));
            Assert.Equal(p == 9 ? null : PageUrl(p + 2).AbsoluteUri, Link(roots[p], "next"));
            Assert.Null(roots[p].Element(Fh + "archive"));
        }

        var ids = roots.SelectMany(r => r.Elements(Xml.Atom + "entry").Select(e => e.Element(Xml.Atom + "id")!.Value)).ToList();
        Assert.Equal(newestFirst.Select(a => a.Url!.AbsoluteUri), ids);

        using var json = JsonDocument.Parse(new JsonFeedWriter().WriteToString(pages[3].Feed));
        Assert.Equal(PageUrl(5).AbsoluteUri, json.RootElement.GetProperty("next_url").GetString());
        var rss = Xml.Parse(new RssFeedWriter().WriteToString(pages[3].Feed)).Root!.Element("channel")!;
        Assert.Equal(PageUrl(3).AbsoluteUri, rss.Elements(Xml.Atom + "link").Single(l => (string?)l.Attribute("rel") == "previous").Attribute("href")!.Value);
    }
}
