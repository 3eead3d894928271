using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using FeedKit.Formats;
using FeedKit.Formats.Atom;
using FeedKit.Formats.Json;
using FeedKit.Formats.Rss;
using FeedKit.Validation;
using FeedKit.Model;
using FeedKit.Tests.Formats;

namespace FeedKit.Tests.Media;

// Here, inside the namespace, the alias wins over the namespaces FeedKit.Xml and FeedKit.Tests.Xml.
using Xml = FeedKit.Tests.Formats.Xml;

/// <summary>Images, enclosures, Media RSS and WebSub hub links in all three formats (issue 7).</summary>
public sealed class MediaTests
{
    private static readonly XNamespace MediaNs = "http://search.yahoo.com/mrss/";

    [Fact]
    public async Task Podcast_atom() => await Verifier.Verify(new AtomFeedWriter().WriteToString(RichFeeds.Podcast()), "xml");

    [Fact]
    public async Task Podcast_rss()
    {
        var feed = RichFeeds.Podcast();
        var rss = new Feed(feed.Info with { SelfUrl = new Uri("https://example.com/podcast.rss") }, feed.Articles);
        await Verifier.Verify(new RssFeedWriter().WriteToString(rss), "xml");
    }

    [Fact]
    public async Task Podcast_json() => await Verifier.Verify(new JsonFeedWriter().WriteToString(RichFeeds.Podcast()), "json");

    [Fact]
    public async Task Podcast_atom_is_valid_RFC_4287() => await RichFeeds.AssertValidAtom(new AtomFeedWriter().WriteToString(RichFeeds.Podcast()));

    [Fact]
    public void Atom_has_an_enclosure_link_per_file_with_length_only_when_known()
    {
        var doc = Xml.Parse(new AtomFeedWriter().WriteToString(RichFeeds.Podcast()));
        var entries = doc.Root!.Elements(Xml.Atom + "entry").ToList();
        var first = entries[0].Elements(Xml.Atom + "link").Where(l => (string?)l.Attribute("rel") == "enclosure").ToList();
        Assert.Equal(["https://example.com/img/episode-12.png", "https://cdn.example.com/audio/episode-12.mp3", "https://example.com/transcripts/episode-12.pdf"], first.Select(l => (string)l.Attribute("href")!));
        Assert.Equal(["48213", "31457280", null], first.Select(l => (string?)l.Attribute("length")));
        Assert.Equal(["image/png", "audio/mpeg", "application/pdf"], first.Select(l => (string?)l.Attribute("type")));

        var second = Assert.Single(entries[1].Elements(Xml.Atom + "link"), l => (string?)l.Attribute("rel") == "enclosure");
        Assert.Equal("image/jpeg", (string?)second.Attribute("type"));
        Assert.Null(second.Attribute("length"));
    }

    [Fact]
    public void Rss_has_one_enclosure_per_item_the_first_attachment_else_the_lead_image_and_every_file_in_media_rss()
    {
        var doc = Xml.Parse(new RssFeedWriter().WriteToString(RichFeeds.Podcast()));
        var items = doc.Root!.Element("channel")!.Elements("item").ToList();
        var enclosure = Assert.Single(items[0].Elements("enclosure"));
        Assert.Equal("https://cdn.example.com/audio/episode-12.mp3", (string?)enclosure.Attribute("url"));
        Assert.Equal("31457280", (string?)enclosure.Attribute("length"));
        Assert.Equal("audio/mpeg", (string?)enclosure.Attribute("type"));
        Assert.Equal(3, items[0].Elements(MediaNs + "content").Count());
        Assert.Equal("1950", (string?)items[0].Elements(MediaNs + "content").ElementAt(1).Attribute("duration"));

        // The lead image is the enclosure when there are no attachments; its size is unknown, so length="0".
        var lead = Assert.Single(items[1].Elements("enclosure"));
        Assert.Equal("https://example.com/img/market.JPG", (string?)lead.Attribute("url"));
        Assert.Equal("0", (string?)lead.Attribute("length"));
        Assert.Equal("image/jpeg", (string?)lead.Attribute("type"));
        var content = Assert.Single(items[1].Elements(MediaNs + "content"));
        Assert.Null(content.Attribute("fileSize"));
        var description = content.Element(MediaNs + "description")!;
        Assert.Equal("ar", (string?)description.Attribute(Xml.Lang));
        Assert.Equal("شاشة التداول", description.Value);
        Assert.Equal("https://example.com/img/market.JPG", (string?)items[1].Element(MediaNs + "thumbnail")!.Attribute("url"));
    }

    [Fact]
    public void Media_descriptions_carry_the_article_language_and_the_first_strong_guard()
    {
        var doc = Xml.Parse(new AtomFeedWriter().WriteToString(RichFeeds.Podcast()));
        var description = doc.Root!.Element(Xml.Atom + "entry")!.Element(MediaNs + "content")!.Element(MediaNs + "description")!;
        Assert.Equal("ar", (string?)description.Attribute(Xml.Lang));
        Assert.Equal("\u200FApple في دبي", description.Value);
    }

