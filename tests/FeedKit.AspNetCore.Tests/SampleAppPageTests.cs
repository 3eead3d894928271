using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FeedKit.AspNetCore.Tests;

/// <summary>The sample app (src/FeedKit.Samples.Web) on Kestrel shows its feed's page to a browser (issue 14).</summary>
public sealed class SampleAppPageTests : IAsyncLifetime
{
    private const string Chrome = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8";
    private static readonly string Seeds = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "seeds"));

    private readonly WebApplicationFactory<Program> _factory = new WebApplicationFactory<Program>()
        .WithWebHostBuilder(b => b.UseSetting("seeds", Seeds));

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

    [Fact]
    public async Task A_browser_opening_the_sample_feed_gets_its_page_and_a_feed_reader_the_feed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/feed");
        request.Headers.TryAddWithoutValidation("Accept", Chrome);
        using var page = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1 id=\"title\">أخبار العالم</h1>", html, StringComparison.Ordinal);
        Assert.Contains("ختام القمة الروسية الأمريكية في جنيف", html, StringComparison.Ordinal);
        Assert.Contains("data-copy=\"https://example.com/feed.rss\"", html, StringComparison.Ordinal);

        using var feed = await _client.GetAsync("/feed");
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
    }
}
