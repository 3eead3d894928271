using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using FeedKit.Formats;
using FeedKit.Formats.Atom;
using FeedKit.Formats.Json;
using FeedKit.Formats.Rss;
using FeedKit.Validation;
using FeedKit.Model;

namespace FeedKit.Tests.Formats;

public sealed class StreamingTests
{
    public static TheoryData<string> Formats => ["atom", "rss", "json"];

    private static FeedWriter Writer(string format) => format switch
    {
        "atom" => new AtomFeedWriter(),
        "rss" => new RssFeedWriter(),
        _ => new JsonFeedWriter(),
    };

    private static Article Item(int i) => TestFeeds.Article(
        $"items/{i}",
        $"الخبر رقم {i}",
        "ملخص قصير للخبر.",
        new Paragraph("فقرة أولى من نص الخبر، وفيها ما يكفي من الكلمات ليكون للنص حجم معقول."),
        new Subheading("عنوان فرعي"),
        new Paragraph("فقرة ثانية.")) with { Published = TestFeeds.Morning.AddMinutes(-i) };

    private static FeedInfo Info => TestFeeds.Info("ar", "أخبار") with { Updated = TestFeeds.Morning };

    private static async IAsyncEnumerable<Article> Items(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (i % 100 == 0)
            {
                await Task.Yield();
            }

            yield return Item(i);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Streams_the_same_bytes_as_Write_with_asynchronous_writes_only(string format)
    {
        const int count = 10_000;
        using var expected = new MemoryStream();
        Writer(format).Write(new Feed(Info, Enumerable.Range(0, count).Select(Item)), expected);

        var target = new AsyncOnlyStream();
        await Writer(format).WriteAsync(new Feed(Info, Items(count)), target);

        Assert.True(target.AsyncWrites > 10, $"only {target.AsyncWrites} writes: the feed was not streamed");
        Assert.True(target.LargestWrite < 256 * 1024, $"a single write of {target.LargestWrite} bytes: the feed was buffered");
        Assert.Equal(expected.ToArray(), target.ToArray());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Streams_to_a_PipeWriter(string format)
    {
        using var expected = new MemoryStream();
        Writer(format).Write(new Feed(Info, Enumerable.Range(0, 500).Select(Item)), expected);

        var pipe = new Pipe();
        var reading = Task.Run(async () =>
        {
            using var received = new MemoryStream();
            await pipe.Reader.CopyToAsync(received);
            return received.ToArray();
        });
        await Writer(format).WriteAsync(new Feed(Info, Items(500)), pipe.Writer);
        await pipe.Writer.CompleteAsync();
        Assert.Equal(expected.ToArray(), await reading);
    }

    [Fact]
    public async Task Streaming_needs_an_explicit_updated_date_and_writes_nothing_without_it()
    {
        var target = new AsyncOnlyStream();
        var error = await Assert.ThrowsAsync<FeedValidationException>(() => new AtomFeedWriter().WriteAsync(new Feed(Info with { Updated = null }, Items(3)), target));
        Assert.Equal("feed.Updated", Assert.Single(error.Problems).Path.ToString());
        Assert.Equal(0, target.Length);
    }

    [Fact]
    public async Task A_bad_article_stops_the_stream_naming_it()
    {
        async IAsyncEnumerable<Article> WithBadThird()
        {
            await Task.Yield();
            yield return Item(0);
            yield return Item(1);
            yield return Item(2) with { Url = null };
        }

        var error = await Assert.ThrowsAsync<FeedValidationException>(() => new RssFeedWriter().WriteAsync(new Feed(Info, WithBadThird()), new AsyncOnlyStream()));
        Assert.Equal("articles[2].Id", Assert.Single(error.Problems).Path.ToString());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task WriteToFileAsync_writes_the_whole_feed(string format)
    {
        var directory = Directory.CreateTempSubdirectory("feedkit-stream-");
        try
        {
            var path = Path.Combine(directory.FullName, "feed." + format);
            await Writer(format).WriteToFileAsync(new Feed(Info, Items(1000)), path);
            using var expected = new MemoryStream();
            Writer(format).Write(new Feed(Info, Enumerable.Range(0, 1000).Select(Item)), expected);
            Assert.Equal(expected.ToArray(), await File.ReadAllBytesAsync(path));
            Assert.Single(directory.GetFiles());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Cancelling_mid_feed_stops_promptly_and_leaves_the_old_file_in_place()
    {
        var directory = Directory.CreateTempSubdirectory("feedkit-stream-");
        try
        {
            var path = Path.Combine(directory.FullName, "feed.atom");
            await File.WriteAllTextAsync(path, "previous feed");
            using var cancellation = new CancellationTokenSource();
            var produced = 0;

            async IAsyncEnumerable<Article> CancelAfter500([EnumeratorCancellation] CancellationToken token = default)
            {
                await foreach (var article in Items(100_000, token))
                {
                    if (++produced == 500)
                    {
                        await cancellation.CancelAsync();
                    }

                    yield return article;
                }
            }

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new AtomFeedWriter().WriteToFileAsync(new Feed(Info, CancelAfter500()), path, cancellation.Token));
            Assert.InRange(produced, 500, 502);
            Assert.Equal("previous feed", await File.ReadAllTextAsync(path));
            Assert.Equal(["feed.atom"], directory.GetFiles().Select(f => f.Name));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_failed_stream_to_a_new_file_leaves_no_file()
    {
        var directory = Directory.CreateTempSubdirectory("feedkit-stream-");
        try
        {
            async IAsyncEnumerable<Article> FailsAfter10()
            {
                await foreach (var article in Items(10))
                {
                    yield return article;
                }

                throw new IOException("the database went away");
            }

            var path = Path.Combine(directory.FullName, "feed.rss");
            await Assert.ThrowsAsync<IOException>(() => new RssFeedWriter().WriteToFileAsync(new Feed(Info, FailsAfter10()), path));
            Assert.Empty(directory.GetFiles());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>A stream that, like ASP.NET Core's response body, refuses synchronous I/O.</summary>
    private sealed class AsyncOnlyStream : Stream
    {
        private readonly MemoryStream _inner = new();

        public int AsyncWrites { get; private set; }

        public int LargestWrite { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _inner.Length;

        public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }

        public byte[] ToArray() => _inner.ToArray();

        public override void Write(byte[] buffer, int offset, int count) =>
            throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void Flush() =>
            throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            AsyncWrites++;
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            _inner.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
