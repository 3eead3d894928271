using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FeedKit.Browser;
using FeedKit.Model;
using FeedKit.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedKit.AspNetCore.Tests;

/// <summary>
/// The page for browsers on a real Kestrel server (issue 14): who gets it, what it escapes, the dir and lang of each
/// entry, and its own validators.
/// </summary>
public sealed partial class FeedPageEndpointTests
{
    private const string Chrome = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
    private const string Firefox = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static readonly DateTimeOffset Newest = new(2026, 3, 14, 9, 30, 15, TimeSpan.FromHours(3));

    private static readonly FeedInfo Info = new()
    {
        Title = "أخبار",
        Subtitle = "خلاصة تجريبية",
        SiteUrl = new Uri("https://example.com/news/"),
        Language = LanguageTag.Parse("ar"),
        Authors = [new Author("غرفة الأخبار")],
    };

    private static readonly Article[] Mixed =
    [
        new()
        {
            Url = new Uri("https://example.com/news/1"),
            Headline = "iPhone 17 يصل إلى الأسواق",
            Body = [new Paragraph("فقرة عربية من نص الخبر."), new Quote("An English quote inside.") { Language = LanguageTag.Parse("en") }],
            Published = Newest,
        },
        new()
        {
            Url = new Uri("https://example.com/news/2"),
            Headline = "An English story in an Arabic feed",
            Body = [new Paragraph("An English paragraph.")],
            Language = LanguageTag.Parse("en"),
            Published = Newest.AddMinutes(-1),
        },
        new()
        {
            Url = new Uri("https://example.com/news/3"),
            Headline = "Azerbaijani in Arabic script",
            Body = [new Paragraph("آذربایجان")],
            Language = LanguageTag.Parse("az-Arab"),
            Published = Newest.AddMinutes(-2),
        },
        new()
        {
            Url = new Uri("https://example.com/news/4"),
            Headline = "סיפור בעברית",
            Body = [new Paragraph("פסקה בעברית.")],
            Language = LanguageTag.Parse("he"),
            Published = Newest.AddMinutes(-3),
        },
    ];