    [Fact]
    public void Unknown_rss_enclosure_length_is_a_warning_in_the_lint_and_from_the_rss_writer_only()
    {
        var feed = RichFeeds.Podcast();
        const string path = "articles[1].LeadImage.Length";
        var lint = FeedLint.Check(feed);
        var problem = Assert.Single(lint, p => p.Path.ToString() == path);
        Assert.Equal(FeedProblemSeverity.Warning, problem.Severity);
        Assert.Contains("length=\"0\"", problem.Message, StringComparison.Ordinal);
        Assert.Empty(FeedLint.Check(feed, new FeedLintOptions { Formats = [FeedFormat.Atom, FeedFormat.Json] }).Where(p => p.Path.ToString() == path));

        var rssWarnings = new List<FeedProblem>();
        new RssFeedWriter(new FeedWriterOptions { Warnings = rssWarnings.Add }).WriteToString(feed);
        Assert.Equal([problem], rssWarnings.Where(p => p.Path.ToString().Contains("Media", StringComparison.Ordinal) || p.Path.ToString().Contains("LeadImage", StringComparison.Ordinal)));

        var atomWarnings = new List<FeedProblem>();
        new AtomFeedWriter(new FeedWriterOptions { Warnings = atomWarnings.Add }).WriteToString(feed);
        Assert.DoesNotContain(atomWarnings, p => p.Path.ToString() == path);

        // Known size: no warning.
        var sized = new Feed(feed.Info, [feed.Articles[1] with { LeadImage = feed.Articles[1].LeadImage! with { Length = 1000 } }]);
        Assert.DoesNotContain(FeedLint.Check(sized), p => p.Path.ToString() == "articles[0].LeadImage.Length");
    }

    [Fact]
    public void Unknown_length_of_the_first_attachment_is_the_warning_not_the_lead_image()
    {
        var article = RichFeeds.Podcast().Articles[0];
        var feed = new Feed(RichFeeds.Info, [article with { LeadImage = article.LeadImage! with { Length = null }, Media = [article.Media[0] with { Length = null }, article.Media[1]] }]);
        var paths = FeedLint.Check(feed).Where(p => p.Path.ToString().EndsWith(".Length", StringComparison.Ordinal)).Select(p => p.Path.ToString());
        Assert.Equal(["articles[0].Media[0].Length"], paths);
    }

    [Fact]
    public void A_lead_image_whose_type_cannot_be_told_gets_no_rss_enclosure_and_a_warning()
    {
        var feed = new Feed(RichFeeds.Info, [TestFeeds.Article("x", "عنوان", "مقدمة") with { LeadImage = new Image(new Uri("https://example.com/image?id=4")) }]);
        Assert.Contains(FeedLint.Check(feed), p => p.Severity == FeedProblemSeverity.Warning && p.Path.ToString() == "articles[0].LeadImage.MediaType");
        var item = Xml.Parse(new RssFeedWriter().WriteToString(feed)).Root!.Element("channel")!.Element("item")!;
        Assert.Null(item.Element("enclosure"));
        Assert.NotNull(item.Element(MediaNs + "content"));
    }

