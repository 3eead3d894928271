using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using FeedKit.Model;
using FeedKit.Text;
using Microsoft.AspNetCore.Builder;

namespace FeedKit.AspNetCore.Tests;

/// <summary>
/// <c>MapArchivedFeed</c>: an RFC 5005 archived feed over HTTP. Full archives keep their ETag when articles are added,
/// so a conditional request for one is answered 304; the current document's ETag changes.
/// </summary>
public sealed class ArchivedFeedEndpointTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static readonly FeedInfo Info = new()
    {
        Title = "أرشيف",
        SiteUrl = new Uri("https://example.com/"),
        Language = LanguageTag.Parse("ar"),
        Authors = [new Author("غرفة الأخبار")],
    };

    private static Article Item(int i) => new()
    {
        Url = new Uri($"https://example.com/news/{i}"),
        Headline = $"الخبر رقم {i}",
        Standfirst = "ملخص قصير.",
        Published = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i),
    };

    private sealed class Store
    {
        public int Count { get; set; }

        public async IAsyncEnumerable<Article> OldestFirst()
        {
            await Task.Yield();
            for (var i = 0; i < Count; i++)
            {
                yield return Item(i);
            }
        }
    }

    private static async Task<(HttpStatusCode Status, EntityTagHeaderValue? ETag, string Body, HttpResponseMessage Response)> Get(HttpClient client, string path, EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        var response = await client.SendAsync(request);
        return (response.StatusCode, response.Headers.ETag, await response.Content.ReadAsStringAsync(), response);
    }

    [Fact]
    public async Task Full_archives_keep_their_etag_and_answer_304_while_the_current_document_changes()
    {
        var store = new Store { Count = 25 };
        await using var server = await TestServer.StartAsync(app => app.MapArchivedFeed("/feed", Info, _ => store.OldestFirst(), pageSize: 10));

        var archive1 = await Get(server.Client, "/feed/archive/1.atom");
        Assert.Equal(HttpStatusCode.OK, archive1.Status);
        Assert.Equal("public, max-age=86400", archive1.Response.Headers.CacheControl!.ToString());
        var root = XDocument.Parse(archive1.Body).Root!;
        string? Link(XElement feed, string rel) => feed.Elements(Atom + "link").SingleOrDefault(l => (string?)l.Attribute("rel") == rel)?.Attribute("href")?.Value;
        Assert.Equal("https://example.com/feed/archive/1.atom", Link(root, "self"));
        Assert.Equal("https://example.com/feed.atom", Link(root, "current"));
        Assert.Equal("https://example.com/feed/archive/2.atom", Link(root, "next-archive"));
        Assert.Equal(10, root.Elements(Atom + "entry").Count());

        var current = await Get(server.Client, "/feed.atom");
        Assert.Equal("https://example.com/feed/archive/2.atom", Link(XDocument.Parse(current.Body).Root!, "prev-archive"));
        var rss = await Get(server.Client, "/feed/archive/2.rss");
        Assert.Contains("href=\"https://example.com/feed/archive/1.rss\"", rss.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Get(server.Client, "/feed/archive/3.atom")).Status);

        // New articles: archive 1 stays the same document with the same ETag; the current one changes.
        store.Count = 29;
        var again = await Get(server.Client, "/feed/archive/1.atom", archive1.ETag);
        Assert.Equal(HttpStatusCode.NotModified, again.Status);
        Assert.Equal(archive1.ETag, again.ETag);
        var currentAgain = await Get(server.Client, "/feed.atom", current.ETag);
        Assert.Equal(HttpStatusCode.OK, currentAgain.Status);
        Assert.NotEqual(current.ETag, currentAgain.ETag);

        // Page 3 fills: archive 3 appears; archive 2 gains its next-archive link (its ETag changes once); archive 1 does not change.
        var archive2 = await Get(server.Client, "/feed/archive/2.atom");
        store.Count = 31;
        Assert.Equal(HttpStatusCode.NotModified, (await Get(server.Client, "/feed/archive/1.atom", archive1.ETag)).Status);
        var archive2After = await Get(server.Client, "/feed/archive/2.atom", archive2.ETag);
        Assert.Equal(HttpStatusCode.OK, archive2After.Status);
        Assert.Equal("https://example.com/feed/archive/3.atom", Link(XDocument.Parse(archive2After.Body).Root!, "next-archive"));
        Assert.Equal(HttpStatusCode.OK, (await Get(server.Client, "/feed/archive/3.json")).Status);
    }
}
