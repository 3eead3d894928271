using System.Buffers;
using System.Collections.Immutable;
using FeedKit.Html;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Formats;

/// <summary>
/// A feed after validation and resolution: ids, dates, languages and directions worked out, texts guarded.
/// Writers read only this, so every format says the same thing. The articles live in a pooled array, returned by
/// <see cref="Dispose"/>, so that writing a feed allocates nothing per article.
/// </summary>
internal sealed class NormalizedFeed : IDisposable
{
    private NormalizedArticle[] _articles;
    private int _count;

    public NormalizedFeed(int capacity)
    {
        _articles = capacity == 0 ? [] : ArrayPool<NormalizedArticle>.Shared.Rent(capacity);
    }

    /// <summary>What the feed says about itself; set once every article has been checked.</summary>
    public NormalizedHeader Header { get; set; } = null!;

    /// <summary>The articles, in feed order.</summary>
    public ReadOnlySpan<NormalizedArticle> Articles => _articles.AsSpan(0, _count);

    public void Add(in NormalizedArticle article) => _articles[_count++] = article;

    public void Dispose()
    {
        if (_articles.Length > 0)
        {
            ArrayPool<NormalizedArticle>.Shared.Return(_articles, clearArray: true);
            _articles = [];
            _count = 0;
        }
    }
}

/// <summary>What the feed says about itself, resolved.</summary>
internal sealed record NormalizedHeader(
    FeedInfo Info,
    string Id,
    string Title,
    string? Subtitle,
    DateTimeOffset Updated,
    LanguageTag? Language,
    TextDirection Direction);

/// <summary>
/// One article, resolved. A value, so that resolving an article allocates nothing when its input was clean; the HTML
/// of its summary and content is rendered by the writers, straight into their output (see <see cref="ArticleHtml"/>).
/// </summary>
/// <param name="Source">The article, with its texts cleaned (the same instance when nothing needed cleaning).</param>
/// <param name="Id">Its id: the given one, or its URL.</param>
/// <param name="IdIsUrl">Whether the id is the article's URL (RSS <c>isPermaLink</c>).</param>
/// <param name="Headline">The headline, guarded.</param>
/// <param name="Standfirst">The standfirst, guarded; null when there is none.</param>
/// <param name="SummaryText">
/// The text of the HTML summary: the guarded standfirst or, for RSS (which wants a description before
/// <c>content:encoded</c>), the first paragraph when there is no standfirst.
/// </param>
/// <param name="Updated">When it last changed: Updated, else Published.</param>
/// <param name="Language">Its language: its own, else the feed's.</param>
/// <param name="Direction">Its direction.</param>
/// <param name="Media">The lead image and attachments, resolved; empty when there are none.</param>
internal readonly record struct NormalizedArticle(
    Article Source,
    string Id,
    bool IdIsUrl,
    string Headline,
    string? Standfirst,
    string? SummaryText,
    DateTimeOffset Updated,
    LanguageTag? Language,
    TextDirection Direction,
    ImmutableArray<NormalizedMedia> Media)
{
    /// <summary>What the article's HTML declares on its wrapper, and the base of its relative links.</summary>
    public HtmlContext Html => new(Language, Direction, Source.Url);
}
