using FeedKit.AspNetCore.Caching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FeedKit.AspNetCore.Tests.Caching;

/// <summary>
/// Output caching of feeds with the in-memory store (issue 14): with <c>AddFeedKitPolicy</c>, <c>CacheOutput()</c> on
/// a feed keeps one entry per negotiated format and content coding (a JSON Feed request once got the cached Atom
/// body), the cached responses carry the ETag of their own representation, and <c>EvictFeedsAsync</c> makes the
/// next request render the new feed.
/// </summary>
public sealed class FeedOutputCacheTests
{
    private const string Atom = "application/atom+xml";
    private const string Json = "application/feed+json";

    [Fact]
    public async Task JSON_then_Atom_on_the_negotiated_path_each_get_their_own_body()
    {
        await using var app = await CacheTestApp.StartAsync(new Newsroom(), CacheTestApp.FeedKitPolicy);
        var json = await app.GetAsync("/feed", accept: Json);
        var atom = await app.GetAsync("/feed", accept: Atom);
        Assert.Equal((200, Json), (json.Status, json.MediaType));
        Assert.StartsWith("{", json.Text, StringComparison.Ordinal);
        Assert.Equal((200, Atom), (atom.Status, atom.MediaType));
        Assert.StartsWith("<?xml", atom.Text, StringComparison.Ordinal);
        Assert.Contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"", atom.Text, StringComparison.Ordinal);
        Assert.NotEqual(json.ETag, atom.ETag);
        Assert.Equal(2, app.FeedCalls);

        // Again, in the other order, and with Accept headers that negotiate the same formats: all from the cache.
        var atomAgain = await app.GetAsync("/feed", accept: "*/*");
        var jsonAgain = await app.GetAsync("/feed", accept: "application/json, text/html;q=0.5");
        var atomNoAccept = await app.GetAsync("/feed");
        Assert.Equal(atom.Body, atomAgain.Body);
        Assert.Equal(atom.ETag, atomAgain.ETag);
        Assert.Equal(Atom, atomAgain.MediaType);
        Assert.Equal(json.Body, jsonAgain.Body);
        Assert.Equal(json.ETag, jsonAgain.ETag);
        Assert.Equal(Json, jsonAgain.MediaType);
        Assert.Equal(atom.Body, atomNoAccept.Body);
        Assert.Equal(2, app.FeedCalls);

        // The fixed-format paths are their own entries, with the same bytes as the negotiated ones.
        var rss = await app.GetAsync("/feed.rss", accept: Json);
        Assert.Equal("application/rss+xml", rss.MediaType);
        Assert.Contains("<rss version=\"2.0\"", rss.Text, StringComparison.Ordinal);
        Assert.Equal(3, app.FeedCalls);

