using System.Collections.Concurrent;
using FeedKit.AspNetCore.Caching;
using FeedKit.WebSub;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedKit.AspNetCore.Tests.Caching;

/// <summary>
/// Two app instances (two Kestrel servers) sharing one output cache in a real <c>redis-server</c>
/// (<c>Microsoft.AspNetCore.OutputCaching.StackExchangeRedis</c>): an entry one stores is served by the other, and
/// publishing through instance A (evict the feeds' tag, then ping the WebSub hub) makes instance B serve the new
/// feed with its new ETag on its next request; the hub (a stand-in on Kestrel) is pinged exactly once.
/// </summary>
public sealed class RedisFeedCacheTests
{
    [RedisFact]
    public async Task Publishing_through_one_instance_makes_the_other_serve_the_new_feed()
    {
        Assert.True(RedisServer.Find() is not null, "redis-server is not installed (apt-get install redis-server); .ci/run installs it.");
        await using var redis = await RedisServer.StartAsync();
        await using var hub = await Hub.StartAsync();
        var newsroom = new Newsroom { Hub = hub.Url };
        var instanceName = "feedkit-test-" + Guid.NewGuid().ToString("N") + ":";

        void Cache(IServiceCollection services)
        {
            services.AddStackExchangeRedisOutputCache(o =>
            {
                o.Configuration = redis.Configuration;
                o.InstanceName = instanceName;
            });
            services.AddOutputCache(o => o.AddFeedKitPolicy());
        }

        void Publish(WebApplication app) => app.MapPost("/publish", async (IOutputCacheStore store, WebSubPublisher publisher, CancellationToken ct) =>
        {
            newsroom.Publish();
            await store.EvictFeedsAsync(ct);
            var results = await publisher.PublishAsync(newsroom.Info, ct);
            return results.All(r => r.Succeeded) ? Results.NoContent() : Results.StatusCode(502);
        });

        await using var a = await CacheTestApp.StartAsync(newsroom, Cache, services: s => s.AddFeedKitWebSub(), map: Publish);
        await using var b = await CacheTestApp.StartAsync(newsroom, Cache, services: s => s.AddFeedKitWebSub(), map: Publish);
        Assert.NotEqual(a.Client.BaseAddress, b.Client.BaseAddress);

        // A renders and stores; B serves A's entry from Redis without rendering.
        var first = await a.GetAsync("/feed.atom");
        var fromRedis = await b.GetAsync("/feed.atom");
        Assert.Equal(200, first.Status);
        Assert.Contains("من الإصدار 1<", first.Text, StringComparison.Ordinal);
        Assert.Equal(first.Body, fromRedis.Body);
        Assert.Equal(first.ETag, fromRedis.ETag);
        Assert.Equal((1, 0), (a.FeedCalls, b.FeedCalls));

        // Negotiated JSON Feed on B is its own entry, which A then serves.
        var json = await b.GetAsync("/feed", accept: "application/feed+json");
        Assert.Equal("application/feed+json", json.MediaType);
        Assert.Equal(json.Body, (await a.GetAsync("/feed", accept: "application/feed+json")).Body);
        Assert.Equal("application/atom+xml", (await a.GetAsync("/feed", accept: "application/atom+xml")).MediaType);
        Assert.Equal(1, b.FeedCalls);

        // Publish through A.
        using (var publish = await a.Client.PostAsync("/publish", content: null))
        {
            Assert.Equal(System.Net.HttpStatusCode.NoContent, publish.StatusCode);
        }

        var after = await b.GetAsync("/feed.atom");
        Assert.Equal(200, after.Status);
        Assert.Contains("من الإصدار 2<", after.Text, StringComparison.Ordinal);
        Assert.NotEqual(first.ETag, after.ETag);
        Assert.Equal(2, b.FeedCalls);
        Assert.Equal(200, (await b.GetAsync("/feed.atom", ifNoneMatch: first.ETag)).Status);
        Assert.Equal(304, (await b.GetAsync("/feed.atom", ifNoneMatch: after.ETag)).Status);
        var jsonAfter = await b.GetAsync("/feed", accept: "application/feed+json");
        Assert.Contains("من الإصدار 2", jsonAfter.Text, StringComparison.Ordinal);

        // A serves the entry B stored: the new feed and its ETag, without rendering.
        var callsOfA = a.FeedCalls;
        var fromA = await a.GetAsync("/feed.atom");
        Assert.Equal(after.Body, fromA.Body);
        Assert.Equal(after.ETag, fromA.ETag);
        Assert.Equal(callsOfA, a.FeedCalls);

        // The hub was pinged once, for the feed's self link.
        Assert.Equal([("publish", "https://example.com/feed.atom")], hub.Received.ToArray());
    }

    /// <summary>A WebSub hub stand-in on Kestrel: records each publish ping (hub.mode, hub.url) and answers 204.</summary>
    private sealed class Hub : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Hub(WebApplication app, Uri url, ConcurrentQueue<(string?, string?)> received)
        {
            _app = app;
            Url = url;
            Received = received;
        }

        public Uri Url { get; }

        public ConcurrentQueue<(string?, string?)> Received { get; }

        public static async Task<Hub> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var received = new ConcurrentQueue<(string?, string?)>();
            app.MapPost("/hub", async (HttpContext context) =>
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                received.Enqueue((form["hub.mode"], form["hub.url"]));
                return Results.NoContent();
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Hub(app, new Uri(new Uri(address), "/hub"), received);
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }
}
