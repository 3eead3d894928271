using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FeedKit.AspNetCore.Tests.Caching;

/// <summary>
/// The sample app with <c>--cache memory</c> and <c>--items 50</c> (what bench/http/run serves) on a real Kestrel
/// server: each negotiated format gets its own cached body, the cached bytes are those of the uncached
/// fixed-format path with the same ETag.
/// </summary>
public sealed class SampleAppCacheTests : IAsyncLifetime
{
    private static readonly string Seeds = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "seeds"));

    private readonly WebApplicationFactory<Program> _factory = new WebApplicationFactory<Program>()
        .WithWebHostBuilder(b => b.UseSetting("seeds", Seeds).UseSetting("cache", "memory").UseSetting("items", "50"));

    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri(address) };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<(string? MediaType, string? ETag, string Body)> Get(string path, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Content.Headers.ContentType?.MediaType, response.Headers.ETag?.ToString(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_cached_sample_serves_each_format_its_own_body()
    {
        var json = await Get("/feed", "application/feed+json");
        var atom = await Get("/feed", "application/atom+xml");
        var jsonAgain = await Get("/feed", "application/feed+json");
        Assert.Equal("application/feed+json", json.MediaType);
        Assert.Equal("application/atom+xml", atom.MediaType);
        Assert.Equal(json, jsonAgain);
        Assert.Equal(50, System.Text.RegularExpressions.Regex.Count(atom.Body, "<entry[ >]"));
        Assert.Equal((await Get("/feed.json")).Body, json.Body);
        Assert.Equal((await Get("/feed.atom")).ETag, atom.ETag);
    }

    [Fact]
    public async Task The_cached_sample_serves_each_tag_and_format_its_own_body()
    {
        // With the cache on, each tag's feed (its title names the tag) and each format stays its own entry, and an
        // unknown tag stays 404 (never a stored feed).
        var bodies = new Dictionary<string, string>();
        foreach (var tag in new[] { "روسيا", "قمة جنيف" })
        {
            var path = "/tags/" + Uri.EscapeDataString(tag) + "/feed";
            var atom = await Get(path + ".atom");
            var json = await Get(path, "application/feed+json");
            Assert.Equal("application/atom+xml", atom.MediaType);
            Assert.Equal("application/feed+json", json.MediaType);
            Assert.Contains("<title>أخبار العالم: " + tag + "</title>", atom.Body, StringComparison.Ordinal);
            Assert.Equal(atom, await Get(path + ".atom"));
            Assert.Equal(json, await Get(path, "application/feed+json"));
            Assert.Equal((await Get(path + ".json")).Body, json.Body);
            bodies[tag + " atom"] = atom.Body;
            bodies[tag + " json"] = json.Body;
        }

        Assert.Equal(4, bodies.Values.Distinct(StringComparer.Ordinal).Count());
        for (var i = 0; i < 2; i++)
        {
            using var unknown = await _client.GetAsync("/tags/none/feed.atom");
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
    }
}