        // Nothing acceptable is not cached as anything else.
        var none = await app.GetAsync("/feed", accept: "image/png");
        Assert.Equal(406, none.Status);
        Assert.Equal(Json, (await app.GetAsync("/feed", accept: Json)).MediaType);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Cached_responses_keep_the_ETag_of_their_representation_and_answer_304(bool compressionInsideCache)
    {
        var newsroom = new Newsroom();
        await using var uncached = await CacheTestApp.StartAsync(newsroom, cache: null, compression: true);
        await using var app = await CacheTestApp.StartAsync(newsroom, CacheTestApp.FeedKitPolicy, compression: true, compressionInside: compressionInsideCache);
        var expectedGzip = await uncached.GetAsync("/feed.rss", gzip: true);
        var expectedIdentity = await uncached.GetAsync("/feed.rss");
        Assert.NotEqual(expectedGzip.ETag, expectedIdentity.ETag);

        var gzip = await app.GetAsync("/feed.rss", gzip: true);
        var identity = await app.GetAsync("/feed.rss");
        var gzipCached = await app.GetAsync("/feed.rss", gzip: true);
        var identityCached = await app.GetAsync("/feed.rss");
        Assert.Equal(2, app.FeedCalls);
        Assert.Equal("gzip", gzipCached.ContentEncoding);
        Assert.Equal(string.Empty, identityCached.ContentEncoding);
        Assert.Equal(expectedGzip.ETag, gzip.ETag);
        Assert.Equal(expectedGzip.ETag, gzipCached.ETag);
        Assert.Equal(expectedIdentity.ETag, identity.ETag);
        Assert.Equal(expectedIdentity.ETag, identityCached.ETag);
        Assert.Equal(expectedIdentity.Body, identityCached.Body);
        Assert.Contains("<rss version=\"2.0\"", identityCached.Text, StringComparison.Ordinal);

        // Conditional requests: a 304 only for the ETag of the representation that would be sent.
        var gzip304 = await app.GetAsync("/feed.rss", gzip: true, ifNoneMatch: gzip.ETag);
        var identityWithGzipTag = await app.GetAsync("/feed.rss", ifNoneMatch: gzip.ETag);
        var identity304 = await app.GetAsync("/feed.rss", ifNoneMatch: identity.ETag);
        Assert.Equal(304, gzip304.Status);
        Assert.Equal(gzip.ETag, gzip304.ETag);
        Assert.Empty(gzip304.Body);
        Assert.Equal(200, identityWithGzipTag.Status);
        Assert.Equal(identity.Body, identityWithGzipTag.Body);
        Assert.Equal(304, identity304.Status);
        Assert.Equal(2, app.FeedCalls);
    }

    [Fact]
    public async Task EvictFeedsAsync_makes_the_next_request_render_the_new_feed()
    {
        await using var app = await CacheTestApp.StartAsync(new Newsroom(), CacheTestApp.FeedKitPolicy);
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        var before = await app.GetAsync("/feed.atom");
        var otherBefore = await app.GetAsync("/other.atom");
        Assert.Contains("من الإصدار 1<", before.Text, StringComparison.Ordinal);

        app.Newsroom.Publish();
        var stale = await app.GetAsync("/feed.atom");
        Assert.Equal(before.Body, stale.Body);
        Assert.Equal(1, app.FeedCalls);

        // One feed's tag evicts that feed only.
        await store.EvictFeedAsync("/other");
        Assert.Equal(before.Body, (await app.GetAsync("/feed.atom")).Body);
        var otherAfter = await app.GetAsync("/other.atom");
        Assert.NotEqual(otherBefore.ETag, otherAfter.ETag);
        Assert.Equal(2, app.OtherCalls);

        await store.EvictFeedsAsync();
        var after = await app.GetAsync("/feed.atom");
        Assert.Equal(2, app.FeedCalls);
        Assert.Contains("من الإصدار 2<", after.Text, StringComparison.Ordinal);
        Assert.NotEqual(before.ETag, after.ETag);
        Assert.Equal(304, (await app.GetAsync("/feed.atom", ifNoneMatch: after.ETag)).Status);
        Assert.Equal(200, (await app.GetAsync("/feed.atom", ifNoneMatch: before.ETag)).Status);
        Assert.Equal(2, app.FeedCalls);
    }

    [Fact]
    public async Task The_page_for_browsers_and_the_feed_are_separate_entries()
    {
        const string Browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        await using var app = await CacheTestApp.StartAsync(new Newsroom(), CacheTestApp.FeedKitPolicy);
        var page = await app.GetAsync("/feed", accept: Browser);
        var feed = await app.GetAsync("/feed", accept: "*/*");
        Assert.Equal(("text/html", Atom), (page.MediaType, feed.MediaType));
        Assert.StartsWith("<!doctype html>", page.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, app.FeedCalls);
        Assert.Equal(page.Body, (await app.GetAsync("/feed", accept: Browser)).Body);
        Assert.Equal(feed.Body, (await app.GetAsync("/feed", accept: "*/*")).Body);
        Assert.Equal("text/html", (await app.GetAsync("/feed", accept: "text/html")).MediaType);
        Assert.Equal(2, app.FeedCalls);

        // Without the policy, the negotiated page is not stored as the one entry of /feed either.
        await using var plain = await CacheTestApp.StartAsync(new Newsroom(), services => services.AddOutputCache());
        Assert.Equal("text/html", (await plain.GetAsync("/feed", accept: Browser)).MediaType);
        Assert.Equal(Atom, (await plain.GetAsync("/feed")).MediaType);
        Assert.Equal(2, plain.FeedCalls);
    }

