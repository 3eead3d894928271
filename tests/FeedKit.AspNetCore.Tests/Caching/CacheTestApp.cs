using FeedKit.AspNetCore.Caching;
using FeedKit.Model;
using FeedKit.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedKit.AspNetCore.Tests.Caching;

/// <summary>
/// What the feeds are made from, shared by every app instance of a test (the stand-in for a database): publishing
/// raises the edition, which changes the headlines and the version.
/// </summary>
internal sealed class Newsroom
{
    private static readonly DateTimeOffset First = new(2026, 3, 14, 9, 30, 15, TimeSpan.FromHours(3));

    private int _edition = 1;

    public int Edition => Volatile.Read(ref _edition);

    public void Publish() => Interlocked.Increment(ref _edition);

    public Uri? Hub { get; init; }

    public FeedInfo Info => new()
    {
        Title = "أخبار",
        SiteUrl = new Uri("https://example.com/news/"),
        SelfUrl = new Uri("https://example.com/feed.atom"),
        Language = LanguageTag.Parse("ar"),
        Authors = [new Author("غرفة الأخبار")],
        Hubs = Hub is null ? [] : [Hub],
    };

    public FeedSource Source()
    {
        var edition = Edition;
        var updated = First.AddHours(edition);
        var articles = Enumerable.Range(0, 20).Select(i => new Article
        {
            Url = new Uri($"https://example.com/news/{edition}/{i}"),
            Headline = $"الخبر رقم {i} من الإصدار {edition}",
            Body = [new Paragraph("فقرة من نص الخبر فيها ما يكفي من الكلمات.")],
            Published = updated.AddMinutes(-i),
        });
        return new FeedSource(new Feed(Info with { Updated = updated }, articles)) { Version = "edition-" + edition };
    }
}

/// <summary>
/// One app instance on a real Kestrel server (127.0.0.1, a free port) that maps <c>/feed</c> and <c>/other</c> from a
/// <see cref="Newsroom"/> with <c>CacheOutput()</c>, counting how often each feed's source is called (a call = a
/// render, so a count that stays put means the response came from the cache).
/// </summary>
internal sealed class CacheTestApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _feedCalls;
    private int _otherCalls;

    private CacheTestApp(WebApplication app, Newsroom newsroom)
    {
        _app = app;
        Newsroom = newsroom;
    }

    public Newsroom Newsroom { get; }

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    /// <summary>How many times <c>/feed</c>'s source was called.</summary>
    public int FeedCalls => Volatile.Read(ref _feedCalls);

    public int OtherCalls => Volatile.Read(ref _otherCalls);

    /// <param name="newsroom">The shared data.</param>
    /// <param name="cache">null: no output caching at all; otherwise how the output cache is registered.</param>
    /// <param name="compression">Response compression for the feed types, in front of the output cache.</param>
    /// <param name="compressionInside">Response compression behind the output cache instead (compressed bytes are stored).</param>
    /// <param name="services">More services (a Redis store, WebSub).</param>
    /// <param name="map">More endpoints.</param>
    public static async Task<CacheTestApp> StartAsync(
        Newsroom newsroom,
        Action<IServiceCollection>? cache,
        bool compression = false,
        bool compressionInside = false,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        services?.Invoke(builder.Services);
        cache?.Invoke(builder.Services);
        compression |= compressionInside;
        if (compression)
        {
            builder.Services.AddResponseCompression(o => o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(FeedFormats.All.Select(f => f.MediaType)));
        }

        var app = builder.Build();
        var test = new CacheTestApp(app, newsroom);
        if (compression && !compressionInside)
        {
            app.UseResponseCompression();
        }

        if (cache is not null)
        {
            app.UseOutputCache();
        }

        if (compressionInside)
        {
            app.UseResponseCompression();
        }

        var feed = app.MapFeed("/feed", (_, _) =>
        {
            Interlocked.Increment(ref test._feedCalls);
            return ValueTask.FromResult(newsroom.Source());
        });
        var other = app.MapFeed("/other", (_, _) =>
        {
            Interlocked.Increment(ref test._otherCalls);
            return ValueTask.FromResult(newsroom.Source());
        });
        if (cache is not null)
        {
            feed.CacheOutput();
            other.CacheOutput();
        }

        map?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        test.Client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None })
        {
            BaseAddress = new Uri(address),
            Timeout = TimeSpan.FromSeconds(60),
        };
        return test;
    }

    /// <summary>The FeedKit way: <c>AddOutputCache(o => o.AddFeedKitPolicy())</c>, in memory.</summary>
    public static void FeedKitPolicy(IServiceCollection services) => services.AddOutputCache(o => o.AddFeedKitPolicy());

    public async Task<Response> GetAsync(string path, string? accept = null, bool gzip = false, string? ifNoneMatch = null, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (gzip)
        {
            request.Headers.AcceptEncoding.ParseAdd("gzip");
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        if (host is not null)
        {
            request.Headers.Host = host;
        }

        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return new Response(
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            response.Headers.ETag?.ToString(),
            string.Join(",", response.Content.Headers.ContentEncoding),
            body);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record Response(int Status, string? MediaType, string? ETag, string ContentEncoding, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}
