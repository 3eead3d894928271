// A Native AOT smoke test: reads the seed article, writes its Atom, RSS and JSON feeds, and (unless built with
// -p:SmokeInterop=false) converts it to a SyndicationFeed and back through SSMS's Atom formatter.
using System.Text;
using FeedKit.Formats.Atom;
using FeedKit.Formats.Json;
using FeedKit.Formats.Rss;
using FeedKit.Readers;
using FeedKit.Model;
using FeedKit.Text;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: FeedKit.AotSmoke <seed article> atom|rss|json|interop");
    return 2;
}

var text = PlainTextArticleReader.ReadFile(args[0]);
var info = new FeedInfo
{
    Title = "أخبار العالم",
    SiteUrl = new Uri("https://example.com/news/"),
    SelfUrl = new Uri("https://example.com/news/feed.atom"),
    Language = LanguageTag.Parse("ar"),
    Authors = [new Author("غرفة الأخبار")],
};
var feed = new Feed(info, [new Article
{
    Url = new Uri("https://example.com/news/" + Path.GetFileNameWithoutExtension(args[0])),
    Headline = text.Headline,
    Standfirst = text.Standfirst,
    Body = text.Body,
    Published = new DateTimeOffset(2021, 6, 16, 21, 30, 0, TimeSpan.FromHours(2)),
}]);

using var stdout = Console.OpenStandardOutput();
switch (args[1])
{
    case "atom":
        new AtomFeedWriter().Write(feed, stdout);
        break;
    case "rss":
        new RssFeedWriter().Write(feed, stdout);
        break;
    case "json":
        new JsonFeedWriter().Write(feed, stdout);
        break;
#if SMOKE_INTEROP
    case "interop":
        var syndication = FeedKit.Interop.SyndicationInterop.ToSyndicationFeed(feed);
        using (var xml = System.Xml.XmlWriter.Create(stdout, new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            new System.ServiceModel.Syndication.Atom10FeedFormatter(syndication).WriteTo(xml);
        }

        break;
#endif
    default:
        Console.Error.WriteLine($"unknown mode {args[1]}");
        return 2;
}

return 0;
