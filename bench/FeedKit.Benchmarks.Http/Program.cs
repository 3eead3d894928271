// The baselines of the HTTP benchmark (bench/http/run), next to the sample app (src/FeedKit.Samples.Web):
//   /static/feed.rss   a file from --static DIR (the script saves the sample app's /feed.rss there): the same bytes,
//                      served by ASP.NET Core's static file middleware, the practical limit;
//   /ssms/feed.rss     the usual hand-made endpoint: a SyndicationFeed built on each request from the articles, written
//                      by Rss20FeedFormatter into a MemoryStream and returned with Results.Bytes.
// Both read the same articles as the sample: --seeds DIR and --items N, repeated the same way.
using System.Globalization;
using System.Net;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using FeedKit.Model;
using FeedKit.Readers;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();

var seeds = app.Configuration["seeds"] ?? throw new ArgumentException("--seeds DIR is required.");
var files = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).ToList();
var count = int.Parse(app.Configuration["items"] ?? "50", CultureInfo.InvariantCulture);
var published = new DateTimeOffset(2021, 6, 16, 21, 30, 0, TimeSpan.FromHours(2));
var site = new Uri("https://example.com/news/");

// What a site's database would hold: the article's fields and its body already as HTML (so the HTML is NOT rendered
// per request here, unlike FeedKit, which renders it, with dir and lang, on every uncached request).
var rows = Enumerable.Range(0, count).Select(i =>
{
    var path = files[i % files.Count];
    var text = PlainTextArticleReader.ReadFile(path);
    var name = Path.GetFileNameWithoutExtension(path);
    var html = new StringBuilder();
    foreach (var block in text.Body)
    {
        var (tag, content) = block switch
        {
            Subheading h => ("h2", h.Text),
            Quote q => ("blockquote", q.Text),
            Paragraph p => ("p", p.Text),
            _ => (null, null),
        };
        if (tag is not null)
        {
            html.Append('<').Append(tag).Append('>').Append(WebUtility.HtmlEncode(content)).Append("</").Append(tag).Append('>');
        }
    }

    return new Row(
        new Uri(site, i < files.Count ? name : FormattableString.Invariant($"{name}-{i}")),
        text.Headline ?? string.Empty,
        text.Standfirst ?? string.Empty,
        html.ToString(),
        published.AddMinutes(-i));
}).ToList();

app.MapGet("/ssms/feed.rss", () =>
{
    var items = rows.Select(row =>
    {
        var item = new SyndicationItem(row.Headline, SyndicationContent.CreateHtmlContent(row.Html), row.Url, row.Url.AbsoluteUri, row.Published)
        {
            PublishDate = row.Published,
            Summary = new TextSyndicationContent(row.Standfirst),
        };
        item.Authors.Add(new SyndicationPerson { Name = "غرفة الأخبار" });
        foreach (var tag in (string[])["روسيا", "الولايات المتحدة", "قمة جنيف"])
        {
            item.Categories.Add(new SyndicationCategory(tag));
        }

        return item;
    });
    var feed = new SyndicationFeed("أخبار العالم", "أخبار سياسية دولية: خلاصة تجريبية لمكتبة FeedKit", site, items)
    {
        Language = "ar",
        LastUpdatedTime = published,
        Copyright = new TextSyndicationContent("© 2021 example.com"),
    };
    using var stream = new MemoryStream();
    using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
    {
        new Rss20FeedFormatter(feed).WriteTo(writer);
    }

    return Results.Bytes(stream.ToArray(), "application/rss+xml; charset=utf-8");
});

if (app.Configuration["static"] is { } folder)
{
    var types = new FileExtensionContentTypeProvider();
    types.Mappings[".rss"] = "application/rss+xml; charset=utf-8";
    app.UseStaticFiles(new StaticFileOptions
    {
        FileProvider = new PhysicalFileProvider(Path.GetFullPath(folder)),
        RequestPath = "/static",
        ContentTypeProvider = types,
    });
}

app.Run();

internal sealed record Row(Uri Url, string Headline, string Standfirst, string Html, DateTimeOffset Published);
