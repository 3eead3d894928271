using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FeedKit.Model;
using FeedKit.WebSub;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeedKit.AspNetCore.Tests.WebSub;

/// <summary>
/// <see cref="WebSubPublisher"/> against a hub stand-in: a real Kestrel server on 127.0.0.1 that answers each POST
/// with the next status of a script and records what it was sent.
/// </summary>
public sealed class WebSubPublisherTests
{
    private static readonly Uri Topic = new("https://example.com/feed.atom");

    private static readonly WebSubPublisherOptions Fast = new()
    {
        Timeout = TimeSpan.FromSeconds(5),
        MaxAttempts = 4,
        InitialDelay = TimeSpan.FromMilliseconds(20),
        MaxDelay = TimeSpan.FromMilliseconds(100),
    };

    private sealed class Hub
    {
        public ConcurrentQueue<int> Script { get; } = new();

        public ConcurrentQueue<(string? Mode, string? Url, string? ContentType)> Received { get; } = new();

        public TimeSpan Stall { get; init; }

        public string? RetryAfter { get; init; }

        public void Map(WebApplication app) => app.MapPost("/hub", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            Received.Enqueue((form["hub.mode"], form["hub.url"], context.Request.ContentType));
            if (Stall > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(Stall, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            var status = Script.TryDequeue(out var next) ? next : 204;
            if (RetryAfter is not null && status >= 500)
            {
                context.Response.Headers.RetryAfter = RetryAfter;
            }

            context.Response.StatusCode = status;
        });
    }

    private static async Task<(WebSubPublishResult Result, Hub Hub, TimeSpan Elapsed)> Publish(Hub hub, WebSubPublisherOptions options, params int[] script)
    {
        foreach (var status in script)
        {
            hub.Script.Enqueue(status);
        }

        await using var server = await TestServer.StartAsync(hub.Map);
        var publisher = new WebSubPublisher(server.Client, options);
        var clock = Stopwatch.StartNew();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await publisher.PublishAsync(new Uri(server.Client.BaseAddress!, "/hub"), Topic, limit.Token);
        return (result, hub, clock.Elapsed);
    }

    [Fact]
    public async Task Success_posts_publish_and_the_topic_as_a_form_once()
    {
        var (result, hub, _) = await Publish(new Hub(), Fast, 204);
        Assert.True(result.Succeeded);
        Assert.Equal(HttpStatusCode.NoContent, result.StatusCode);
        Assert.Equal(1, result.Attempts);
        Assert.Null(result.Error);
        var (mode, url, type) = Assert.Single(hub.Received);
        Assert.Equal("publish", mode);
        Assert.Equal(Topic.AbsoluteUri, url);
        Assert.StartsWith("application/x-www-form-urlencoded", type, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(429)]
    public async Task A_4xx_answer_is_final_and_never_retried(int status)
    {
        var (result, hub, _) = await Publish(new Hub(), Fast, status, 204);
        Assert.False(result.Succeeded);
        Assert.Equal((HttpStatusCode)status, result.StatusCode);
        Assert.Equal(1, result.Attempts);
        Assert.Single(hub.Received);
        Assert.Contains("not retried", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_errors_5xx_are_retried_with_back_off_until_success()
    {
        var (result, hub, elapsed) = await Publish(new Hub(), Fast, 503, 500, 202);
        Assert.True(result.Succeeded);
        Assert.Equal(HttpStatusCode.Accepted, result.StatusCode);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, hub.Received.Count);
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(20 + 40), $"back-off waits 20 ms then 40 ms; took {elapsed}");
    }

    [Fact]
    public async Task Retry_after_of_a_5xx_is_honoured_within_the_maximum_delay()
    {
        var options = Fast with { MaxDelay = TimeSpan.FromSeconds(2) };
        var (result, _, elapsed) = await Publish(new Hub { RetryAfter = "1" }, options, 503, 204);
        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Attempts);
        Assert.True(elapsed >= TimeSpan.FromSeconds(1), $"Retry-After: 1 was not honoured; took {elapsed}");
    }

    [Fact]
    public async Task Persistent_5xx_gives_up_after_the_maximum_attempts()
    {
        var (result, hub, _) = await Publish(new Hub(), Fast with { MaxAttempts = 3 }, 500, 502, 503, 204);
        Assert.False(result.Succeeded);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.StatusCode);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, hub.Received.Count);
        Assert.Contains("gave up after 3 attempts", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hub_that_does_not_answer_in_time_is_retried_then_given_up()
    {
        var options = Fast with { Timeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 2 };
        var (result, hub, elapsed) = await Publish(new Hub { Stall = TimeSpan.FromSeconds(30) }, options);
        Assert.False(result.Succeeded);
        Assert.Null(result.StatusCode);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, hub.Received.Count);
        Assert.Contains("no answer within 0.3 s", result.Error, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"the timeout did not bound the attempts: {elapsed}");
    }

    [Fact]
    public async Task A_network_error_is_retried()
    {
        // A port nobody listens on: bind one, note it, close it.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var result = await new WebSubPublisher(http, Fast with { MaxAttempts = 2 }).PublishAsync(new Uri($"http://127.0.0.1:{port}/hub"), Topic);
        Assert.False(result.Succeeded);
        Assert.Null(result.StatusCode);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task Publishing_a_feed_notifies_each_of_its_hubs_about_its_self_link()
    {
        var first = new Hub();
        var second = new Hub();
        second.Script.Enqueue(400);
        await using var a = await TestServer.StartAsync(first.Map);
        await using var b = await TestServer.StartAsync(second.Map);
        var info = new FeedInfo
        {
            Title = "T",
            SiteUrl = new Uri("https://example.com/"),
            SelfUrl = Topic,
            Hubs = [new Uri(a.Client.BaseAddress!, "/hub"), new Uri(b.Client.BaseAddress!, "/hub")],
        };
        using var http = new HttpClient();
        var results = await new WebSubPublisher(http, Fast).PublishAsync(info);
        Assert.Equal([true, false], results.Select(r => r.Succeeded));
        Assert.Equal(info.Hubs, results.Select(r => r.Hub));
        Assert.Equal(Topic.AbsoluteUri, Assert.Single(first.Received).Url);
        Assert.Throws<ArgumentException>(() => { _ = new WebSubPublisher(http).PublishAsync(info with { SelfUrl = null }).GetAwaiter().GetResult(); });
    }

    [Fact]
    public async Task Cancellation_throws()
    {
        var hub = new Hub { Stall = TimeSpan.FromSeconds(30) };
        await using var server = await TestServer.StartAsync(hub.Map);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new WebSubPublisher(server.Client, Fast).PublishAsync(new Uri(server.Client.BaseAddress!, "/hub"), Topic, cancel.Token));
    }
}
