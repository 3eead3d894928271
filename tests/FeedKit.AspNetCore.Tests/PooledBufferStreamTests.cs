using System.Security.Cryptography;
using FeedKit.AspNetCore;
using FeedKit.Formats;
using FeedKit.Model;
using FeedKit.Validation;
using Xunit;

namespace FeedKit.AspNetCore.Tests;

/// <summary>The pooled buffer a feed is rendered into before it is sent: same bytes as a MemoryStream, rollback included.</summary>
public sealed class PooledBufferStreamTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(65_535)]
    [InlineData(65_536)]
    [InlineData(65_537)]
    [InlineData(300_001)]
    public async Task Writes_across_chunks_give_the_same_bytes_hash_and_length_as_a_MemoryStream(int size)
    {
        var data = new byte[size];
        new Random(size).NextBytes(data);
        using var pooled = new PooledBufferStream();
        // Uneven pieces, so writes straddle chunk boundaries.
        for (int offset = 0, piece = 1; offset < size; offset += piece, piece = piece * 3 % 70_001 + 1)
        {
            pooled.Write(data, offset, Math.Min(piece, size - offset));
        }

        Assert.Equal(size, pooled.Length);
        Assert.Equal(SHA256.HashData(data), pooled.Sha256());
        using var sent = new MemoryStream();
        await pooled.SendToAsync(sent, CancellationToken.None);
        Assert.Equal(data, sent.ToArray());
    }

    [Fact]
    public async Task Cutting_back_and_writing_again_behaves_as_a_MemoryStream()
    {
        var random = new Random(7);
        using var pooled = new PooledBufferStream();
        using var reference = new MemoryStream();
        for (var step = 0; step < 200; step++)
        {
            var data = new byte[random.Next(1, 40_000)];
            random.NextBytes(data);
            foreach (var stream in new Stream[] { pooled, reference })
            {
                stream.Write(data);
            }

            if (step % 3 == 0)
            {
                var cut = random.NextInt64(0, reference.Length + 1);
                foreach (var stream in new Stream[] { pooled, reference })
                {
                    stream.SetLength(cut);
                    stream.Position = cut;
                }
            }
        }

        using var sent = new MemoryStream();
        await pooled.SendToAsync(sent, CancellationToken.None);
        Assert.Equal(reference.ToArray(), sent.ToArray());
    }

    [Fact]
    public async Task Growing_past_the_end_fills_with_zeros_not_old_pool_bytes()
    {
        using (var dirty = new PooledBufferStream())
        {
            dirty.Write(Enumerable.Repeat((byte)0xAB, 200_000).ToArray());
        }

        using var pooled = new PooledBufferStream();
        pooled.Write([1, 2, 3]);
        pooled.SetLength(150_000);
        pooled.Position = 150_000;
        pooled.Write([4]);
        using var sent = new MemoryStream();
        await pooled.SendToAsync(sent, CancellationToken.None);
        var bytes = sent.ToArray();
        Assert.Equal(150_001, bytes.Length);
        Assert.Equal(new byte[] { 1, 2, 3 }, bytes[..3]);
        Assert.All(bytes[3..150_000], b => Assert.Equal(0, b));
        Assert.Equal(4, bytes[^1]);
    }

    [Fact]
    public async Task A_feed_written_into_it_is_the_writers_bytes()
    {
        var site = new Uri("https://example.com/");
        var articles = Enumerable.Range(0, 40).Select(i => new Article
        {
            Url = new Uri(site, $"a{i}"),
            Headline = "مقال " + i + new string('ب', 3000),
            Published = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i),
            Body = [new Paragraph(new string('ن', 2000))],
        }).ToList();
        var feed = new Feed(new FeedInfo { Title = "عنوان", SiteUrl = site, Language = "ar", Authors = [new Author("غرفة الأخبار")] }, articles);
        foreach (var format in new[] { FeedFormat.Atom, FeedFormat.Rss, FeedFormat.Json })
        {
            var writer = FeedWriter.Create(format);
            using var pooled = new PooledBufferStream();
            writer.Write(feed, pooled);
            using var sent = new MemoryStream();
            await pooled.SendToAsync(sent, CancellationToken.None);
            Assert.True(sent.Length > 65_536 * 2);
            Assert.Equal(writer.WriteToBytes(feed), sent.ToArray());

            // An error late in the feed: the writer cuts its one pass back to where it started.
            var bad = new Feed(feed.Info, articles.Select((a, i) => i == 35 ? a with { Headline = " " } : a).ToList());
            using var failed = new PooledBufferStream();
            failed.Write([42]);
            Assert.Throws<FeedValidationException>(() => writer.Write(bad, failed));
            Assert.Equal(1, failed.Length);
        }
    }
}
