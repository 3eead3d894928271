using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using FeedKit.Validation;
using FeedKit.Model;
using FeedKit.WebSub;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

        /// <summary>The Location of a 3xx answer: the stand-in's own "/internal", an address the publisher must not be led to.</summary>
        public string Location { get; init; } = "/internal";

        /// <summary>What "/internal" was sent: the method and the body.</summary>
        public ConcurrentQueue<string> Internal { get; } = new();

        public void Map(WebApplication app)
        {
            app.Map("/internal", async (HttpContext context) =>
            {
                using var reader = new StreamReader(context.Request.Body);
                Internal.Enqueue($"{context.Request.Method} {await reader.ReadToEndAsync(context.RequestAborted)}");
                context.Response.StatusCode = 200;
            });
            MapHub(app);
        }

        private void MapHub(WebApplication app) => app.MapPost("/hub", async (HttpContext context) =>
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

            if (status is >= 300 and < 400)
            {
                context.Response.Headers.Location = Location;
            }

            context.Response.StatusCode = status;
        });
    }

    private static Task<(WebSubPublishResult Result, Hub Hub, TimeSpan Elapsed)> Publish(Hub hub, WebSubPublisherOptions options, params int[] script) =>
        Publish(hub, server => new WebSubPublisher(server.Client, options), script);

    private static async Task<(WebSubPublishResult Result, Hub Hub, TimeSpan Elapsed)> Publish(Hub hub, Func<TestServer, WebSubPublisher> create, params int[] script)
    {
        foreach (var status in script)
        {
            hub.Script.Enqueue(status);
        }

        await using var server = await TestServer.StartAsync(hub.Map);
        var publisher = create(server);
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

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirect_is_a_failure_that_reports_its_location_and_is_neither_followed_nor_retried(int status)
    {
        // The publisher's own client, and a caller's client that follows no redirects either.
        using var noRedirects = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        foreach (var create in new Func<TestServer, WebSubPublisher>[] { _ => new WebSubPublisher(Fast), _ => new WebSubPublisher(noRedirects, Fast) })
        {
            var (result, hub, _) = await Publish(new Hub(), create, status, 204);
            Assert.False(result.Succeeded);
            Assert.Equal((HttpStatusCode)status, result.StatusCode);
            Assert.Equal(1, result.Attempts);
            Assert.Single(hub.Received);
            Assert.Empty(hub.Internal);
            Assert.Contains("redirect to /internal", result.Error, StringComparison.Ordinal);
            Assert.Contains("not retried", result.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(302, "GET")]
    [InlineData(307, "POST")]
    public async Task A_client_that_follows_redirects_cannot_turn_a_redirect_into_success(int status, string followedWith)
    {
        // TestServer.Client's handler follows redirects (AllowAutoRedirect's default): the publisher cannot stop it
        // sending the redirected request, but it must not report the internal address's answer as the hub's.
        var (result, hub, _) = await Publish(new Hub(), Fast, status, 204);
        Assert.StartsWith(followedWith + " ", Assert.Single(hub.Internal), StringComparison.Ordinal);
        Assert.False(result.Succeeded);
        Assert.Equal(1, result.Attempts);
        Assert.Contains("redirected to http://127.0.0.1:", result.Error, StringComparison.Ordinal);
        Assert.Contains("/internal", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hub_and_topic_urls_with_credentials_are_refused_and_nothing_is_sent()
    {
        var hub = new Hub();
        await using var server = await TestServer.StartAsync(hub.Map);
        var withSecret = new UriBuilder(new Uri(server.Client.BaseAddress!, "/hub")) { UserName = "user", Password = "s3cret" }.Uri;
        var publisher = new WebSubPublisher(server.Client, Fast);

        var thrown = await Assert.ThrowsAsync<ArgumentException>(() => publisher.PublishAsync(withSecret, Topic));
        Assert.Equal("hub", thrown.ParamName);
        Assert.DoesNotContain("s3cret", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("credentials", thrown.Message, StringComparison.Ordinal);

        var secretTopic = new Uri("https://user:s3cret@example.com/feed.atom");
        thrown = await Assert.ThrowsAsync<ArgumentException>(() => publisher.PublishAsync(new Uri(server.Client.BaseAddress!, "/hub"), secretTopic));
        Assert.Equal("topic", thrown.ParamName);
        Assert.DoesNotContain("s3cret", thrown.Message, StringComparison.Ordinal);
        Assert.Empty(hub.Received);

        // The feed itself refuses to publish the secret in its hub links.
        var info = new FeedInfo { Title = "T", SiteUrl = new Uri("https://example.com/"), SelfUrl = Topic, Updated = DateTimeOffset.UnixEpoch.AddYears(40), Hubs = [withSecret] };
        var error = Assert.Single(FeedLint.Check(new Feed(info, [])), p => p.Severity == FeedProblemSeverity.Error);
        Assert.Equal("feed.Hubs[0]", error.Path.ToString());
        Assert.Contains("credentials", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.com/feed.atom")]
    [InlineData("mailto:feed@example.com")]
    public async Task A_topic_that_is_not_an_http_url_is_refused_before_anything_is_sent(string topic)
    {
        var hub = new Hub();
        await using var server = await TestServer.StartAsync(hub.Map);
        var publisher = new WebSubPublisher(server.Client, Fast);
        var thrown = await Assert.ThrowsAsync<ArgumentException>(() => publisher.PublishAsync(new Uri(server.Client.BaseAddress!, "/hub"), new Uri(topic)));
        Assert.Equal("topic", thrown.ParamName);
        var info = new FeedInfo { Title = "T", SiteUrl = new Uri("https://example.com/"), SelfUrl = new Uri(topic), Hubs = [new Uri(server.Client.BaseAddress!, "/hub")] };
        await Assert.ThrowsAsync<ArgumentException>(() => publisher.PublishAsync(info));
        Assert.Empty(hub.Received);
    }

    [Fact]
    public async Task Every_hub_is_checked_before_the_first_is_notified()
    {
        var hub = new Hub();
        await using var server = await TestServer.StartAsync(hub.Map);
        var info = new FeedInfo
        {
            Title = "T",
            SiteUrl = new Uri("https://example.com/"),
            SelfUrl = Topic,
            Hubs = [new Uri(server.Client.BaseAddress!, "/hub"), new Uri("ftp://example.com/hub")],
        };
        var thrown = await Assert.ThrowsAsync<ArgumentException>(() => new WebSubPublisher(server.Client, Fast).PublishAsync(info));
        Assert.Contains("ftp://example.com/hub", thrown.Message, StringComparison.Ordinal);
        Assert.Empty(hub.Received);
    }

    [Theory]
    [InlineData("Timeout", 0)]
    [InlineData("Timeout", -1)]
    [InlineData("Timeout", 60 * 24 * 3600)]
    [InlineData("InitialDelay", -1)]
    [InlineData("InitialDelay", 60 * 24 * 3600)]
    [InlineData("MaxDelay", -1)]
    [InlineData("MaxDelay", 60 * 24 * 3600)]
    [InlineData("MaxAttempts", 0)]
    [InlineData("MaxAttempts", -1234567)]
    public void Options_are_checked_when_they_are_made(string option, int value)
    {
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => Make(option, value));
        Assert.Equal(option, thrown.ParamName);
        Assert.Contains($"WebSubPublisherOptions.{option} must be", thrown.Message, StringComparison.Ordinal);
        Assert.Contains(option == "MaxAttempts" ? value.ToString(CultureInfo.InvariantCulture) : TimeSpan.FromSeconds(value).ToString("c", CultureInfo.InvariantCulture), thrown.Message, StringComparison.Ordinal);
    }

    private static WebSubPublisherOptions Make(string option, int value) => option switch
    {
        "Timeout" => Fast with { Timeout = TimeSpan.FromSeconds(value) },
        "InitialDelay" => Fast with { InitialDelay = TimeSpan.FromSeconds(value) },
        "MaxDelay" => Fast with { MaxDelay = TimeSpan.FromSeconds(value) },
        "MaxAttempts" => Fast with { MaxAttempts = value },
        _ => throw new ArgumentOutOfRangeException(nameof(option)),
    };

    [Fact]
    public async Task An_initial_delay_longer_than_the_maximum_is_capped_by_it()
    {
        var options = Fast with { InitialDelay = TimeSpan.FromSeconds(20), MaxDelay = TimeSpan.FromMilliseconds(50) };
        var (result, _, elapsed) = await Publish(new Hub(), options, 503, 204);
        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Attempts);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"waited the initial delay of 20 s instead of MaxDelay: {elapsed}");
    }

    [Fact]
    public async Task A_shorter_HttpClient_timeout_is_reported_with_its_own_duration()
    {
        var hub = new Hub { Stall = TimeSpan.FromSeconds(30) };
        await using var server = await TestServer.StartAsync(hub.Map);
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        var result = await new WebSubPublisher(http, Fast with { MaxAttempts = 1 }).PublishAsync(new Uri(server.Client.BaseAddress!, "/hub"), Topic);
        Assert.False(result.Succeeded);
        Assert.Contains("no answer within 0.3 s", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(" 5 s", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("he-IL")]
    public async Task Messages_are_culture_invariant(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            // The culture formats what the messages below hold in its own way; they must not.
            Assert.NotEqual("-1234567", (-1234567).ToString(CultureInfo.CurrentCulture));
            var messages = new List<string>
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => Fast with { MaxAttempts = -1234567 }).Message,
                Assert.Throws<ArgumentOutOfRangeException>(() => Fast with { InitialDelay = TimeSpan.FromMilliseconds(-1500) }).Message,
                Assert.Throws<ArgumentOutOfRangeException>(() => Fast with { Timeout = TimeSpan.FromDays(60.5) }).Message,
            };
            var options = Fast with { Timeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 2 };
            var (result, _, _) = await Publish(new Hub { Stall = TimeSpan.FromSeconds(30) }, options);
            messages.Add(result.Error!);
            Assert.Contains("0.3 s", result.Error, StringComparison.Ordinal);
            foreach (var message in messages)
            {
                Assert.True(message.All(c => c < 0x80), $"not ASCII under {culture}: {message}");
            }

            Assert.Contains("-1234567", messages[0], StringComparison.Ordinal);
            Assert.Contains("-00:00:01.5", messages[1], StringComparison.Ordinal);
            Assert.Contains("60.12:00:00", messages[2], StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public async Task Registered_with_AddFeedKitWebSub_the_resilience_handler_retries_and_no_redirect_is_followed()
    {
        var services = new ServiceCollection();
        services.AddFeedKitWebSub(o =>
        {
            o.Retry.Delay = TimeSpan.FromMilliseconds(20);
            o.Retry.UseJitter = false;
        });
        await using var provider = services.BuildServiceProvider();

        var (result, hub, _) = await Publish(new Hub(), _ => provider.GetRequiredService<WebSubPublisher>(), 503, 500, 202);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(3, hub.Received.Count);

        (result, hub, _) = await Publish(new Hub(), _ => provider.GetRequiredService<WebSubPublisher>(), 302, 204);
        Assert.False(result.Succeeded);
        Assert.Equal(HttpStatusCode.Found, result.StatusCode);
        Assert.Contains("redirect to /internal", result.Error, StringComparison.Ordinal);
        Assert.Single(hub.Received);
        Assert.Empty(hub.Internal);
    }

    [Fact]
    public async Task A_resilience_handler_that_gives_up_is_a_failed_result_not_an_exception()
    {
        var services = new ServiceCollection();
        services.AddFeedKitWebSub(o =>
        {
            o.Retry.Delay = TimeSpan.FromMilliseconds(20);
            o.Retry.MaxRetryAttempts = 1;
            o.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(200);
            o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(1);
        });
        await using var provider = services.BuildServiceProvider();
        var (result, hub, elapsed) = await Publish(new Hub { Stall = TimeSpan.FromSeconds(30) }, _ => provider.GetRequiredService<WebSubPublisher>());
        Assert.False(result.Succeeded);
        Assert.Null(result.StatusCode);
        Assert.Contains("Timeout", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, hub.Received.Count);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"the handler's timeouts did not bound the publishing: {elapsed}");
    }

    [Fact]
    public async Task A_hub_that_fails_once_is_retried_by_the_resilience_handler_and_the_ping_is_logged_once()
    {
        var logs = new LogSink();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddFeedKitWebSub(o =>
        {
            o.Retry.Delay = TimeSpan.FromMilliseconds(20);
            o.Retry.UseJitter = false;
        });
        await using var provider = services.BuildServiceProvider();

        var (result, hub, _) = await Publish(new Hub(), _ => provider.GetRequiredService<WebSubPublisher>(), 503, 204);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(2, hub.Received.Count);
        var ping = Assert.Single(logs.Events(FeedKitLog.WebSubPing));
        Assert.Equal(LogLevel.Information, ping.Level);
        Assert.EndsWith("/hub", (string)ping.State["Hub"]!, StringComparison.Ordinal);
        Assert.StartsWith("204", (string)ping.State["Outcome"]!, StringComparison.Ordinal);

        // A hub that refuses: one event, a warning.
        (result, _, _) = await Publish(new Hub(), _ => provider.GetRequiredService<WebSubPublisher>(), 400);
        Assert.False(result.Succeeded);
        Assert.Equal(2, logs.Events(FeedKitLog.WebSubPing).Count());
        Assert.Equal(LogLevel.Warning, logs.Events(FeedKitLog.WebSubPing).Last().Level);
    }
}
