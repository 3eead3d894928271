using FeedKit.Formats;
using FeedKit.Import;
using FeedKit.Model;

namespace FeedKit.Tests.Formats;

/// <summary>
/// Issue 5: writing a feed allocates nothing per article once warm (the benchmark measures the same thing at scale).
/// The fixed cost of a document (writer objects, header) is taken out by writing two feeds that differ only in
/// their number of articles.
/// </summary>
public sealed class AllocationTests
{
    [Theory]
    [InlineData(FeedFormat.Atom)]
    [InlineData(FeedFormat.Rss)]
    [InlineData(FeedFormat.Json)]
    public void Writing_allocates_under_64_bytes_per_article(FeedFormat format)
    {
        var seed = PlainTextArticleReader.ReadFile(TestFeeds.SeedFile);
        Feed Of(int count) => new(
            TestFeeds.Info("ar", "أخبار") with { Updated = TestFeeds.Morning },
            [.. Enumerable.Range(0, count).Select(i => new Article
            {
                Url = new Uri($"https://example.com/news/{i}"),
                Headline = seed.Headline,
                Standfirst = seed.Standfirst,
                Body = seed.Body,
                Tags = ["سياسة", "جنيف"],
                Published = TestFeeds.Morning.AddMinutes(-i),
            })]);
        var small = Of(50);
        var large = Of(550);
        var writer = FeedWriter.Create(format);
        using var output = new MemoryStream();
        long Allocated(Feed feed)
        {
            output.Position = 0;
            var before = GC.GetAllocatedBytesForCurrentThread();
            writer.Write(feed, output);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        for (var i = 0; i < 5; i++)
        {
            Allocated(small);
            Allocated(large);
        }

        var perArticle = (Allocated(large) - Allocated(small)) / 500.0;
        Assert.True(perArticle < 64, $"{format}: {perArticle:F1} bytes allocated per article");
    }
}