    [Theory]
    [InlineData("media-without-type", "articles[0].Media[0].MediaType", "is required")]
    [InlineData("media-bad-type", "articles[0].Media[0].MediaType", "not a media type")]
    [InlineData("media-negative-length", "articles[0].Media[0].Length", "negative")]
    [InlineData("media-negative-duration", "articles[0].Media[0].Duration", "negative")]
    [InlineData("media-relative-url", "articles[0].Media[0].Url", "needs a base")]
    [InlineData("media-ftp-thumbnail", "articles[0].Media[0].ThumbnailUrl", "not an http or https URL")]
    [InlineData("lead-bad-type", "articles[0].LeadImage.MediaType", "not a media type")]
    [InlineData("hub-relative", "feed.Hubs[1]", "needs a base")]
    [InlineData("hub-without-self", "feed.SelfUrl", "WebSub")]
    public void Media_and_hub_errors_have_paths(string name, string path, string message)
    {
        var good = new MediaAttachment(new Uri("https://example.com/a.mp3"), "audio/mpeg");
        var article = TestFeeds.Article("x", "عنوان", "مقدمة");
        var info = RichFeeds.Info;
        (FeedInfo Info, Article Article) input = name switch
        {
            "media-without-type" => (info, article with { Media = [good with { MediaType = null! }] }),
            "media-bad-type" => (info, article with { Media = [good with { MediaType = "mp3" }] }),
            "media-negative-length" => (info, article with { Media = [good with { Length = -1 }] }),
            "media-negative-duration" => (info, article with { Media = [good with { Duration = TimeSpan.FromSeconds(-3) }] }),
            "media-relative-url" => (info, article with { Media = [new MediaAttachment(new Uri("a.mp3", UriKind.Relative), "audio/mpeg")] }),
            "media-ftp-thumbnail" => (info, article with { Media = [good with { ThumbnailUrl = new Uri("ftp://example.com/t.png") }] }),
            "lead-bad-type" => (info, article with { LeadImage = new Image(new Uri("https://example.com/a.png")) { MediaType = "image png" } }),
            "hub-relative" => (info with { Hubs = [info.Hubs[0], new Uri("/hub", UriKind.Relative)] }, article),
            "hub-without-self" => (info with { SelfUrl = null }, article),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        var feed = new Feed(input.Info, [input.Article]);
        var error = Assert.Single(FeedLint.Check(feed), p => p.Severity == FeedProblemSeverity.Error);
        Assert.Equal(path, error.Path.ToString());
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        foreach (var format in Enum.GetValues<FeedFormat>())
        {
            var thrown = Assert.Throws<FeedValidationException>(() => FeedWriter.Create(format).WriteToString(feed));
            Assert.Equal(path, Assert.Single(thrown.Problems).Path.ToString());
        }
    }

    [Fact]
    public void Hubs_are_links_in_atom_atom_links_in_rss_and_hubs_in_json()
    {
        var feed = RichFeeds.Podcast();
        string[] hubs = ["https://hub.example.net/", "https://websub.example.org/hub"];
        var atom = Xml.Parse(new AtomFeedWriter().WriteToString(feed)).Root!;
        Assert.Equal(hubs, atom.Elements(Xml.Atom + "link").Where(l => (string?)l.Attribute("rel") == "hub").Select(l => (string)l.Attribute("href")!));
        var rss = Xml.Parse(new RssFeedWriter().WriteToString(feed)).Root!.Element("channel")!;
        Assert.Equal(hubs, rss.Elements(Xml.Atom + "link").Where(l => (string?)l.Attribute("rel") == "hub").Select(l => (string)l.Attribute("href")!));
        using var json = JsonDocument.Parse(new JsonFeedWriter().WriteToString(feed));
        Assert.Equal(hubs, json.RootElement.GetProperty("hubs").EnumerateArray().Select(h => h.GetProperty("url").GetString()));
        Assert.All(json.RootElement.GetProperty("hubs").EnumerateArray(), h => Assert.Equal("WebSub", h.GetProperty("type").GetString()));
    }

    [Fact]
    public void Json_has_the_lead_image_as_image_and_the_other_media_as_attachments()
    {
        using var json = JsonDocument.Parse(new JsonFeedWriter().WriteToString(RichFeeds.Podcast()));
        var item = json.RootElement.GetProperty("items")[0];
        Assert.Equal("https://example.com/img/episode-12.png", item.GetProperty("image").GetString());
        var attachments = item.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(2, attachments.Count);
        Assert.Equal("audio/mpeg", attachments[0].GetProperty("mime_type").GetString());
        Assert.Equal(31457280, attachments[0].GetProperty("size_in_bytes").GetInt64());
        Assert.Equal(1950, attachments[0].GetProperty("duration_in_seconds").GetInt64());
        Assert.False(attachments[1].TryGetProperty("size_in_bytes", out _));
        Assert.False(json.RootElement.GetProperty("items")[1].TryGetProperty("attachments", out _));
    }

    [Fact]
    public void The_media_namespace_is_declared_once_on_the_root_never_per_item()
    {
        var feed = RichFeeds.Podcast();
        foreach (var xml in new[] { new AtomFeedWriter().WriteToString(feed), new RssFeedWriter().WriteToString(feed) })
        {
            var document = System.Xml.Linq.XDocument.Parse(xml);
            var declarations = document.Descendants()
                .SelectMany(e => e.Attributes().Where(a => a.IsNamespaceDeclaration && a.Value == "http://search.yahoo.com/mrss/").Select(_ => e))
                .ToList();
            Assert.Equal([document.Root!], declarations);
            Assert.Contains(document.Descendants(), e => e.Name.NamespaceName == "http://search.yahoo.com/mrss/");
        }
    }

    [Theory]
    [InlineData(FeedFormat.Atom)]
    [InlineData(FeedFormat.Rss)]
    [InlineData(FeedFormat.Json)]
    public async Task Streaming_gives_the_same_bytes_as_writing_the_whole_feed(FeedFormat format)
    {
        var feed = RichFeeds.Podcast();
        var writer = FeedWriter.Create(format);
        var expected = writer.WriteToString(new Feed(feed.Info with { Updated = TestFeeds.Morning }, feed.Articles));
        using var stream = new MemoryStream();
        await writer.WriteAsync(new Feed(feed.Info with { Updated = TestFeeds.Morning }, feed.Articles.ToAsyncEnumerable()), stream);
        Assert.Equal(expected, Encoding.UTF8.GetString(stream.ToArray()));
    }
}
