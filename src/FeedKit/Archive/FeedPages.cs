using System.Collections.Immutable;
using FeedKit.Model;

namespace FeedKit.Archive;

/// <summary>
/// An RFC 5005 paged feed (§3): a feed split into pages linked with <c>first</c>, <c>last</c>, <c>previous</c> and
/// <c>next</c>. Page 1 holds the newest articles. Unlike archives, every page shifts when an article is added, so
/// readers may see an article twice or miss one; use <see cref="FeedArchive"/> for complete, stable history.
/// </summary>
public static class FeedPages
{
    /// <summary>Splits articles in feed order (newest first) into pages.</summary>
    /// <param name="info">What the feed says about itself; each page gets its own self link.</param>
    /// <param name="newestFirst">The articles, in feed order.</param>
    /// <param name="pageSize">Articles per page (at least 1).</param>
    /// <param name="pageUrl">The absolute URL of page <c>n</c> (1 = newest); page 1 is usually the feed's own URL.</param>
    /// <returns>The pages, first to last; one empty page when there are no articles.</returns>
    public static ImmutableArray<FeedPage> Create(FeedInfo info, IEnumerable<Article> newestFirst, int pageSize, Func<int, Uri> pageUrl)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(newestFirst);
        ArgumentNullException.ThrowIfNull(pageUrl);
        if (pageSize < 1)
        {
            // Not ArgumentOutOfRangeException.ThrowIfLessThan: its message formats the value with the current culture.
            throw new ArgumentOutOfRangeException(nameof(pageSize), FormattableString.Invariant($"pageSize must be at least 1; it was {pageSize}."));
        }
        var chunks = newestFirst.Chunk(pageSize).ToList();
        if (chunks.Count == 0)
        {
            chunks.Add([]);
        }

        var urls = Enumerable.Range(1, chunks.Count).Select(pageUrl).ToArray();
        var pages = ImmutableArray.CreateBuilder<FeedPage>(chunks.Count);
        for (var p = 0; p < chunks.Count; p++)
        {
            var history = (info.History ?? new FeedHistory()) with
            {
                First = urls[0],
                Last = urls[^1],
                Previous = p > 0 ? urls[p - 1] : null,
                Next = p < chunks.Count - 1 ? urls[p + 1] : null,
            };
            pages.Add(new FeedPage(p + 1, urls[p], new Feed(info with { SelfUrl = urls[p], History = history }, chunks[p])));
        }

        return pages.MoveToImmutable();
    }
}

/// <summary>One page of a paged feed.</summary>
/// <param name="Number">Its number: 1 is the newest.</param>
/// <param name="Url">Its URL.</param>
/// <param name="Feed">The document, ready for any writer.</param>
public sealed record FeedPage(int Number, Uri Url, Feed Feed);
