using System.Net;
using System.Net.Http.Headers;
using FeedKit.Model;
using FeedKit.Text;
using Microsoft.AspNetCore.Builder;

namespace FeedKit.AspNetCore.Tests;

/// <summary>
/// RFC 9110 §8.8.3: a strong ETag is unique to one representation, content coding included, so the gzip response of
/// the compression middleware and the identity response carry different ETags, and each ETag's If-None-Match gives
/// a 304 only for its own representation (FeedKit issue 12, defect 9).
/// </summary>
public sealed class CompressedETagTests
{
    private static readonly FeedInfo Info = new()
    {
        Title = "أخبار",
        SiteUrl = new Uri("https://example.com/news/"),
        Language = LanguageTag.Parse("ar"),
        Updated = new DateTimeOffset(2026, 3, 14, 9, 30, 15, TimeSpan.FromHours(3)),
        Authors = [new Author("غرفة الأخبار")],
    };

    private static Article Item(int i) => new()
    {
        Url = new Uri($"https://example.com/news/{i}"),
        Headline = $"الخبر رقم {i}",
        Body = [new Paragraph("فقرة من نص الخبر فيها ما يكفي من الكلمات.")],
        Published = Info.Updated!.Value.AddMinutes(-i),
    };

    private static Task<TestServer> Serve(string? version, bool compression) =>
        TestServer.StartAsync(
            app => app.MapFeed("/feed", (_, _) => ValueTask.FromResult(new FeedSource(new Feed(Info, Enumerable.Range(0, 50).Select(Item))) { Version = version })),
            compression);

    private static async Task<HttpResponseMessage> Get(TestServer server, string path, bool gzip, EntityTagHeaderValue? ifNoneMatch = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        if (gzip)
        {
            request.Headers.AcceptEncoding.ParseAdd("gzip");
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        return await server.Client.SendAsync(request);
    }

    private static bool VariesOnAcceptEncoding(HttpResponseMessage response) =>
        response.Headers.Vary.Any(v => string.Equals(v, "Accept-Encoding", StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData(null, "/feed.atom")]
    [InlineData("v1", "/feed.atom")]
    [InlineData("v1", "/feed.rss")]
    [InlineData("v1", "/feed.json")]
    [InlineData("v1", "/feed")]
    public async Task Gzip_and_identity_responses_have_different_strong_ETags(string? version, string path)
    {
        await using var server = await Serve(version, compression: true);
        using var gzip = await Get(server, path, gzip: true);
        using var identity = await Get(server, path, gzip: false);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Empty(identity.Content.Headers.ContentEncoding);
        Assert.False(gzip.Headers.ETag!.IsWeak);
        Assert.False(identity.Headers.ETag!.IsWeak);
        Assert.NotEqual(identity.Headers.ETag, gzip.Headers.ETag);
        Assert.EndsWith("-gzip\"", gzip.Headers.ETag.Tag, StringComparison.Ordinal);
        Assert.True(VariesOnAcceptEncoding(gzip));
        Assert.True(VariesOnAcceptEncoding(identity), "the identity response of a compressible feed varies on Accept-Encoding too");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("v1")]
    public async Task If_None_Match_answers_304_only_for_its_own_representation(string? version)
    {
        await using var server = await Serve(version, compression: true);
        using var gzip = await Get(server, "/feed.rss", gzip: true);
        using var identity = await Get(server, "/feed.rss", gzip: false);
        var gzipTag = gzip.Headers.ETag!;
        var identityTag = identity.Headers.ETag!;

        using var gzipFresh = await Get(server, "/feed.rss", gzip: true, gzipTag);
        Assert.Equal(HttpStatusCode.NotModified, gzipFresh.StatusCode);
        Assert.Equal(gzipTag, gzipFresh.Headers.ETag);
        Assert.True(VariesOnAcceptEncoding(gzipFresh), "a 304 sends the Vary the 200 would have sent");

        using var gzipWithIdentityTag = await Get(server, "/feed.rss", gzip: true, identityTag);
        Assert.Equal(HttpStatusCode.OK, gzipWithIdentityTag.StatusCode);
        Assert.Equal(["gzip"], gzipWithIdentityTag.Content.Headers.ContentEncoding);
        Assert.Equal(gzipTag, gzipWithIdentityTag.Headers.ETag);

        using var identityFresh = await Get(server, "/feed.rss", gzip: false, identityTag);
        Assert.Equal(HttpStatusCode.NotModified, identityFresh.StatusCode);
        Assert.Equal(identityTag, identityFresh.Headers.ETag);

        using var identityWithGzipTag = await Get(server, "/feed.rss", gzip: false, gzipTag);
        Assert.Equal(HttpStatusCode.OK, identityWithGzipTag.StatusCode);
        Assert.Empty(identityWithGzipTag.Content.Headers.ContentEncoding);
        Assert.Equal(identityTag, identityWithGzipTag.Headers.ETag);
    }

    [Fact]
    public async Task HEAD_with_gzip_sends_the_gzip_ETag()
    {
        await using var server = await Serve("v1", compression: true);
        using var get = await Get(server, "/feed.atom", gzip: true);
        using var head = await Get(server, "/feed.atom", gzip: true, method: HttpMethod.Head);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentEncoding, head.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Without_response_compression_the_ETag_ignores_Accept_Encoding()
    {
        await using var server = await Serve("v1", compression: false);
        using var gzip = await Get(server, "/feed.atom", gzip: true);
        using var identity = await Get(server, "/feed.atom", gzip: false);
        Assert.Empty(gzip.Content.Headers.ContentEncoding);
        Assert.Equal(identity.Headers.ETag, gzip.Headers.ETag);
        Assert.False(VariesOnAcceptEncoding(gzip));
    }
}