    private static async IAsyncEnumerable<Article> Stream(IEnumerable<Article> articles, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var article in articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return article;
        }
    }

    private static Task<TestServer> Serve(
        Article[]? articles = null,
        FeedInfo? info = null,
        string? version = null,
        FeedEndpointOptions? options = null,
        bool compression = false) =>
        TestServer.StartAsync(
            app => app.MapFeed(
                "/feed",
                (_, ct) => ValueTask.FromResult(new FeedSource(new Feed((info ?? Info) with { Updated = Newest }, Stream(articles ?? Mixed, ct))) { Version = version }),
                options),
            compression);

    private static async Task<HttpResponseMessage> Get(TestServer server, string path, string? accept, EntityTagHeaderValue? ifNoneMatch = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        return await server.Client.SendAsync(request);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData(Chrome)]
    [InlineData(Firefox)]
    [InlineData("text/*")]
    [InlineData("text/html;q=0.9, application/atom+xml;q=0.5, */*;q=0.1")]
    [InlineData("TEXT/HTML, application/rss+xml;q=0")]
    public async Task A_request_that_prefers_html_gets_the_page(string accept)
    {
        await using var server = await Serve();
        using var response = await Get(server, "/feed", accept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.Equal(FeedPage.ContentSecurityPolicy, string.Join(", ", response.Headers.GetValues("Content-Security-Policy")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n", html, StringComparison.Ordinal);
        Assert.Contains("<h1 id=\"title\">أخبار</h1>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "application/atom+xml")]
    [InlineData("*/*", "application/atom+xml")]
    [InlineData("text/html, application/atom+xml", "application/atom+xml")]
    [InlineData("application/rss+xml, text/html", "application/rss+xml")]
    [InlineData("text/html;q=0.5, application/json;q=0.5", "application/feed+json")]
    [InlineData("text/html;q=0.4, application/xml;q=0.5", "application/atom+xml")]
    [InlineData("text/html;q=0, */*", "application/atom+xml")]
    public async Task A_feed_type_wins_a_tie_and_any_type_still_gets_the_feed(string? accept, string expected)
    {
        await using var server = await Serve();
        using var response = await Get(server, "/feed", accept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Theory]
    [InlineData("atom", "application/atom+xml")]
    [InlineData("rss", "application/rss+xml")]
    [InlineData("json", "application/feed+json")]
    public async Task A_format_path_serves_its_feed_to_a_browser_too(string extension, string expected)
    {
        await using var server = await Serve();
        using var response = await Get(server, "/feed." + extension, Chrome);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_page_can_be_turned_off()
    {
        await using var server = await Serve(options: new FeedEndpointOptions { BrowserPage = false });
        using var htmlOnly = await Get(server, "/feed", "text/html");
        using var browser = await Get(server, "/feed", Chrome);
        Assert.Equal(HttpStatusCode.NotAcceptable, htmlOnly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, browser.StatusCode);
        Assert.Equal("application/atom+xml", browser.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Every_entry_has_its_own_dir_and_lang()
    {
        await using var server = await Serve();
        using var response = await Get(server, "/feed", "text/html");
        var html = await response.Content.ReadAsStringAsync();
        var articles = ArticleTag().Matches(html).Select(m => m.Value).ToArray();
        Assert.Equal(
            [
                "<article lang=\"ar\" dir=\"rtl\">",
                "<article lang=\"en\" dir=\"ltr\">",
                "<article lang=\"az-Arab\" dir=\"rtl\">",
                "<article lang=\"he\" dir=\"rtl\">",
            ],
            articles);

        // The article HTML is the feeds' own: its wrapper, and the English quote with its own dir and lang.
        Assert.Contains("<div dir=\"rtl\" lang=\"ar\">", html, StringComparison.Ordinal);
        Assert.Matches("<blockquote[^>]* dir=\"ltr\"[^>]* lang=\"en\"", html);

        // The subscribe box speaks the feed's language, and the addresses stay left to right.
        Assert.Contains("<section class=\"subscribe\" lang=\"ar\" dir=\"rtl\"", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"url\" readonly dir=\"ltr\" value=\"https://example.com/feed.atom\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_feed_is_left_to_right_with_english_words()
    {
        var info = Info with { Title = "News", Subtitle = null, Language = LanguageTag.Parse("en-GB") };
        await using var server = await Serve([Mixed[1]], info);
        using var response = await Get(server, "/feed", "text/html");
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en-GB\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Contains("<section class=\"subscribe\" lang=\"en\" dir=\"ltr\"", html, StringComparison.Ordinal);
        Assert.Contains(">Copy</button>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_text_is_escaped_and_hostile_html_sanitized()
    {
        var info = Info with
        {
            Title = "</title><script>alert(1)</script>",
            Subtitle = "\"><script>alert(2)</script>",
            Rights = "<b>&copy;</b>",
        };
        Article[] articles =
        [
            new()
            {
                Url = new Uri("https://example.com/news/\"><script>alert(3)</script>"),
                Headline = "<img src=x onerror=alert(4)>",
                Standfirst = "</p><script>alert(5)</script>",
                Authors = [new Author("\"' onmouseover=alert(6)")],
                Body = [new RawHtml("<p onclick=\"alert(7)\">text<script>alert(8)</script><a href=\"javascript:alert(9)\">link</a></p>")],
                Published = Newest,
            },
        ];

        await using var server = await Serve(articles, info);
        using var response = await Get(server, "/feed", "text/html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        // Parsed as a browser parses it (AngleSharp, which HtmlSanitizer uses): one script element, the page's own; no
        // event handler or javascript: link; every hostile text is text, exactly as given.
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var script = Assert.Single(document.Scripts);
        Assert.DoesNotContain("alert", script.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes), a => a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
        // Texts start with the feeds' first-strong guard (U+200F, docs/rtl.md): they are Latin in an Arabic feed.
        static string Guarded(string? text) => "\u200F" + text;
        Assert.Equal(Guarded(info.Title), document.Title);
        Assert.Equal(Guarded(info.Title), document.QuerySelector("h1")!.TextContent);
        Assert.Equal(Guarded(info.Subtitle), document.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal(Guarded(info.Subtitle), document.QuerySelector("header .subtitle")!.TextContent);
        Assert.Equal(info.Rights, document.QuerySelector("footer")!.TextContent);
        var article = Assert.Single(document.QuerySelectorAll("article"));
        Assert.Equal(Guarded(articles[0].Headline), article.QuerySelector("h2")!.TextContent);
        Assert.Equal("https://example.com/news/%22%3E%3Cscript%3Ealert(3)%3C/script%3E", article.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.EndsWith(" · \"' onmouseover=alert(6)", article.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(articles[0].Standfirst!, article.TextContent, StringComparison.Ordinal);
        Assert.Empty(article.QuerySelectorAll("img"));

        // The raw HTML went through the feeds' sanitizer: its paragraph and link text are kept, the rest is gone.
        Assert.Contains("text", article.TextContent, StringComparison.Ordinal);
        Assert.Contains("link", article.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(8)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_content_security_policy_allows_exactly_the_page_own_style_and_script()
    {
        await using var server = await Serve();
        using var response = await Get(server, "/feed", "text/html");
        var html = await response.Content.ReadAsStringAsync();
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var script = Regex.Match(html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        var style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        Assert.NotEmpty(script);
        Assert.NotEmpty(style);
        Assert.Contains($"script-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'", policy, StringComparison.Ordinal);
        Assert.Contains($"style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)))}'", policy, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_links_every_format_by_its_absolute_url()
    {
        await using var server = await Serve(options: new FeedEndpointOptions { PublicOrigin = new Uri("https://feeds.example.org") });
        using var response = await Get(server, "/feed", "text/html");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(
            [
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"أخبار (Atom)\" href=\"https://feeds.example.org/feed.atom\">",
                "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"أخبار (RSS)\" href=\"https://feeds.example.org/feed.rss\">",
                "<link rel=\"alternate\" type=\"application/feed+json\" title=\"أخبار (JSON Feed)\" href=\"https://feeds.example.org/feed.json\">",
            ],
            Regex.Matches(html, "<link rel=\"alternate\"[^>]*>").Select(m => m.Value));
        Assert.Equal(3, Regex.Matches(html, "<button type=\"button\" hidden data-copy=\"https://feeds.example.org/feed\\.(atom|rss|json)\" data-done=\"تم النسخ\">نسخ</button>").Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("v1")]
    public async Task The_page_has_its_own_ETag_and_answers_304_and_HEAD(string? version)
    {
        await using var server = await Serve(version: version);
        using var page = await Get(server, "/feed", Chrome);
        using var feed = await Get(server, "/feed", "*/*");
        using var atom = await Get(server, "/feed.atom", null);
        var etag = page.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.NotEqual(feed.Headers.ETag, etag);
        Assert.NotEqual(atom.Headers.ETag, etag);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 6, 30, 15, TimeSpan.Zero), page.Content.Headers.LastModified);
        Assert.Equal("public, max-age=300", page.Headers.CacheControl?.ToString());

        using var notModified = await Get(server, "/feed", Chrome, etag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        // The feed's ETag does not match the page, nor the page's the feed.
        using var pageWithFeedTag = await Get(server, "/feed", Chrome, feed.Headers.ETag);
        using var feedWithPageTag = await Get(server, "/feed", "*/*", etag);
        Assert.Equal(HttpStatusCode.OK, pageWithFeedTag.StatusCode);
        Assert.Equal(HttpStatusCode.OK, feedWithPageTag.StatusCode);

        using var head = await Get(server, "/feed", Chrome, method: HttpMethod.Head);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(etag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Gzip_and_identity_pages_have_their_own_ETags()
    {
        await using var server = await Serve(version: "v1", compression: true);
        using var identity = await Get(server, "/feed", "text/html");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/feed");
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var gzip = await server.Client.SendAsync(request);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Empty(identity.Content.Headers.ContentEncoding);
        Assert.NotEqual(identity.Headers.ETag, gzip.Headers.ETag);
    }

    [Fact]
    public async Task The_streamed_page_is_the_same_bytes_as_the_buffered_one_and_as_FeedPage_writes()
    {
        await using var buffered = await Serve(version: null);
        await using var streamed = await Serve(version: "v1");
        using var a = await Get(buffered, "/feed", "text/html");
        using var b = await Get(streamed, "/feed", "text/html");
        var bytes = await a.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes, await b.Content.ReadAsByteArrayAsync());
        Assert.Equal(bytes.Length, a.Content.Headers.ContentLength);

        FeedPageLink[] links =
        [
            new(FeedFormat.Atom, new Uri("https://example.com/feed.atom")),
            new(FeedFormat.Rss, new Uri("https://example.com/feed.rss")),
            new(FeedFormat.Json, new Uri("https://example.com/feed.json")),
        ];
        var expected = FeedPage.WriteToBytes(new Feed(Info with { Updated = Newest, SelfUrl = links[0].Url }, Mixed), links);
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public async Task A_feed_with_errors_gives_no_page()
    {
        Article[] bad = [Mixed[0] with { Headline = "  " }];
        await using var server = await Serve(bad);
        using var response = await Get(server, "/feed", "text/html");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_returning_a_FeedResult_gets_the_page_linking_the_requested_address()
    {
        await using var server = await TestServer.StartAsync(app => app.MapGet(
            "/authors/{name}/feed",
            (string name) => FeedResults.Feed(new FeedSource(new Feed(Info with { Title = name, Updated = Newest }, Mixed)))));
        using var page = await Get(server, "/authors/someone/feed", Chrome);
        using var feed = await Get(server, "/authors/someone/feed", "*/*");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(
            ["<link rel=\"alternate\" type=\"application/atom+xml\" title=\"someone (Atom)\" href=\"https://example.com/authors/someone/feed\">"],
            Regex.Matches(html, "<link rel=\"alternate\"[^>]*>").Select(m => m.Value));
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("v1")]
    public async Task With_the_Skip_policy_a_bad_article_is_left_out_of_the_page(string? version)
    {
        Article[] articles = [Mixed[0], Mixed[1] with { Headline = " " }, Mixed[2]];
        await using var server = await Serve(articles, version: version, options: new FeedEndpointOptions { BadArticlePolicy = BadArticlePolicy.Skip });
        using var response = await Get(server, "/feed", "text/html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(["<article lang=\"ar\" dir=\"rtl\">", "<article lang=\"az-Arab\" dir=\"rtl\">"], ArticleTag().Matches(html).Select(m => m.Value));
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_can_be_turned_off_from_configuration()
    {
        await using var server = await TestServer.StartAsync(
            app => app.MapFeed("/feed", (_, ct) => ValueTask.FromResult(new FeedSource(new Feed(Info with { Updated = Newest }, Stream(Mixed, ct))))),
            configure: b =>
            {
                b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["FeedKit:BrowserPage"] = "false" });
                b.Services.AddFeedKit();
            });
        using var htmlOnly = await Get(server, "/feed", "text/html");
        using var browser = await Get(server, "/feed", Chrome);
        Assert.Equal(HttpStatusCode.NotAcceptable, htmlOnly.StatusCode);
        Assert.Equal("application/atom+xml", browser.Content.Headers.ContentType?.MediaType);
    }

    [GeneratedRegex("<article[^>]*>")]
    private static partial Regex ArticleTag();
}
