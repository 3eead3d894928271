using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using FeedKit.Model;
using FeedKit.Podcasts;
using Microsoft.AspNetCore.Builder;

namespace FeedKit.AspNetCore.Tests.Podcasts;

/// <summary>
/// A podcast served by MapFeed as docs/podcasts.md shows it: RSS when the request leaves the format open (podcast apps
/// send no Accept or <c>*/*</c>), every format by its extension.
/// </summary>
public sealed class PodcastEndpointTests
{
    private static readonly XNamespace Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";

    private static Feed Show() => new(
        new FeedInfo
        {
            Title = "بودكاست المدينة",
            SiteUrl = new Uri("https://podcasts.example.com/city/"),
            SelfUrl = new Uri("https://podcasts.example.com/city/feed"),
            Language = "ar",
            Authors = [new Author("ليلى") { Email = "layla@example.com" }],
            Extensions =
            [
                new PodcastShow
                {
                    Owner = new PodcastOwner("ليلى", "layla@example.com"),
                    Artwork = new Uri("https://podcasts.example.com/city/cover.jpg"),
                    Categories = [new PodcastCategory("News") { Subcategory = "Daily News" }],
                },
            ],
        },
        [
            new Article
            {
                Id = "tag:podcasts.example.com,2026:city/1",
                Url = new Uri("https://podcasts.example.com/city/1"),
                Headline = "الحلقة الأولى",
                Body = [new Paragraph("ملاحظات الحلقة.")],
                Published = new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.FromHours(3)),
                Media = [new MediaAttachment(new Uri("https://cdn.example.com/city/1.mp3"), "audio/mpeg") { Length = 1000, Duration = TimeSpan.FromMinutes(20) }],
                Extensions = [new PodcastEpisode { Number = 1 }],
            },
        ]);

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("application/rss+xml, application/xml;q=0.9, */*;q=0.8")]
    public async Task A_podcast_app_gets_rss_with_the_itunes_tags(string? accept)
    {
        await using var server = await TestServer.StartAsync(app => app.MapFeed("/city/feed", () => Show(), new FeedEndpointOptions { DefaultFormat = FeedFormat.Rss, BrowserPage = false }));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/city/feed");
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var channel = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("channel")!;
        Assert.Equal("News", (string?)channel.Element(Itunes + "category")?.Attribute("text"));
        Assert.Equal("1200", channel.Element("item")?.Element(Itunes + "duration")?.Value);
    }

    [Fact]
    public async Task Without_the_option_an_open_request_gets_atom_which_no_podcast_app_reads_and_a_warning_is_logged_once()
    {
        // Why docs/podcasts.md sets DefaultFormat: the application's default format is Atom.
        using var logs = new LogSink();
        await using var server = await TestServer.StartAsync(app => app.MapFeed("/city/feed", () => Show()), logs: logs);
        for (var i = 0; i < 2; i++)
        {
            using var response = await server.Client.GetAsync("/city/feed");
            Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("itunes:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var warning = Assert.Single(logs.Events(FeedKitLog.PodcastNotRss));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("The podcast /city/feed was sent as Atom", warning.Message, StringComparison.Ordinal);
        Assert.Contains("set DefaultFormat to Rss", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/city/feed", "application/atom+xml", false)]
    [InlineData("/city/feed.atom", null, false)]
    [InlineData("/city/feed", null, true)]
    public async Task No_warning_when_atom_was_asked_for_or_rss_is_the_default(string path, string? accept, bool rssDefault)
    {
        using var logs = new LogSink();
        var options = rssDefault ? new FeedEndpointOptions { DefaultFormat = FeedFormat.Rss } : null;
        await using var server = await TestServer.StartAsync(app => app.MapFeed("/city/feed", () => Show(), options), logs: logs);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // FeedRendered is logged after the body is sent, so the client can have it first; the warning would come
        // before rendering, so once FeedRendered is there, no warning means none was logged.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!logs.Events(FeedKitLog.FeedRendered).Any())
        {
            await Task.Delay(10, timeout.Token);
        }

        Assert.Empty(logs.Events(FeedKitLog.PodcastNotRss));
    }

    [Fact]
    public async Task The_bare_path_and_the_rss_address_give_the_same_podcast_guid()
    {
        // podcast:guid is derived from the feed's self link; MapFeed writes the .rss address there whichever address
        // was asked, and takes the host from the feed's site (not the request's Host header).
        XNamespace podcast = "https://podcastindex.org/namespace/1.0";
        await using var server = await TestServer.StartAsync(app => app.MapFeed("/city/feed", () => Show(), new FeedEndpointOptions { DefaultFormat = FeedFormat.Rss }));
        var guids = new List<string>();
        foreach (var path in new[] { "/city/feed", "/city/feed.rss" })
        {
            var channel = XDocument.Parse(await server.Client.GetStringAsync(path)).Root!.Element("channel")!;
            guids.Add(channel.Element(podcast + "guid")!.Value);
            Assert.Equal("https://podcasts.example.com/city/feed.rss", (string?)channel.Elements().First(e => e.Name.LocalName == "link" && e.Name.Namespace != XNamespace.None).Attribute("href"));
        }

        Assert.Equal(guids[0], guids[1]);
        Assert.Equal(PodcastGuid.FromFeedUrl(new Uri("https://podcasts.example.com/city/feed.rss")).ToString(), guids[0]);
    }

    [Fact]
    public async Task The_other_formats_stay_at_their_extensions()
    {
        await using var server = await TestServer.StartAsync(app => app.MapFeed("/city/feed", () => Show(), new FeedEndpointOptions { DefaultFormat = FeedFormat.Rss }));
        using var atom = await server.Client.GetAsync("/city/feed.atom");
        Assert.Equal("application/atom+xml", atom.Content.Headers.ContentType?.MediaType);
        Assert.Contains("rel=\"enclosure\"", await atom.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var json = await server.Client.GetAsync("/city/feed.json");
        Assert.Contains("\"duration_in_seconds\": 1200", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