    [Fact]
    public async Task The_Host_header_does_not_split_or_poison_the_cache()
    {
        await using var app = await CacheTestApp.StartAsync(new Newsroom(), CacheTestApp.FeedKitPolicy);
        var first = await app.GetAsync("/feed.json", host: "example.com");
        var forged = await app.GetAsync("/feed.json", host: "attacker.example");
        Assert.Equal(first.Body, forged.Body);
        Assert.Equal(1, app.FeedCalls);
        Assert.DoesNotContain("attacker", first.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CacheOutput_without_the_FeedKit_policy_stores_no_feed()
    {
        // The bug of issue 14: plain CacheOutput() keys by path alone. Without AddFeedKitPolicy the feed endpoint
        // refuses to be stored, so each format is still right (and rendered each time).
        await using var app = await CacheTestApp.StartAsync(new Newsroom(), services => services.AddOutputCache());
        var json = await app.GetAsync("/feed", accept: Json);
        var atom = await app.GetAsync("/feed", accept: Atom);
        var jsonAgain = await app.GetAsync("/feed", accept: Json);
        Assert.Equal(Json, json.MediaType);
        Assert.Equal(Atom, atom.MediaType);
        Assert.StartsWith("<?xml", atom.Text, StringComparison.Ordinal);
        Assert.Equal(json.Body, jsonAgain.Body);
        Assert.Equal(3, app.FeedCalls);
    }

    [Fact]
    public async Task CacheOutput_without_the_FeedKit_policy_stores_a_format_path_only_without_compression()
    {
        // Keyed by the path alone, /feed.rss is right for every request (RouteTests shows it stored)...
        await using var plain = await CacheTestApp.StartAsync(new Newsroom(), services => services.AddOutputCache());
        var rss = await plain.GetAsync("/feed.rss", accept: Json);
        Assert.Equal(rss.Body, (await plain.GetAsync("/feed.rss")).Body);
        Assert.Equal(1, plain.FeedCalls);

        // ...unless response compression is on: the gzip entry (body or ETag) would answer an identity request.
        await using var app = await CacheTestApp.StartAsync(new Newsroom(), services => services.AddOutputCache(), compression: true);
        var gzip = await app.GetAsync("/feed.rss", gzip: true);
        var identity = await app.GetAsync("/feed.rss");
        Assert.Equal(("gzip", string.Empty), (gzip.ContentEncoding, identity.ContentEncoding));
        Assert.NotEqual(gzip.ETag, identity.ETag);
        Assert.Contains("<rss version=\"2.0\"", identity.Text, StringComparison.Ordinal);
        Assert.Equal(2, app.FeedCalls);
    }

    [Fact]
    public async Task An_archived_feed_is_cached_per_format_and_evicted_by_its_pattern()
    {
        var newsroom = new Newsroom();
        var reads = 0;
        async IAsyncEnumerable<Model.Article> OldestFirst()
        {
            Interlocked.Increment(ref reads);
            var articles = newsroom.Source().Feed.Articles;
            for (var i = articles.Length - 1; i >= 0; i--)
            {
                await Task.Yield();
                yield return articles[i];
            }
        }

        await using var app = await CacheTestApp.StartAsync(newsroom, CacheTestApp.FeedKitPolicy, map: a =>
            a.MapArchivedFeed("/archived", newsroom.Info, _ => OldestFirst(), pageSize: 5).CacheOutput());
        var json = await app.GetAsync("/archived", accept: Json);
        var atom = await app.GetAsync("/archived", accept: Atom);
        var archiveJson = await app.GetAsync("/archived/archive/1.json");
        var archiveAtom = await app.GetAsync("/archived/archive/1.atom");
        Assert.Equal((Json, Atom, Json, Atom), (json.MediaType, atom.MediaType, archiveJson.MediaType, archiveAtom.MediaType));
        Assert.Equal(4, reads);
        Assert.Equal(json.Body, (await app.GetAsync("/archived", accept: Json)).Body);
        Assert.Equal(archiveAtom.Body, (await app.GetAsync("/archived/archive/1.atom")).Body);
        Assert.Equal(4, reads);

        await app.Services.GetRequiredService<IOutputCacheStore>().EvictFeedAsync("/archived");
        Assert.Equal(archiveAtom.Body, (await app.GetAsync("/archived/archive/1.atom")).Body);
        Assert.Equal(5, reads);
    }

    [Fact]
    public async Task A_feed_with_a_route_parameter_is_cached_per_path_and_format_and_evicted_by_its_pattern()
    {
        var newsroom = new Newsroom();
        var calls = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        await using var app = await CacheTestApp.StartAsync(newsroom, CacheTestApp.FeedKitPolicy, map: a =>
            a.MapFeed("/tags/{tag}/feed", (string tag) =>
            {
                calls.AddOrUpdate(tag, 1, (_, n) => n + 1);
                var source = newsroom.Source();
                return source with { Feed = source.Feed with { Info = source.Feed.Info with { Title = "وسم " + tag } } };
            }).CacheOutput());

        var bodies = new Dictionary<string, Response>();
        foreach (var tag in new[] { "sport", "culture" })
        {
            bodies[tag + ".atom"] = await app.GetAsync($"/tags/{tag}/feed.atom");
            bodies[tag + ".json"] = await app.GetAsync($"/tags/{tag}/feed.json");
            bodies[tag + " negotiated json"] = await app.GetAsync($"/tags/{tag}/feed", accept: Json);
            bodies[tag + " negotiated atom"] = await app.GetAsync($"/tags/{tag}/feed", accept: Atom);
        }

        // Each tag and format its own body (the tag's title, the format, the self link); the bare path sends the
        // same bytes as the format's own path.
        Assert.Equal(4, bodies.Values.Select(r => r.Text).Distinct(StringComparer.Ordinal).Count());
        foreach (var tag in new[] { "sport", "culture" })
        {
            Assert.Equal(bodies[tag + ".json"].Text, bodies[tag + " negotiated json"].Text);
            Assert.Equal(bodies[tag + ".atom"].Text, bodies[tag + " negotiated atom"].Text);
        }

        foreach (var (name, response) in bodies)
        {
            var tag = name.Split('.', ' ')[0];
            Assert.Equal(200, response.Status);
            Assert.Contains("وسم " + tag, response.Text, StringComparison.Ordinal);
            Assert.Equal(name.EndsWith("json", StringComparison.Ordinal) ? Json : Atom, response.MediaType);
            Assert.Contains($"https://example.com/tags/{tag}/feed.{(response.MediaType == Json ? "json" : "atom")}", response.Text, StringComparison.Ordinal);
        }

        Assert.Equal((4, 4), (calls["sport"], calls["culture"]));

        // Again: all from the cache, each path and format its own entry.
        foreach (var tag in new[] { "sport", "culture" })
        {
            Assert.Equal(bodies[tag + ".atom"].Body, (await app.GetAsync($"/tags/{tag}/feed.atom")).Body);
            Assert.Equal(bodies[tag + ".json"].Body, (await app.GetAsync($"/tags/{tag}/feed.json")).Body);
            Assert.Equal(bodies[tag + " negotiated json"].Body, (await app.GetAsync($"/tags/{tag}/feed", accept: Json)).Body);
            Assert.Equal(bodies[tag + " negotiated atom"].Body, (await app.GetAsync($"/tags/{tag}/feed")).Body);
        }

        Assert.Equal((4, 4), (calls["sport"], calls["culture"]));
        _ = await app.GetAsync("/feed.atom");
        Assert.Equal(1, app.FeedCalls);

        // Evicting the feed by its pattern evicts it for every tag and format, and nothing else.
        newsroom.Publish();
        await app.Services.GetRequiredService<IOutputCacheStore>().EvictFeedAsync("/tags/{tag}/feed");
        var sportAfter = await app.GetAsync("/tags/sport/feed.atom");
        var cultureAfter = await app.GetAsync("/tags/culture/feed", accept: Json);
        Assert.Contains("من الإصدار 2<", sportAfter.Text, StringComparison.Ordinal);
        Assert.Contains("من الإصدار 2", cultureAfter.Text, StringComparison.Ordinal);
        Assert.Equal((5, 5), (calls["sport"], calls["culture"]));
        _ = await app.GetAsync("/feed.atom");
        Assert.Equal(1, app.FeedCalls);
    }

    [Fact]
    public async Task A_feed_in_a_route_group_is_tagged_with_the_whole_pattern()
    {
        var newsroom = new Newsroom();
        var calls = 0;
        await using var app = await CacheTestApp.StartAsync(newsroom, CacheTestApp.FeedKitPolicy, map: a =>
            a.MapGroup("/blog").MapFeed("/feed", () =>
            {
                Interlocked.Increment(ref calls);
                return newsroom.Source();
            }).CacheOutput());
        _ = await app.GetAsync("/blog/feed.rss");
        _ = await app.GetAsync("/blog/feed.rss");
        Assert.Equal(1, calls);
        await app.Services.GetRequiredService<IOutputCacheStore>().EvictFeedAsync("/feed");
        _ = await app.GetAsync("/blog/feed.rss");
        Assert.Equal(1, calls);
        await app.Services.GetRequiredService<IOutputCacheStore>().EvictFeedAsync("/blog/feed");
        _ = await app.GetAsync("/blog/feed.rss");
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_handler_that_returns_a_FeedResult_is_cached_per_Accept_header_and_tagged_with_its_route()
    {
        var newsroom = new Newsroom();
        int negotiated = 0, fixedRss = 0;
        await using var app = await CacheTestApp.StartAsync(newsroom, CacheTestApp.FeedKitPolicy, map: a =>
        {
            a.MapGet("/authors/{name}/feed", (string name) =>
            {
                Interlocked.Increment(ref negotiated);
                return FeedResults.Feed(newsroom.Source(), options: new FeedEndpointOptions { DefaultFormat = FeedFormat.Rss });
            }).CacheOutput();
            a.MapGet("/rss", () =>
            {
                Interlocked.Increment(ref fixedRss);
                return FeedResults.Feed(newsroom.Source(), FeedFormat.Rss);
            }).CacheOutput();
        });

        // The handler's own default format (RSS, where MapFeed's would be Atom) is what each Accept header gets,
        // from the cache too: an Atom request does not fill the entry a request without Accept gets.
        var atom = await app.GetAsync("/authors/x/feed", accept: Atom);
        var none = await app.GetAsync("/authors/x/feed");
        var json = await app.GetAsync("/authors/x/feed", accept: Json);
        Assert.Equal((Atom, "application/rss+xml", Json), (atom.MediaType, none.MediaType, json.MediaType));
        Assert.Equal(3, negotiated);
        Assert.Equal(none.Body, (await app.GetAsync("/authors/x/feed")).Body);
        Assert.Equal("application/rss+xml", (await app.GetAsync("/authors/x/feed")).MediaType);
        Assert.Equal(atom.Body, (await app.GetAsync("/authors/x/feed", accept: Atom)).Body);
        Assert.Equal(3, negotiated);
        var otherAuthor = await app.GetAsync("/authors/y/feed", accept: Atom);
        Assert.Equal(4, negotiated);

        var rss = await app.GetAsync("/rss", accept: Json);
        Assert.Equal("application/rss+xml", rss.MediaType);
        Assert.Equal(rss.Body, (await app.GetAsync("/rss", accept: Json)).Body);
        Assert.Equal(1, fixedRss);

        await app.Services.GetRequiredService<IOutputCacheStore>().EvictFeedAsync("/authors/{name}/feed");
        Assert.Equal(otherAuthor.Body, (await app.GetAsync("/authors/y/feed", accept: Atom)).Body);
        Assert.Equal(5, negotiated);
        _ = await app.GetAsync("/rss", accept: Json);
        Assert.Equal(1, fixedRss);
    }

    [Fact]
    public async Task A_FeedResult_is_not_stored_where_the_policy_cannot_key_it()
    {
        // A handler whose return type does not say FeedResult (here IResult): the policy does not know it is a feed.
        var newsroom = new Newsroom();
        int untyped = 0, unkeyed = 0;
        await using var app = await CacheTestApp.StartAsync(newsroom, CacheTestApp.FeedKitPolicy, map: a =>
            a.MapGet("/untyped", IResult () =>
            {
                Interlocked.Increment(ref untyped);
                return FeedResults.Feed(newsroom.Source());
            }).CacheOutput());
        var json = await app.GetAsync("/untyped", accept: Json);
        var atom = await app.GetAsync("/untyped", accept: Atom);
        Assert.Equal((Json, Atom), (json.MediaType, atom.MediaType));
        Assert.Equal(Json, (await app.GetAsync("/untyped", accept: Json)).MediaType);
        Assert.Equal(3, untyped);

        // CacheOutput() without AddFeedKitPolicy: a FeedResults handler is not stored either.
        await using var plain = await CacheTestApp.StartAsync(newsroom, services => services.AddOutputCache(), map: a =>
            a.MapGet("/result", () =>
            {
                Interlocked.Increment(ref unkeyed);
                return FeedResults.Feed(newsroom.Source());
            }).CacheOutput());
        Assert.Equal(Json, (await plain.GetAsync("/result", accept: Json)).MediaType);
        Assert.Equal(Atom, (await plain.GetAsync("/result", accept: Atom)).MediaType);
        Assert.Equal(Json, (await plain.GetAsync("/result", accept: Json)).MediaType);
        Assert.Equal(3, unkeyed);
    }

    [Fact]
    public async Task MapFeed_metadata_wins_over_a_FeedResult_handlers_own()
    {
        // A MapFeed source may return FeedResults.Feed(...): FeedResult's metadata (keyed by Accept) comes first,
        // MapFeed's (keyed by Choose, tagged with the pattern) last, and GetMetadata takes the last.
        var newsroom = new Newsroom();
        await using var app = await CacheTestApp.StartAsync(newsroom, CacheTestApp.FeedKitPolicy, map: a =>
            a.MapFeed("/results/{id}/feed", (string id) => FeedResults.Feed(newsroom.Source())).CacheOutput());
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetOrderedMetadata<FeedEndpointMetadata>().Any(m => m.Pattern.StartsWith("/results", StringComparison.Ordinal)))
            .ToList();
        Assert.Equal(2, endpoints.Count);
        foreach (var endpoint in endpoints)
        {
            Assert.Equal([false, true], endpoint.Metadata.GetOrderedMetadata<FeedEndpointMetadata>().Select(m => m.Mapped));
            Assert.Equal(new FeedEndpointMetadata("/results/{id}/feed", null, Mapped: true), endpoint.Metadata.GetMetadata<FeedEndpointMetadata>());
        }

        Assert.Equal(Json, (await app.GetAsync("/results/1/feed.json")).MediaType);
    }

    [Fact]
    public void The_tags_are_stable()
    {
        Assert.Equal("feedkit", FeedCache.Tag);
        Assert.Equal("feedkit:/feed", FeedCache.TagFor("/feed"));
        Assert.Throws<ArgumentException>(() => FeedCache.TagFor(""));
    }
}
