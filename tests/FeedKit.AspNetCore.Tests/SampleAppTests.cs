using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FeedKit.AspNetCore.Tests;

/// <summary>
/// The sample app (src/FeedKit.Samples.Web) as it is configured, response compression included, on a real Kestrel
/// server with a real HttpClient: its gzip and identity feeds carry different ETags, and each ETag's
/// If-None-Match gives a 304 only for its own representation (issue 12, defect 9: "add this regression test").
/// </summary>
public sealed class SampleAppTests : IAsyncLifetime
{
    private static readonly string Seeds = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "seeds"));

    private readonly WebApplicationFactory<Program> _factory = new WebApplicationFactory<Program>()
        .WithWebHostBuilder(b => b.UseSetting("seeds", Seeds));

    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        // A real Kestrel server on a free port of 127.0.0.1 (ASP.NET Core 10), not the in-memory TestServer.
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

    private async Task<HttpResponseMessage> Get(string path, bool gzip, EntityTagHeaderValue? ifNoneMatch = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        if (gzip)
        {
            request.Headers.AcceptEncoding.ParseAdd("gzip");
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        return await _client.SendAsync(request);
    }

    [Theory]
    [InlineData("/feed.atom")]
    [InlineData("/feed.rss")]
    [InlineData("/feed.json")]
    public async Task Gzip_and_identity_feeds_have_their_own_ETags(string path)
    {
        Assert.True(Directory.Exists(Seeds), Seeds);
        Assert.Equal("127.0.0.1", _client.BaseAddress!.Host);
        using var gzip = await Get(path, gzip: true);
        using var identity = await Get(path, gzip: false);
        Assert.Equal(HttpStatusCode.OK, gzip.StatusCode);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Empty(identity.Content.Headers.ContentEncoding);
        Assert.NotEqual(identity.Headers.ETag, gzip.Headers.ETag);

        using var gzip304 = await Get(path, gzip: true, gzip.Headers.ETag);
        using var gzipWithIdentityTag = await Get(path, gzip: true, identity.Headers.ETag);
        using var identity304 = await Get(path, gzip: false, identity.Headers.ETag);
        using var identityWithGzipTag = await Get(path, gzip: false, gzip.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, gzip304.StatusCode);
        Assert.Equal(HttpStatusCode.OK, gzipWithIdentityTag.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, identity304.StatusCode);
        Assert.Equal(HttpStatusCode.OK, identityWithGzipTag.StatusCode);
        Assert.Empty(identityWithGzipTag.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task The_sample_serves_a_feed_per_tag_and_404_for_an_unknown_tag()
    {
        using var atom = await Get("/tags/" + Uri.EscapeDataString("قمة جنيف") + "/feed.atom", gzip: false);
        Assert.Equal(HttpStatusCode.OK, atom.StatusCode);
        var body = await atom.Content.ReadAsStringAsync();
        Assert.Contains("<title>أخبار العالم: قمة جنيف</title>", body, StringComparison.Ordinal);
        Assert.Contains("<entry", body, StringComparison.Ordinal);
        Assert.Equal(["nosniff"], atom.Headers.GetValues("X-Content-Type-Options"));

        using var rss = await Get("/tags/" + Uri.EscapeDataString("روسيا") + "/feed", gzip: false, accept: "application/rss+xml");
        Assert.Equal("application/rss+xml", rss.Content.Headers.ContentType!.MediaType);
        using var unknown = await Get("/tags/nothing/feed.atom", gzip: false);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
