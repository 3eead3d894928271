using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FeedKit.Model;

namespace FeedKit.Archive;

/// <summary>
/// An RFC 5005 archived feed (§4): a long article stream split into a current document, the one readers subscribe
/// to, and archive documents with stable URLs that never change once full.
/// </summary>
/// <remarks>
/// <para>
/// Articles come in publication order, <b>oldest first</b> (the order they were added; FeedKit does not sort them).
/// Archive 1 holds the oldest <c>pageSize</c> articles, archive 2 the next, and so on; the current document holds
/// the newest 1 to <c>pageSize</c> articles. So adding an article changes the current document and, when that fills
/// a page, adds a new archive and gives the previously newest archive its <c>next-archive</c> link: no other
/// archive ever changes. Each article is in exactly one document; each document lists its articles newest first.
/// </para>
/// <para>
/// Links: the current document has <c>prev-archive</c> (the newest archive); each archive has <c>fh:archive</c>,
/// <c>current</c>, <c>prev-archive</c> (older, except archive 1) and <c>next-archive</c> (newer, except the newest).
/// An archive's <c>updated</c> is its newest article's date, never the feed's, so its bytes stay the same.
/// </para>
/// </remarks>
public sealed class FeedArchive
{
    private FeedArchive(Feed current, ImmutableArray<ArchivePage> archives)
    {
        Current = current;
        Archives = archives;
        CurrentVersion = Version(current.Info, current.Articles);
    }

    /// <summary>The current document: the newest articles, linking to the newest archive.</summary>
    public Feed Current { get; }

    /// <summary>A version of <see cref="Current"/>, like <see cref="ArchivePage.Version"/>: it changes whenever the current document does.</summary>
    public string CurrentVersion { get; }

    /// <summary>The archive documents, oldest first (<see cref="ArchivePage.Number"/> 1, 2, …).</summary>
    public ImmutableArray<ArchivePage> Archives { get; }

    /// <summary>Splits an article stream into a current document and archives.</summary>
    /// <param name="info">
    /// What the feed says about itself; its <see cref="FeedInfo.SelfUrl"/> is the current document's URL and is
    /// required. Archives get their own self link and <c>updated</c> date; everything else is the same.
    /// </param>
    /// <param name="oldestFirst">Every article, in publication order, oldest first.</param>
    /// <param name="pageSize">Articles per archive document (at least 1).</param>
    /// <param name="archiveUrl">The stable, absolute URL of archive number <c>n</c> (1 = oldest), e.g. <c>n => new Uri($"https://example.com/feed/archive/{n}.atom")</c>.</param>
    /// <returns>The split feed.</returns>
    public static FeedArchive Create(FeedInfo info, IEnumerable<Article> oldestFirst, int pageSize, Func<int, Uri> archiveUrl)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(oldestFirst);
        ArgumentNullException.ThrowIfNull(archiveUrl);
        if (pageSize < 1)
        {
            // Not ArgumentOutOfRangeException.ThrowIfLessThan: its message formats the value with the current culture.
            throw new ArgumentOutOfRangeException(nameof(pageSize), FormattableString.Invariant($"pageSize must be at least 1; it was {pageSize}."));
        }
        var current = info.SelfUrl ?? throw new ArgumentException("An archived feed needs FeedInfo.SelfUrl: it is the current document's URL, which every archive links to.", nameof(info));
        var articles = oldestFirst.ToList();
        var archiveCount = articles.Count == 0 ? 0 : (articles.Count - 1) / pageSize;
        var urls = Enumerable.Range(1, archiveCount).Select(archiveUrl).ToArray();
        var archives = ImmutableArray.CreateBuilder<ArchivePage>(archiveCount);
        for (var a = 0; a < archiveCount; a++)
        {
            var page = articles.GetRange(a * pageSize, pageSize);
            page.Reverse();
            var history = new FeedHistory
            {
                IsArchive = true,
                Current = current,
                PreviousArchive = a > 0 ? urls[a - 1] : null,
                NextArchive = a < archiveCount - 1 ? urls[a + 1] : null,
            };
            var pageInfo = info with
            {
                SelfUrl = urls[a],
                History = history,
                Updated = Feed.Newest([.. page]),
            };
            archives.Add(new ArchivePage(a + 1, urls[a], new Feed(pageInfo, page), Version(pageInfo, page)));
        }

        var rest = articles.GetRange(archiveCount * pageSize, articles.Count - (archiveCount * pageSize));
        rest.Reverse();
        var currentInfo = archiveCount == 0
            ? info
            : info with { History = (info.History ?? new FeedHistory()) with { PreviousArchive = urls[^1] } };
        return new FeedArchive(new Feed(currentInfo, rest), archives.MoveToImmutable());
    }

    /// <summary>
    /// A version string for a document (see <see cref="ArchivePage.Version"/>): a hash of what the document says
    /// about itself, its links, and each article's id and last change date.
    /// </summary>
    internal static string Version(FeedInfo info, IReadOnlyList<Article> articles)
    {
        var text = new StringBuilder();
        void Line(object? value) => text.Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
        Line(info.Title);
        Line(info.Subtitle);
        Line(info.Id);
        Line(info.SiteUrl);
        Line(info.SelfUrl);
        Line(info.Language);
        Line(info.Direction);
        Line(info.Rights);
        Line(info.IconUrl);
        Line(info.LogoUrl);
        Line(info.Generator);
        Line(info.Updated?.UtcTicks);
        Line(string.Join(",", info.Authors.Select(a => $"{a.Name}<{a.Email}>{a.Url}")));
        Line(string.Join(",", info.Hubs));
        Line(info.History);
        foreach (var article in articles)
        {
            Line(string.Create(CultureInfo.InvariantCulture, $"{article.Id ?? article.Url?.AbsoluteUri} {(article.Updated ?? article.Published).UtcTicks}"));
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexString(hash, 0, 16).ToLowerInvariant();
    }
}

/// <summary>One archive document of a <see cref="FeedArchive"/>.</summary>
/// <param name="Number">Its number: 1 is the oldest.</param>
/// <param name="Url">Its stable URL.</param>
/// <param name="Feed">The document, ready for any writer.</param>
/// <param name="Version">
/// Changes only when the document's content does (an article added, removed or updated; a link or the feed's
/// description changed). Use it as <c>FeedSource.Version</c> in FeedKit.AspNetCore, so a full archive keeps the same
/// ETag for ever and polls are answered with 304 without rendering it.
/// </param>
public sealed record ArchivePage(int Number, Uri Url, Feed Feed, string Version);
