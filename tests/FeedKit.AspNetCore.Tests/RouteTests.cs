using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml.Linq;
using FeedKit.Model;
using FeedKit.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedKit.AspNetCore.Tests;

/// <summary>A news store, as an application would register it: articles with tags.</summary>
public sealed class NewsStore
{
    public static readonly DateTimeOffset Newest = new(2026, 3, 14, 9, 30, 15, TimeSpan.FromHours(3));

    public static readonly FeedInfo Info = new()
    {
        Title = "أخبار",
        SiteUrl = new Uri("https://example.com/news/"),
        Language = LanguageTag.Parse("ar"),
        Authors = [new Author("غرفة الأخبار")],
        Updated = Newest,
    };

    /// <summary>How many articles were enumerated (read) so far.</summary>
    public int Read;

    /// <summary>How many times a feed was asked for.</summary>
    public int Asked;

    public static Article Item(int i, string tag) => new()
    {
        Url = new Uri($"https://example.com/news/{tag}/{i}"),
        Headline = $"الخبر رقم {i}",
        Standfirst = "ملخص قصير.",
        Published = Newest.AddMinutes(-i),
        Tags = [tag],
    };

    public bool HasTag(string tag) => tag is "روسيا" or "sport";

    public async IAsyncEnumerable<Article> ByTag(string tag, int count, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            Interlocked.Increment(ref Read);
            yield return Item(i, tag);
        }
    }
}

/// <summary>An MVC controller that returns feed results.</summary>
[ApiController]
public sealed class NewsController(NewsStore store) : ControllerBase
{
    [HttpGet("/mvc/news")]
    [HttpHead("/mvc/news")]
    public IActionResult News() =>
        FeedResults.Feed(new FeedSource(new Feed(NewsStore.Info, store.ByTag("sport", 3, HttpContext.RequestAborted))) { Version = "mvc-1" });

    [HttpGet("/mvc/news.rss")]
    public IActionResult Rss() => FeedResults.Feed(new FeedSource(new Feed(NewsStore.Info, [NewsStore.Item(1, "sport")])), FeedFormat.Rss);
}

/// <summary>Authenticates a request that has an <c>X-User</c> header.</summary>
internal sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(Request.Headers.TryGetValue("X-User", out var user)
            ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.ToString())], "header")), "header"))
            : AuthenticateResult.NoResult());
}

