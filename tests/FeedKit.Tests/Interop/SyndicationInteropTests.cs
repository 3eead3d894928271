using System.ServiceModel.Syndication;
using System.Xml;
using FeedKit.Formats.Atom;
using FeedKit.Formats.Rss;
using FeedKit.Interop;
using FeedKit.Model;

namespace FeedKit.Tests.Interop;

public sealed class SyndicationInteropTests
{
    private static readonly XmlQualifiedName XmlLang = new("lang", "http://www.w3.org/XML/1998/namespace");

    [Fact]
    public void ToSyndicationFeed_carries_ids_dates_languages_and_html()
    {
        var feed = TestFeeds.Cases["english-in-arabic-feed"]();
        var result = feed.ToSyndicationFeed();
        Assert.Equal("https://example.com/", result.Id);
        Assert.Equal("ar", result.Language);
        Assert.Equal("أخبار العالم", result.Title.Text);
        Assert.Equal(TestFeeds.Morning, result.LastUpdatedTime);
        var items = result.Items.ToList();
        Assert.Equal(["https://example.com/summit", "https://example.com/summit-en"], items.Select(i => i.Id));
        Assert.Equal(["ar", "en-GB"], items.Select(i => i.AttributeExtensions[XmlLang]));
        var content = Assert.IsType<TextSyndicationContent>(items[1].Content);
        Assert.Equal("html", content.Type);
        Assert.StartsWith("<div dir=\"ltr\" lang=\"en-GB\">", content.Text, StringComparison.Ordinal);
        Assert.Equal(TestFeeds.Morning.AddMinutes(-5), items[1].PublishDate);
    }

    public static TheoryData<string> Cases => [.. TestFeeds.CaseNames];

    /// <summary>The object SSMS gets can be written by SSMS's own formatters (no duplicate xml:lang) and read back.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void SSMS_formatters_can_write_the_converted_feed(string name)
    {
        var converted = TestFeeds.Cases[name]().ToSyndicationFeed();
        foreach (SyndicationFeedFormatter formatter in new SyndicationFeedFormatter[] { new Atom10FeedFormatter(converted), new Rss20FeedFormatter(converted) })
        {
            var text = new StringWriter();
            using (var xml = XmlWriter.Create(text))
            {
                formatter.WriteTo(xml);
            }

            using var reader = XmlReader.Create(new StringReader(text.ToString()));
            var parsed = SyndicationFeed.Load(reader);
            Assert.Equal(converted.Items.Select(i => i.Id), parsed.Items.Select(i => i.Id));
            Assert.Equal(converted.Language, parsed.Language);
        }
    }

    /// <summary>FeedKit's own Atom and RSS read back through SSMS give the same titles, links, ids and dates.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void FeedKit_output_parses_back_through_SyndicationFeed(string name)
    {
        var feed = TestFeeds.Cases[name]();
        var expected = feed.ToSyndicationFeed();
        foreach (var xml in new[] { new AtomFeedWriter().WriteToString(feed), new RssFeedWriter().WriteToString(feed) })
        {
            using var reader = XmlReader.Create(new StringReader(xml));
            var parsed = SyndicationFeed.Load(reader);
            Assert.Equal(expected.Title.Text, parsed.Title.Text);
            var pairs = expected.Items.Zip(parsed.Items).ToList();
            Assert.Equal(expected.Items.Count(), parsed.Items.Count());
            foreach (var (want, got) in pairs)
            {
                Assert.Equal(want.Id, got.Id);
                Assert.Equal(want.Title.Text, got.Title.Text);
                Assert.Equal(want.Links.Single().Uri, got.Links.First(l => l.RelationshipType is null or "alternate").Uri);
                Assert.Equal(want.PublishDate.UtcDateTime, got.PublishDate.UtcDateTime);
            }
        }
    }

    /// <summary>CodeHollow.FeedReader, used by many .NET aggregators, reads the same titles, links, ids and languages.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void FeedKit_output_parses_back_through_CodeHollow(string name)
    {
        var feed = TestFeeds.Cases[name]();
        foreach (var (xml, isRss) in new[] { (new AtomFeedWriter().WriteToString(feed), false), (new RssFeedWriter().WriteToString(feed), true) })
        {
            var parsed = CodeHollow.FeedReader.FeedReader.ReadFromString(xml);

            // CodeHollow exposes the RSS channel language; for Atom it reads no language at all.
            Assert.Equal(isRss ? feed.Info.Language!.Value : null, parsed.Language);
            var items = parsed.Items.ToList();
            Assert.Equal(feed.Articles.Length, items.Count);
            foreach (var (article, item) in feed.Articles.Zip(items))
            {
                Assert.Equal(article.Url!.AbsoluteUri, item.Link);
                Assert.Equal(article.Url.AbsoluteUri, item.Id);
                Assert.EndsWith(article.Headline, item.Title, StringComparison.Ordinal);
                Assert.Equal(article.Published.UtcDateTime, item.PublishingDate?.ToUniversalTime());
            }
        }
    }
}
