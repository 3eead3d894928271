using System.Collections.Immutable;

namespace FeedKit.Model;

/// <summary>
/// A feed to write: its description and its articles, in the order they are to appear (newest first, usually), from a
/// list or from an asynchronous source. Every writer takes this one type (see <c>FeedKit.Formats.FeedWriter</c>).
/// </summary>
/// <remarks>
/// <para>
/// From a list (<see cref="Feed(FeedInfo, IEnumerable{Article})"/>), the whole feed is checked before anything is
/// final: a feed with errors throws one exception listing all of them, and leaves no output (nothing written to a
/// string, file or seekable stream, and nothing at all to another target). <see cref="FeedInfo.Updated"/> may be left
/// null: it is then the newest article's date.
/// </para>
/// <para>
/// From an <see cref="IAsyncEnumerable{T}"/> (<see cref="Feed(FeedInfo, IAsyncEnumerable{Article})"/>), articles are
/// read once, checked one by one and written as they come, in bounded memory: <see cref="FeedInfo.Updated"/> must be
/// given, since it is written first. Such a feed can be written only with the asynchronous methods.
/// </para>
/// <para>Value equality: two feeds from lists are equal when their descriptions and articles are; a streamed feed
/// equals one with the same description and the same source object.</para>
/// </remarks>
public sealed record Feed
{
    private readonly EquatableArray<Article> _articles;

    /// <summary>Creates a feed from a list of articles.</summary>
    /// <param name="info">What the feed says about itself.</param>
    /// <param name="articles">The articles, in feed order. FeedKit does not reorder them.</param>
    public Feed(FeedInfo info, IEnumerable<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(articles);
        Info = info;
        _articles = new([.. articles]);
    }

    /// <summary>Creates a feed whose articles are streamed from an asynchronous source, read once when it is written.</summary>
    /// <param name="info">What the feed says about itself; <see cref="FeedInfo.Updated"/> must be set.</param>
    /// <param name="articles">The articles, in feed order.</param>
    public Feed(FeedInfo info, IAsyncEnumerable<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(articles);
        Info = info;
        ArticleStream = articles;
    }

    /// <summary>What the feed says about itself.</summary>
    public FeedInfo Info { get; init; }

    /// <summary>The articles of a feed made from a list, in feed order; empty for a streamed feed.</summary>
    public ImmutableArray<Article> Articles => _articles.Items;

    /// <summary>The source of a streamed feed's articles; null for a feed made from a list.</summary>
    public IAsyncEnumerable<Article>? ArticleStream { get; }

    /// <summary>Whether the articles come from an asynchronous source (<see cref="ArticleStream"/>).</summary>
    public bool IsStreamed => ArticleStream is not null;

    /// <summary>
    /// When the feed last changed, as the writers write it: <see cref="FeedInfo.Updated"/> when given, else the newest
    /// article's <see cref="Article.Updated"/> or <see cref="Article.Published"/>. Null for a feed without articles and
    /// without a date, and for a streamed feed without <see cref="FeedInfo.Updated"/>. FeedKit never reads the clock.
    /// </summary>
    public DateTimeOffset? Updated => Info.Updated ?? Newest(Articles);

    /// <summary>The newest date of a list of articles (updated, else published); null for none. The one place of that rule.</summary>
    internal static DateTimeOffset? Newest(ImmutableArray<Article> articles)
    {
        DateTimeOffset? newest = null;
        foreach (var article in articles)
        {
            if (article is null)
            {
                continue;
            }

            var date = article.Updated ?? article.Published;
            if (newest is null || date.UtcDateTime > newest.Value.UtcDateTime)
            {
                newest = date;
            }
        }

        return newest;
    }
}