/// <summary>
/// Routes and results on a real Kestrel server: <c>MapFeed</c> with route parameters and minimal-API binding,
/// endpoint metadata on what it returns (<c>WithName</c>, <c>RequireAuthorization</c>, <c>CacheOutput</c>,
/// OpenAPI), and <see cref="FeedResults"/> from minimal-API handlers and MVC actions.
/// </summary>
public sealed class RouteTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static Action<WebApplicationBuilder> WithStore(NewsStore store) => b => b.Services.AddSingleton(store);

    private static void MapTags(WebApplication app) =>
        app.MapFeed(
            "/tags/{tag}/feed",
            (string tag, NewsStore store, HttpContext http, CancellationToken ct, int? limit) =>
            {
                Interlocked.Increment(ref store.Asked);
                Assert.Equal(http.RequestAborted, ct);
                return store.HasTag(tag)
                    ? new FeedSource(new Feed(NewsStore.Info with { Title = "وسم: " + tag }, store.ByTag(tag, limit ?? 3, ct))) { Version = tag + "-1" }
                    : null;
            });

    private static async Task<HttpResponseMessage> Send(TestServer server, string path, string? accept = null, HttpMethod? method = null, Action<HttpRequestMessage>? change = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        change?.Invoke(request);
        return await server.Client.SendAsync(request);
    }

    [Fact]
    public async Task A_route_parameter_a_service_the_query_and_the_cancellation_token_are_bound_for_the_source()
    {
        var store = new NewsStore();
        await using var server = await TestServer.StartAsync(MapTags, configure: WithStore(store));

        using var atom = await Send(server, "/tags/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7/feed.atom?limit=2");
        Assert.Equal(HttpStatusCode.OK, atom.StatusCode);
        Assert.Equal("application/atom+xml", atom.Content.Headers.ContentType!.MediaType);
        var root = XDocument.Parse(await atom.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("وسم: روسيا", root.Element(Atom + "title")!.Value);
        Assert.Equal(2, root.Elements(Atom + "entry").Count());
        Assert.All(root.Elements(Atom + "entry"), e => Assert.Equal("روسيا", e.Element(Atom + "category")!.Attribute("term")!.Value));
        var self = root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value;
        Assert.Equal("https://example.com/tags/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7/feed.atom", self);

        // The bare path negotiates; its self link is the format's own URL.
        using var rss = await Send(server, "/tags/sport/feed", accept: "application/rss+xml");
        Assert.Equal("application/rss+xml", rss.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Accept", rss.Headers.Vary);
        Assert.Contains("href=\"https://example.com/tags/sport/feed.rss\"", await rss.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, store.Asked);
    }

    [Fact]
    public async Task A_source_may_return_a_Feed_a_task_or_an_IResult_that_is_sent_as_it_is()
    {
        var store = new NewsStore();
        await using var server = await TestServer.StartAsync(
            app =>
            {
                app.MapFeed("/{lang}/feed", (string lang) => new Feed(NewsStore.Info with { Language = LanguageTag.Parse(lang) }, [NewsStore.Item(1, lang)]));
                app.MapFeed("/async/{tag}/feed", async (string tag, NewsStore s, CancellationToken ct) =>
                {
                    await Task.Delay(1, ct);
                    return new FeedSource(new Feed(NewsStore.Info, s.ByTag(tag, 2, ct))) { Version = "2" };
                });
                app.MapFeed("/busy/{tag}/feed", (string tag) => tag == "now" ? Results.StatusCode(503) : (object)new Feed(NewsStore.Info, [NewsStore.Item(1, tag)]));
            },
            configure: WithStore(store));

        using var english = await Send(server, "/en/feed.rss");
        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.Contains("<language>en</language>", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var awaited = await Send(server, "/async/sport/feed.json");
        Assert.Equal(HttpStatusCode.OK, awaited.StatusCode);
        Assert.Equal(2, store.Read);
        using var busy = await Send(server, "/busy/now/feed.atom");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        using var notBusy = await Send(server, "/busy/later/feed.atom");
        Assert.Equal(HttpStatusCode.OK, notBusy.StatusCode);
    }

    [Fact]
    public async Task A_null_source_is_404_and_an_unknown_extension_is_404_without_asking_the_source()
    {
        var store = new NewsStore();
        await using var server = await TestServer.StartAsync(MapTags, configure: WithStore(store));
        using var unknownTag = await Send(server, "/tags/nothing/feed.json");
        Assert.Equal(HttpStatusCode.NotFound, unknownTag.StatusCode);
        Assert.Equal(1, store.Asked);

        using var unknownFormat = await Send(server, "/tags/sport/feed.xml");
        Assert.Equal(HttpStatusCode.NotFound, unknownFormat.StatusCode);
        using var notAcceptable = await Send(server, "/tags/sport/feed", accept: "image/png");
        Assert.Equal(HttpStatusCode.NotAcceptable, notAcceptable.StatusCode);
        Assert.Equal(1, store.Asked);
    }

    [Fact]
    public async Task WithName_names_one_endpoint_the_app_keeps_working_and_links_are_generated()
    {
        var store = new NewsStore();
        await using var server = await TestServer.StartAsync(
            app =>
            {
                app.MapFeed("/news/feed", NewsStore.Info, ct => store.ByTag("sport", 2, ct)).WithName("news");
                app.MapFeed("/tags/{tag}/feed", (string tag, NewsStore s, CancellationToken ct) => new FeedSource(new Feed(NewsStore.Info, s.ByTag(tag, 1, ct)))).WithName("tag");
                app.MapArchivedFeed("/archive/feed", NewsStore.Info, ct => store.ByTag("sport", 5, ct), pageSize: 2).WithName("archive");
                app.MapGet("/", () => "home");
            },
            configure: WithStore(store));

        foreach (var path in new[] { "/", "/news/feed", "/news/feed.rss", "/tags/sport/feed.json", "/archive/feed", "/archive/feed/archive/1.atom" })
        {
            using var response = await Send(server, path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }

        var links = server.Services.GetRequiredService<LinkGenerator>();
        Assert.Equal("/news/feed", links.GetPathByName("news"));
        Assert.Equal("/tags/sport/feed", links.GetPathByName("tag", new { tag = "sport" }));
        Assert.Equal("/archive/feed", links.GetPathByName("archive"));
        var named = server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["archive", "news", "tag"], named);
    }

    [Fact]
    public async Task RequireAuthorization_applies_to_every_path_of_the_feed()
    {
        var store = new NewsStore();
        await using var server = await TestServer.StartAsync(
            app => app.MapFeed("/private/feed", NewsStore.Info, ct => store.ByTag("sport", 1, ct)).RequireAuthorization(),
            configure: b =>
            {
                b.Services.AddAuthentication("header").AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>("header", null);
                b.Services.AddAuthorization();
            });

        foreach (var path in new[] { "/private/feed", "/private/feed.atom", "/private/feed.json" })
        {
            using var anonymous = await Send(server, path);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            using var user = await Send(server, path, change: r => r.Headers.Add("X-User", "reader"));
            Assert.Equal(HttpStatusCode.OK, user.StatusCode);
        }

        Assert.Equal(3, store.Read);
    }

    [Fact]
    public async Task CacheOutput_serves_the_second_request_from_the_cache()
    {
        var store = new NewsStore();
        await using var server = await TestServer.StartAsync(
            app =>
            {
                app.UseOutputCache();
                app.MapFeed("/tags/{tag}/feed", (string tag, NewsStore s, CancellationToken ct) =>
                {
                    Interlocked.Increment(ref s.Asked);
                    return new FeedSource(new Feed(NewsStore.Info, s.ByTag(tag, 2, ct))) { Version = "1" };
                }).CacheOutput();
            },
            configure: b =>
            {
                b.Services.AddSingleton(store);
                b.Services.AddOutputCache();
            });

        using var first = await Send(server, "/tags/sport/feed.atom");
        using var second = await Send(server, "/tags/sport/feed.atom");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(1, store.Asked);
        using var rss = await Send(server, "/tags/sport/feed.rss");
        Assert.Equal("application/rss+xml", rss.Content.Headers.ContentType!.MediaType);
        Assert.Equal(2, store.Asked);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_feed_media_types_not_JSON()
    {
        var store = new NewsStore();
        await using var server = await TestServer.StartAsync(
            app =>
            {
                app.MapOpenApi();
                app.MapFeed("/tags/{tag}/feed", (string tag, NewsStore s, CancellationToken ct) => new FeedSource(new Feed(NewsStore.Info, s.ByTag(tag, 1, ct))))
                    .WithName("tagFeed")
                    .WithTags("feeds");
                app.MapGet("/authors/{name}/feed", (string name, NewsStore s, CancellationToken ct) => FeedResults.Feed(new FeedSource(new Feed(NewsStore.Info, s.ByTag(name, 1, ct)))));
            },
            configure: b =>
            {
                b.Services.AddSingleton(store);
                b.Services.AddOpenApi();
            });

        using var response = await Send(server, "/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("FeedSource", text, StringComparison.Ordinal);
        Assert.DoesNotContain("application/json", text, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(text);
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/tags/{tag}/feed", "/tags/{tag}/feed.{format}", "/authors/{name}/feed" })
        {
            var get = paths.GetProperty(path).GetProperty("get");
            var content = get.GetProperty("responses").GetProperty("200").GetProperty("content");
            Assert.Equal(
                ["application/atom+xml", "application/feed+json", "application/rss+xml"],
                content.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.True(get.GetProperty("responses").TryGetProperty("304", out _), path);
        }

        Assert.Equal("tagFeed", paths.GetProperty("/tags/{tag}/feed").GetProperty("get").GetProperty("operationId").GetString());
        Assert.False(paths.GetProperty("/tags/{tag}/feed.{format}").GetProperty("get").TryGetProperty("operationId", out _));
    }

    [Fact]
    public async Task FeedResults_from_a_minimal_API_handler_negotiate_and_answer_conditional_requests()
    {
        var store = new NewsStore();
        await using var server = await TestServer.StartAsync(
            app =>
            {
                app.MapGet("/authors/{name}", (string name, NewsStore s, CancellationToken ct) =>
                    FeedResults.Feed(new FeedSource(new Feed(NewsStore.Info, s.ByTag(name, 2, ct))) { Version = "a1" }));
                app.MapGet("/fixed", () => FeedResults.Feed(new FeedSource(new Feed(NewsStore.Info, [NewsStore.Item(1, "x")])), FeedFormat.Json));
            },
            configure: WithStore(store));

        using var json = await Send(server, "/authors/sport", accept: "application/feed+json");
        Assert.Equal("application/feed+json", json.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Accept", json.Headers.Vary);
        using var body = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        Assert.Equal("https://example.com/authors/sport", body.RootElement.GetProperty("feed_url").GetString());

        using var notModified = await Send(server, "/authors/sport", accept: "application/feed+json", change: r => r.Headers.IfNoneMatch.Add(json.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        using var atom = await Send(server, "/authors/sport", change: r => r.Headers.IfNoneMatch.Add(json.Headers.ETag!));
        Assert.Equal(HttpStatusCode.OK, atom.StatusCode);
        Assert.Equal("application/atom+xml", atom.Content.Headers.ContentType!.MediaType);

        using var fixedFormat = await Send(server, "/fixed", accept: "application/atom+xml");
        Assert.Equal("application/feed+json", fixedFormat.Content.Headers.ContentType!.MediaType);
        Assert.Empty(fixedFormat.Headers.Vary);
    }

    [Fact]
    public async Task FeedResults_work_as_MVC_action_results()
    {
        var store = new NewsStore();
        await using var server = await TestServer.StartAsync(
            app => app.MapControllers(),
            configure: b =>
            {
                b.Services.AddSingleton(store);
                b.Services.AddControllers().AddApplicationPart(typeof(NewsController).Assembly);
            });

        using var atom = await Send(server, "/mvc/news");
        Assert.Equal(HttpStatusCode.OK, atom.StatusCode);
        Assert.Equal("application/atom+xml", atom.Content.Headers.ContentType!.MediaType);
        Assert.Equal(3, XDocument.Parse(await atom.Content.ReadAsStringAsync()).Root!.Elements(Atom + "entry").Count());
        Assert.Equal(["nosniff"], atom.Headers.GetValues("X-Content-Type-Options"));

        var read = store.Read;
        using var notModified = await Send(server, "/mvc/news", change: r => r.Headers.IfNoneMatch.Add(atom.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        using var head = await Send(server, "/mvc/news", method: HttpMethod.Head);
        Assert.Equal(atom.Headers.ETag, head.Headers.ETag);
        Assert.Equal(read, store.Read);

        using var rss = await Send(server, "/mvc/news.rss");
        Assert.Equal("application/rss+xml", rss.Content.Headers.ContentType!.MediaType);
        Assert.Contains("href=\"https://example.com/mvc/news.rss\"", await rss.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_feed_response_says_nosniff()
    {
        var store = new NewsStore();
        await using var server = await TestServer.StartAsync(MapTags, configure: WithStore(store));
        using var ok = await Send(server, "/tags/sport/feed.rss");
        using var notModified = await Send(server, "/tags/sport/feed.rss", change: r => r.Headers.IfNoneMatch.Add(ok.Headers.ETag!));
        using var notAcceptable = await Send(server, "/tags/sport/feed", accept: "image/png");
        using var head = await Send(server, "/tags/sport/feed", method: HttpMethod.Head);
        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.NotModified, HttpStatusCode.NotAcceptable, HttpStatusCode.OK],
            new[] { ok, notModified, notAcceptable, head }.Select(r => r.StatusCode));
        Assert.All(new[] { ok, notModified, notAcceptable, head }, r => Assert.Equal(["nosniff"], r.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("feed/")]
    [InlineData("/feed/")]
    [InlineData("/feeds/{format}")]
    [InlineData("/feeds/{**rest}")]
    [InlineData("/feeds/{lang?}")]
    [InlineData("/feeds/{unclosed")]
    public async Task A_pattern_a_feed_cannot_have_is_refused_with_a_clear_message(string pattern)
    {
        var thrown = await Assert.ThrowsAsync<ArgumentException>(() => TestServer.StartAsync(app => app.MapFeed(pattern, NewsStore.Info, _ => AsyncEnumerable.Empty<Article>())));
        Assert.Equal("pattern", thrown.ParamName);
        Assert.Contains(pattern, thrown.Message, StringComparison.Ordinal);
    }
}
