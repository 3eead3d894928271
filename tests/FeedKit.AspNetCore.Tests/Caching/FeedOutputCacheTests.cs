using FeedKit.AspNetCore.Caching;
using Microsoft.AspNetCore.OutputCaching;
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
    public void The_tags_are_stable()
    {
        Assert.Equal("feedkit", FeedCache.Tag);
        Assert.Equal("feedkit:/feed", FeedCache.TagFor("/feed"));
        Assert.Throws<ArgumentException>(() => FeedCache.TagFor(""));
    }
}
