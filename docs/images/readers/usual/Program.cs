// The seed's articles written "the usual way": what a typical .NET app does with System.ServiceModel.Syndication.
// FeedKit's readers only parse the article files, so both feeds carry the same texts; everything written here is
// plain SSMS: a SyndicationFeed with a title, a link and items (title as plain text, the body as <p> paragraphs in
// HTML: Atom's content, RSS's description), formatted by Atom10FeedFormatter or Rss20FeedFormatter. No language
// and no direction, as most apps do.
//
// usage: Usual <atom|rss> <folder with feedkit.json and articles> <output file>
using System.Net;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Xml;
using FeedKit.Model;
using FeedKit.Readers;

if (args.Length != 3 || args[0] is not ("atom" or "rss"))
{
    Console.Error.WriteLine("usage: Usual <atom|rss> <folder> <output file>");
    return 2;
}

var folder = args[1];
using var settings = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "feedkit.json")));
var root = settings.RootElement;
var site = new Uri(root.GetProperty("siteUrl").GetString()!);
var readers = new ArticleReaders(new PlainTextReader(), new JsonArticleReader());
var items = new List<SyndicationItem>();
foreach (var file in Directory.EnumerateFiles(folder).Where(f => Path.GetFileName(f) != "feedkit.json").Order(StringComparer.Ordinal))
{
    if (readers.Find(file) is null)
    {
        continue;
    }

    foreach (var source in readers.ReadFile(file).Articles)
    {
        ArticleDate? published = root.TryGetProperty("articles", out var articles)
            && articles.TryGetProperty(source.Slug, out var entry) && entry.TryGetProperty("published", out var date)
            ? ArticleDate.Parse(date.GetString()!)
            : null;
        var article = source.ToArticle(new ArticleDefaults(site) { SiteUrl = site, Published = published });
        var item = new SyndicationItem(article.Headline, (SyndicationContent?)null, article.Url, article.Url!.AbsoluteUri, article.Published)
        {
            PublishDate = article.Published,
        };
        if (args[0] == "rss")
        {
            // Rss20FeedFormatter writes Content as <a10:content>, which readers ignore: RSS apps put the body in the
            // summary, which becomes <description>.
            item.Summary = Html(article.Body);
        }
        else
        {
            item.Content = Html(article.Body);
            if (article.Standfirst is not null)
            {
                item.Summary = new TextSyndicationContent(article.Standfirst);
            }
        }

        items.Add(item);
    }
}

var feed = new SyndicationFeed(root.GetProperty("title").GetString(), root.GetProperty("subtitle").GetString(), site)
{
    Id = site.AbsoluteUri,
    LastUpdatedTime = items.Max(i => i.PublishDate),
    Items = items.OrderByDescending(i => i.PublishDate).ToList(),
};
foreach (var author in root.GetProperty("authors").EnumerateArray())
{
    feed.Authors.Add(new SyndicationPerson(null, author.GetProperty("name").GetString(), null));
}

using (var output = File.Create(args[2]))
using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
{
    SyndicationFeedFormatter formatter = args[0] == "atom" ? new Atom10FeedFormatter(feed) : new Rss20FeedFormatter(feed);
    formatter.WriteTo(writer);
}

return 0;

// The body as most apps render it: each block in its element, no dir, no lang.
static TextSyndicationContent Html(IEnumerable<Block> body)
{
    var html = new StringBuilder();
    foreach (var block in body)
    {
        _ = block switch
        {
            Paragraph p => html.Append("<p>").Append(WebUtility.HtmlEncode(p.Text)).Append("</p>\n"),
            Subheading h => html.Append("<h2>").Append(WebUtility.HtmlEncode(h.Text)).Append("</h2>\n"),
            Quote q => html.Append("<blockquote><p>").Append(WebUtility.HtmlEncode(q.Text)).Append("</p>")
                .Append(q.Attribution is null ? string.Empty : "<p>— <cite>" + WebUtility.HtmlEncode(q.Attribution) + "</cite></p>")
                .Append("</blockquote>\n"),
            _ => html,
        };
    }

    return new TextSyndicationContent(html.ToString(), TextSyndicationContentKind.Html);
}
