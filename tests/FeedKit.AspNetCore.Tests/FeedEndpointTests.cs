using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using FeedKit.Formats;
using FeedKit.Formats.Atom;
using FeedKit.Formats.Json;
using FeedKit.Formats.Rss;
using FeedKit.Model;
using FeedKit.Text;
using Microsoft.AspNetCore.Builder;

namespace FeedKit.AspNetCore.Tests;

public sealed class FeedEndpointTests
{
    private static readonly DateTimeOffset Newest = new(2026, 3, 14, 9, 30, 15, TimeSpan.FromHours(3));

    private static readonly FeedInfo Info = new()
    {
        Title = "أخبار",
        SiteUrl = new Uri("https://example.com/news/"),
        Language = LanguageTag.Parse("ar"),
        Authors = [new Author("غرفة الأخبار")],
    };

    private static Article Item(int i) => new()
    {
        Url = new Uri($"https://example.com/news/{i}"),
        Headline = $"الخبر رقم {i}",
        Standfirst = "ملخص قصير.",
        Body = [new Paragraph("فقرة من نص الخبر فيها ما يكفي من الكلمات."), new Paragraph("فقرة ثانية.")],
        Published = Newest.AddMinutes(-i),
    };

    private static async IAsyncEnumerable<Article> Items(int count, Counter? counter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (counter is not null)
            {
                counter.Value++;
            }

            if (i % 50 == 0)
            {
                await Task.Yield();
            }

            yield return Item(i);
        }
    }

    private sealed class Counter
    {
        public int Value { get; set; }
    }

    private static string Expected(FeedWriter writer, int count, string extension) =>
        writer.WriteToString(new Feed(
            Info with { SelfUrl = new Uri($"https://example.com/feed.{extension}"), Updated = Newest },
            Enumerable.Range(0, count).Select(Item)));

    private static Task<TestServer> Serve(int count = 3, string? version = null, bool compression = false, Counter? counter = null) =>
        TestServer.StartAsync(
            app => app.MapFeed("/feed", (_, ct) => ValueTask.FromResult(new FeedSource(new Feed(Info, Items(count, counter, ct))) { Version = version })),
            compression);

    public static TheoryData<string, string> Formats => new()
    {
        { "atom", "application/atom+xml; charset=utf-8" },
        { "rss", "application/rss+xml; charset=utf-8" },
        { "json", "application/feed+json; charset=utf-8" },
    };

    private static FeedWriter Writer(string extension) => extension switch
    {
        "rss" => new RssFeedWriter(),
        "json" => new JsonFeedWriter(),
        _ => new AtomFeedWriter(),
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Each_format_has_its_path_media_type_and_body(string extension, string contentType)
    {
        await using var server = await Serve();
        using var response = await server.Client.GetAsync($"/feed.{extension}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal(Expected(Writer(extension), 3, extension), await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 6, 30, 15, TimeSpan.Zero), response.Content.Headers.LastModified);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        Assert.Empty(response.Headers.Vary);
    }

    [Theory]
    [InlineData(null, "application/atom+xml")]
    [InlineData("application/rss+xml", "application/rss+xml")]
    [InlineData("application/json", "application/feed+json")]
    [InlineData("application/feed+json;q=0.9, application/atom+xml;q=0.5", "application/feed+json")]
    [InlineData("application/rss+xml, */*;q=0.1", "application/rss+xml")]
    [InlineData("text/xml", "application/atom+xml")]
    [InlineData("*/*", "application/atom+xml")]
    [InlineData("application/atom+xml;q=0, */*", "application/rss+xml")]
    public async Task The_bare_path_negotiates_on_Accept(string? accept, string expected)
    {
        await using var server = await Serve();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/feed");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);

        // The self link names the format's own URL, not the negotiated one.
        var extension = expected switch { "application/rss+xml" => "rss", "application/feed+json" => "json", _ => "atom" };
        Assert.Contains($"https://example.com/feed.{extension}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unacceptable_type_gets_406()
    {
        await using var server = await Serve();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/feed");
        // (text/html gets the page for browsers: FeedPageEndpointTests.)
        request.Headers.Accept.ParseAdd("image/png");
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("v42")]
    public async Task If_None_Match_answers_304_with_no_body(string? version)
    {
        await using var server = await Serve(version: version);
        using var first = await server.Client.GetAsync("/feed.rss");
        var etag = first.Headers.ETag!;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/feed.rss");
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await server.Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        using var other = new HttpRequestMessage(HttpMethod.Get, "/feed.rss");
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        other.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        using var changed = await server.Client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task ETags_differ_between_formats_and_versions()
    {
        await using var a = await Serve(version: "1");
        await using var b = await Serve(version: "2");
        using var atom = await a.Client.GetAsync("/feed.atom");
        using var rss = await a.Client.GetAsync("/feed.rss");
        using var atom2 = await b.Client.GetAsync("/feed.atom");
        Assert.NotEqual(atom.Headers.ETag, rss.Headers.ETag);
        Assert.NotEqual(atom.Headers.ETag, atom2.Headers.ETag);
    }

    [Fact]
    public async Task If_Modified_Since_answers_304_when_nothing_is_newer()
    {
        await using var server = await Serve();
        using var first = await server.Client.GetAsync("/feed.atom");
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var same = new HttpRequestMessage(HttpMethod.Get, "/feed.atom");
        same.Headers.IfModifiedSince = lastModified;
        using var notModified = await server.Client.SendAsync(same);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var older = new HttpRequestMessage(HttpMethod.Get, "/feed.atom");
        older.Headers.IfModifiedSince = lastModified.AddSeconds(-1);
        using var modified = await server.Client.SendAsync(older);
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
    }

    [Fact]
    public async Task With_a_version_a_304_does_not_read_the_articles()
    {
        var counter = new Counter();
        await using var server = await TestServer.StartAsync(app => app.MapFeed(
            "/feed",
            (_, ct) => ValueTask.FromResult(new FeedSource(new Feed(Info with { Updated = Newest }, Items(100, counter, ct))) { Version = "v1" })));
        using var first = await server.Client.GetAsync("/feed.atom");
        Assert.Equal(100, counter.Value);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/feed.atom");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var response = await server.Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(100, counter.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("v1")]
    public async Task HEAD_sends_the_headers_without_the_body(string? version)
    {
        await using var server = await Serve(version: version);
        using var get = await server.Client.GetAsync("/feed.json");
        using var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/feed.json"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        if (version is null)
        {
            Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        }
    }

    [Fact]
    public async Task Works_with_response_compression()
    {
        await using var server = await Serve(count: 200, compression: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/feed.atom");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        await using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var text = await reader.ReadToEndAsync();
        Assert.Equal(Expected(new AtomFeedWriter(), 200, "atom"), text);
        Assert.True(compressed.Length < text.Length / 3, $"{compressed.Length} compressed bytes for {text.Length} characters");
    }

    [Theory]
    [InlineData("atom")]
    [InlineData("rss")]
    [InlineData("json")]
    public async Task A_10000_item_feed_streams_without_synchronous_IO(string extension)
    {
        await using var server = await TestServer.StartAsync(app => app.MapFeed(
            "/feed",
            (_, ct) => ValueTask.FromResult(new FeedSource(new Feed(Info with { Updated = Newest }, Items(10_000, null, ct))) { Version = "big" })));
        using var response = await server.Client.GetAsync($"/feed.{extension}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Streamed: no Content-Length, chunked transfer.
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.True(response.Headers.TransferEncodingChunked);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(Expected(Writer(extension), 10_000, extension), body);
    }

    [Fact]
    public async Task A_forged_Host_header_does_not_change_the_self_link()
    {
        await using var server = await Serve();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/feed.atom");
        request.Headers.Host = "evil.example";
        using var response = await server.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"https://example.com/feed.atom\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fixed_info_overload_maps_the_same_endpoints()
    {
        await using var server = await TestServer.StartAsync(app => app.MapFeed("/news/feed", Info, ct => Items(2, null, ct)));
        using var response = await server.Client.GetAsync("/news/feed.rss");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<atom:link rel=\"self\" type=\"application/rss+xml\" href=\"https://example.com/news/feed.rss\" />", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TestServer.StartAsync(app => app.MapFeed("feed/", Info, ct => Items(1, null, ct))).GetAwaiter().GetResult());
    }
}
