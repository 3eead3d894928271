// A minimal site that serves the seed article's feed with FeedKit.AspNetCore:
//   dotnet run --project src/FeedKit.Samples.Web --urls http://127.0.0.1:5080
// then open /feed.atom, /feed.rss, /feed.json, or /feed (negotiated on Accept: a browser gets the feed's page,
// FeedKit.Browser.FeedPage, with each article's direction and the addresses to subscribe), and the per-tag feeds
// such as /tags/قمة جنيف/feed.atom.
// Output caching: --cache memory, or --cache redis --redis 127.0.0.1:6379 (shared by every instance).
// --items N repeats the seed articles into an N-item feed (bench/http/run serves 50).
using FeedKit;
using FeedKit.AspNetCore;
using FeedKit.AspNetCore.Caching;
using FeedKit.Readers;
using FeedKit.Model;
using FeedKit.Text;
using Microsoft.AspNetCore.ResponseCompression;

var builder = WebApplication.CreateSlimBuilder(args);
// FeedKit's options from the "FeedKit" section of the configuration (appsettings.json, environment variables).
builder.Services.AddFeedKit();
builder.Services.AddResponseCompression(o => o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(FeedFormats.All.Select(f => f.MediaType)));
var cache = builder.Configuration["cache"] ?? "none";
if (cache == "redis")
{
    builder.Services.AddStackExchangeRedisOutputCache(o => o.Configuration = builder.Configuration["redis"] ?? "127.0.0.1:6379");
}
else if (cache != "memory" && cache != "none")
{
    throw new ArgumentException($"--cache must be none, memory or redis; it was \"{cache}\".");
}

if (cache != "none")
{
    // One entry per path, representation (each format, the page for browsers) and content coding, tagged
    // "feedkit": after publishing, one call (IOutputCacheStore.EvictFeedsAsync) makes every instance render the new feed.
    builder.Services.AddOutputCache(o => o.AddFeedKitPolicy());
}

var app = builder.Build();
app.UseResponseCompression();
if (cache != "none")
{
    app.UseOutputCache();
}

// The seed folder of the repository (override with --seeds PATH).
var seeds = app.Configuration["seeds"] ?? Path.Combine(app.Environment.ContentRootPath, "..", "..", "seeds");
var published = new DateTimeOffset(2021, 6, 16, 21, 30, 0, TimeSpan.FromHours(2));
var site = new Uri("https://example.com/news/");

var files = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).ToList();
var count = int.Parse(app.Configuration["items"] ?? files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
var articles = Enumerable.Range(0, count)
    .Select(i =>
    {
        var path = files[i % files.Count];
        var text = PlainTextArticleReader.ReadFile(path);
        var name = Path.GetFileNameWithoutExtension(path);
        return new Article
        {
            Url = new Uri(site, i < files.Count ? name : FormattableString.Invariant($"{name}-{i}")),
            Headline = text.Headline,
            Standfirst = text.Standfirst,
            Body = text.Body,
            Published = published.AddMinutes(-i),
            Tags = ["روسيا", "الولايات المتحدة", "قمة جنيف"],
        };
    })
    .ToList();

var info = new FeedInfo
{
    Title = "أخبار العالم",
    Subtitle = "أخبار سياسية دولية: خلاصة تجريبية لمكتبة FeedKit",
    SiteUrl = site,
    Language = LanguageTag.Parse("ar"),
    Authors = [new Author("غرفة الأخبار")],
    Rights = "© 2021 example.com",
};

// The articles never change while the app runs, so their count and newest date make a good version:
// aggregators that send If-None-Match get a 304 without the feed being rendered.
var feed = new Feed(info, articles);
var version = FormattableString.Invariant($"{articles.Count}-{feed.Updated?.UtcTicks}");
var feedEndpoints = app.MapFeed("/feed", (_, _) => ValueTask.FromResult(new FeedSource(feed) { Version = version })).WithName("feed");

// A feed per tag, one line: the route value is bound like any minimal-API parameter; null (an unknown tag) is 404.
var tagEndpoints = app.MapFeed("/tags/{tag}/feed", (string tag) =>
    articles.Where(a => a.Tags.Contains(tag)).ToList() is { Count: > 0 } tagged
        ? new FeedSource(new Feed(info with { Title = info.Title + ": " + tag }, tagged)) { Version = version }
        : null);
if (cache != "none")
{
    // Each path, format and content coding its own entry; a 404 (an unknown tag) is not stored.
    feedEndpoints.CacheOutput();
    tagEndpoints.CacheOutput();
}

app.MapGet("/", () => Results.Content(
    """
    <!doctype html><html lang="en"><meta charset="utf-8"><title>FeedKit sample</title>
    <p>Feeds of the seed article: <a href="/feed.atom">Atom</a>, <a href="/feed.rss">RSS</a>,
    <a href="/feed.json">JSON Feed</a>, or <a href="/feed">/feed</a> (chosen by your Accept header: this browser gets
    the feed's page, which shows the articles and how to subscribe).
    Per tag: <a href="/tags/%D9%82%D9%85%D8%A9%20%D8%AC%D9%86%D9%8A%D9%81/feed.atom">قمة جنيف</a>.</p>
    """,
    "text/html; charset=utf-8"));

app.Run();

/// <summary>The sample's entry point, public so that its tests can start it (WebApplicationFactory).</summary>
public partial class Program;
