using System.Net;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using FeedKit.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedKit.AspNetCore.Tests;

/// <summary>
/// Validators computed without reading an article, the bad-article policy on the buffered and streamed paths, the
/// options from <c>AddFeedKit</c> and configuration, and the log events, on a real Kestrel server.
/// </summary>
public sealed class PolicyTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private const int Count = 2000;

    private const int BadIndex = 1500;

    /// <summary>2,000 articles; the one at 1,500 has a blank headline.</summary>
    private static Article Item(int i) => NewsStore.Item(i, "sport") with { Headline = i == BadIndex ? "   " : $"الخبر رقم {i}" };

    private static async IAsyncEnumerable<Article> Stream(StrongBox<int> read, bool withBad = true, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (i % 100 == 0)
            {
                await Task.Yield();
            }

            read.Value++;
            yield return withBad ? Item(i) : NewsStore.Item(i, "sport");
        }
    }

    private static Task<TestServer> Serve(FeedSource source, FeedEndpointOptions? options = null, LogSink? logs = null, Action<WebApplicationBuilder>? configure = null) =>
        TestServer.StartAsync(app => app.MapFeed("/feed", (_, _) => ValueTask.FromResult(source), options), logs: logs, configure: configure);

    [Theory]
    [InlineData("If-None-Match")]
    [InlineData("If-Modified-Since")]
    public async Task With_a_version_the_validators_and_the_304_are_computed_without_reading_an_article(string header)
    {
        var read = new StrongBox<int>();
        var logs = new LogSink();
        await using var server = await Serve(new FeedSource(new Feed(NewsStore.Info, Stream(read, withBad: false))) { Version = "v7" }, logs: logs);

        using var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/feed.atom"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.NotNull(head.Headers.ETag);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 6, 30, 15, TimeSpan.Zero), head.Content.Headers.LastModified);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/feed.atom");
        if (header == "If-None-Match")
        {
            conditional.Headers.IfNoneMatch.Add(head.Headers.ETag!);
        }
        else
        {
            conditional.Headers.IfModifiedSince = head.Content.Headers.LastModified;
        }

        using var notModified = await server.Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(head.Headers.ETag, notModified.Headers.ETag);
        Assert.Equal(0, read.Value);
        var logged = Assert.Single(logs.Events(FeedKitLog.FeedNotModified));
        Assert.Equal("FeedNotModified", logged.Id.Name);
        Assert.Equal(LogLevel.Debug, logged.Level);
        Assert.Equal("/feed.atom", logged.State["Path"]);

        // A date one second older is modified: the whole feed is read once and streamed.
        using var older = new HttpRequestMessage(HttpMethod.Get, "/feed.atom");
        older.Headers.IfModifiedSince = head.Content.Headers.LastModified!.Value.AddSeconds(-1);
        using var modified = await server.Client.SendAsync(older);
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
        Assert.Equal(Count, XDocument.Parse(await modified.Content.ReadAsStringAsync()).Root!.Elements(Atom + "entry").Count());
        Assert.Equal(Count, read.Value);
    }

    [Fact]
    public async Task Fail_on_a_list_feed_is_a_500_with_no_part_of_the_feed_and_a_logged_error()
    {
        foreach (var version in new[] { null, "v1" })
        {
            var logs = new LogSink();
            await using var server = await Serve(new FeedSource(new Feed(NewsStore.Info, Enumerable.Range(0, Count).Select(Item))) { Version = version }, logs: logs);
            using var response = await server.Client.GetAsync("/feed.rss");
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<", body, StringComparison.Ordinal);
            Assert.Null(response.Headers.ETag);
            Assert.Null(response.Content.Headers.LastModified);
            var error = Assert.Single(logs.Events(FeedKitLog.FeedValidationFailed));
            Assert.Equal(LogLevel.Error, error.Level);
            Assert.Contains($"articles[{BadIndex}].Headline", (string)error.State["Problems"]!, StringComparison.Ordinal);
            Assert.Empty(logs.Events(FeedKitLog.FeedRendered));
        }
    }

    [Fact]
    public async Task Skip_on_a_list_feed_leaves_the_bad_article_out_and_logs_its_problem_paths()
    {
        var logs = new LogSink();
        await using var server = await Serve(
            new FeedSource(new Feed(NewsStore.Info, Enumerable.Range(0, Count).Select(Item))),
            FeedEndpointOptions.Default with { BadArticlePolicy = BadArticlePolicy.Skip },
            logs);
        using var response = await server.Client.GetAsync("/feed.atom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements(Atom + "entry").ToList();
        Assert.Equal(Count - 1, entries.Count);
        Assert.DoesNotContain(entries, e => e.Element(Atom + "id")!.Value.EndsWith($"/{BadIndex}", StringComparison.Ordinal));
        var skipped = Assert.Single(logs.Events(FeedKitLog.ArticleSkipped));
        Assert.Equal(LogLevel.Warning, skipped.Level);
        Assert.Equal(BadIndex, skipped.State["ArticleIndex"]);
        Assert.StartsWith($"articles[{BadIndex}].Headline empty: ", (string)skipped.State["Problems"]!, StringComparison.Ordinal);
        var rendered = Assert.Single(logs.Events(FeedKitLog.FeedRendered));
        Assert.Equal(Count - 1, rendered.State["Articles"]);
    }

    [Fact]
    public async Task Skip_on_a_streamed_feed_leaves_the_bad_article_out_and_streams_the_rest()
    {
        var logs = new LogSink();
        var read = new StrongBox<int>();
        await using var server = await Serve(
            new FeedSource(new Feed(NewsStore.Info, Stream(read))) { Version = "v1" },
            FeedEndpointOptions.Default with { BadArticlePolicy = BadArticlePolicy.Skip },
            logs);
        using var response = await server.Client.GetAsync("/feed.json", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TransferEncodingChunked);
        var body = await response.Content.ReadAsStringAsync();
        using var json = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal(Count - 1, json.RootElement.GetProperty("items").GetArrayLength());
        Assert.DoesNotContain($"/sport/{BadIndex}\"", body, StringComparison.Ordinal);
        var skipped = Assert.Single(logs.Events(FeedKitLog.ArticleSkipped));
        Assert.Equal(BadIndex, skipped.State["ArticleIndex"]);
        Assert.Contains($"articles[{BadIndex}].Headline", (string)skipped.State["Problems"]!, StringComparison.Ordinal);
        Assert.Equal(Count, read.Value);
    }

    [Fact]
    public async Task Fail_on_a_streamed_feed_cuts_the_connection_so_the_client_never_gets_a_complete_looking_200()
    {
        var logs = new LogSink();
        var read = new StrongBox<int>();
        await using var server = await Serve(new FeedSource(new Feed(NewsStore.Info, Stream(read))) { Version = "v1" }, logs: logs);
        using var response = await server.Client.GetAsync("/feed.atom", HttpCompletionOption.ResponseHeadersRead);

        // What a client sees: the status line and headers (sent before article 1,500 was read), then a body that
        // ends before the chunked encoding's last chunk. HttpClient throws; curl reports error 18.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TransferEncodingChunked);
        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => response.Content.ReadAsStringAsync());
        Assert.True(thrown is HttpRequestException or IOException, thrown.ToString());
        Assert.Equal(BadIndex + 1, read.Value);
        var error = Assert.Single(logs.Events(FeedKitLog.FeedValidationFailed));
        Assert.Contains("aborted", (string)error.State["Outcome"]!, StringComparison.Ordinal);
        Assert.Contains("Headline", (string)error.State["Problems"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddFeedKit_binds_the_FeedKit_configuration_section_and_code_wins()
    {
        var logs = new LogSink();
        await using var server = await TestServer.StartAsync(
            app =>
            {
                app.MapFeed("/feed", (_, _) => ValueTask.FromResult(new FeedSource(new Feed(NewsStore.Info, Enumerable.Range(0, 10).Select(Item).Append(Item(BadIndex))))));
                app.MapFeed("/own", (_, _) => ValueTask.FromResult(new FeedSource(new Feed(NewsStore.Info, [Item(1)]))), FeedEndpointOptions.Default);
            },
            logs: logs,
            configure: b =>
            {
                b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["FeedKit:CacheControl"] = "public, max-age=42",
                    ["FeedKit:Stylesheet"] = "https://example.com/feed.xsl",
                    ["FeedKit:FirstStrongGuard"] = "false",
                    ["FeedKit:BadArticlePolicy"] = "Skip",
                    ["FeedKit:DefaultFormat"] = "Rss",
                    ["FeedKit:PublicOrigin"] = "https://news.example.org",
                });
                b.Services.AddFeedKit(o => o.Indent = false);
            });

        var options = server.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FeedKitOptions>>().Value;
        Assert.Equal(BadArticlePolicy.Skip, options.BadArticlePolicy);
        Assert.False(options.FirstStrongGuard);
        Assert.False(options.Indent);

        using var response = await server.Client.GetAsync("/feed");
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=42", response.Headers.CacheControl!.ToString());
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("<?xml-stylesheet", body, StringComparison.Ordinal);
        Assert.Contains("https://example.com/feed.xsl", body, StringComparison.Ordinal);
        Assert.Contains("href=\"https://news.example.org/feed.rss\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\n  <", body, StringComparison.Ordinal);
        Assert.Equal(10, XDocument.Parse(body).Descendants("item").Count());
        Assert.Single(logs.Events(FeedKitLog.ArticleSkipped));

        // An endpoint's own options replace the application's.
        using var own = await server.Client.GetAsync("/own");
        Assert.Equal("application/atom+xml", own.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=300", own.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Event_ids_are_stable_and_a_feed_sent_is_logged()
    {
        Assert.Equal(
            [(1, "FeedRendered"), (2, "FeedNotModified"), (3, "ArticleSkipped"), (4, "FeedValidationFailed"), (5, "WebSubPing")],
            new[] { FeedKitLog.FeedRendered, FeedKitLog.FeedNotModified, FeedKitLog.ArticleSkipped, FeedKitLog.FeedValidationFailed, FeedKitLog.WebSubPing }.Select(e => (e.Id, e.Name!)));

        var logs = new LogSink();
        await using var server = await Serve(new FeedSource(new Feed(NewsStore.Info, Enumerable.Range(0, 3).Select(Item))), logs: logs);
        using var response = await server.Client.GetAsync("/feed.json");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rendered = Assert.Single(logs.Entries);
        Assert.Equal(FeedKitLog.FeedRendered, rendered.Id);
        Assert.Equal(FeedFormat.Json, rendered.State["Format"]);
        Assert.Equal(3, rendered.State["Articles"]);
        Assert.Equal((long)bytes.Length, rendered.State["Bytes"]);
    }
}
