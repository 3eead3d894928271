using System.Buffers;
using System.Collections.Immutable;
using FeedKit.Extensions;
using FeedKit.Html;
using FeedKit.Media;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Validation;

/// <summary>
/// What the feed says about itself, checked and resolved: everything a writer needs, and nothing it has to work out.
/// </summary>
/// <param name="Id">The feed's id: given, else the site's URL.</param>
/// <param name="Title">The title, guarded.</param>
/// <param name="Subtitle">The subtitle, guarded; null when there is none.</param>
/// <param name="SiteUrl">The site's URL.</param>
/// <param name="SelfUrl">The feed document's own URL, if given.</param>
/// <param name="Updated">When it last changed: given, else the newest article's date.</param>
/// <param name="Language">Its language, if declared.</param>
/// <param name="Direction">Its direction.</param>
/// <param name="Authors">Its authors, cleaned.</param>
/// <param name="Rights">Its rights statement, cleaned; null when there is none.</param>
/// <param name="IconUrl">Its icon.</param>
/// <param name="LogoUrl">Its logo.</param>
/// <param name="Generator">The generator's name; null for none.</param>
/// <param name="Extensions">
/// The feed-level extensions in writing order: FeedKit's own (RFC 5005 history, WebSub hubs) first, then the feed's.
/// </param>
/// <param name="Namespaces">The extension namespaces to declare on the root element, in order, besides the format's own.</param>
internal sealed record ResolvedHeader(
    string Id,
    string Title,
    string? Subtitle,
    Uri SiteUrl,
    Uri? SelfUrl,
    DateTimeOffset Updated,
    LanguageTag? Language,
    TextDirection Direction,
    ImmutableArray<Author> Authors,
    string? Rights,
    Uri? IconUrl,
    Uri? LogoUrl,
    string? Generator,
    ImmutableArray<FeedExtension> Extensions,
    ImmutableArray<XmlNamespace> Namespaces);

/// <summary>
/// One article, checked and resolved: the writers read only this (never the article as it was given), so every format
/// says the same thing. A value, so that resolving a clean article allocates nothing; its HTML is rendered by the
/// writers, straight into their output.
/// </summary>
/// <param name="Id">Its id: the given one, or its URL.</param>
/// <param name="IdIsUrl">Whether the id is the article's URL (RSS <c>isPermaLink</c>).</param>
/// <param name="Url">Its URL, if any.</param>
/// <param name="Headline">The headline, guarded.</param>
/// <param name="Standfirst">The standfirst, guarded; null when there is none.</param>
/// <param name="SummaryText">
/// The text of the HTML summary: the guarded standfirst or, for RSS (which wants a description before
/// <c>content:encoded</c>), the first paragraph when there is no standfirst, else the first other text of the body, else the headline.
/// </param>
/// <param name="Published">When it was first published.</param>
/// <param name="Modified">When it last changed, when given (JSON Feed's <c>date_modified</c>).</param>
/// <param name="Authors">Its authors: its own, else the feed's (every format writes them on the entry; readers do not inherit).</param>
/// <param name="Tags">Its tags, cleaned.</param>
/// <param name="LeadImage">Its lead image, cleaned.</param>
/// <param name="Body">Its body blocks, cleaned, without empty ones.</param>
/// <param name="Language">Its language: its own, else the feed's.</param>
/// <param name="Direction">Its direction.</param>
/// <param name="Media">The lead image and attachments, resolved; empty when there are none.</param>
/// <param name="MediaRss">The Media RSS of its media (an extension, written by both XML formats); null without media.</param>
/// <param name="Extensions">The article's own extensions.</param>
internal readonly record struct ResolvedArticle(
    string Id,
    bool IdIsUrl,
    Uri? Url,
    string Headline,
    string? Standfirst,
    string? SummaryText,
    DateTimeOffset Published,
    DateTimeOffset? Modified,
    ImmutableArray<Author> Authors,
    ImmutableArray<string> Tags,
    Image? LeadImage,
    ImmutableArray<Block> Body,
    LanguageTag? Language,
    TextDirection Direction,
    ImmutableArray<ResolvedMedia> Media,
    MediaRssContent? MediaRss,
    ImmutableArray<FeedExtension> Extensions)
{
    /// <summary>Its first attachment (the RSS enclosure) as extensions see it; null when it has none.</summary>
    public EnclosureFacts? Enclosure
    {
        get
        {
            foreach (var media in Media)
            {
                if (!media.IsLeadImage)
                {
                    return new EnclosureFacts(media.Url, media.MediaType ?? string.Empty, media.Length, media.Duration);
                }
            }

            return null;
        }
    }

    /// <summary>When it last changed: <see cref="Modified"/>, else <see cref="Published"/>.</summary>
    public DateTimeOffset Updated => Modified ?? Published;

    /// <summary>What the article's HTML declares on its wrapper, and the base of its relative links.</summary>
    public HtmlContext Html => new(Language, Direction, Url);

    /// <summary>The summary as HTML in the calling thread's builder (see <see cref="ArticleHtml.RenderSummary"/>).</summary>
    public HtmlBuilder? RenderSummary() => ArticleHtml.RenderSummary(SummaryText, Html);

    /// <summary>The lead image and body as HTML in the calling thread's builder (see <see cref="ArticleHtml.RenderBody"/>).</summary>
    public HtmlBuilder? RenderBody() => ArticleHtml.RenderBody(LeadImage, Body, Html);
}

/// <summary>
/// The articles of a feed written from a list, resolved, in a pooled array returned by <see cref="Dispose"/>, so that
/// writing a feed allocates nothing per article.
/// </summary>
internal sealed class ResolvedArticles : IDisposable
{
    private ResolvedArticle[] _articles;
    private int _count;

    public ResolvedArticles(int capacity)
    {
        _articles = capacity == 0 ? [] : ArrayPool<ResolvedArticle>.Shared.Rent(capacity);
    }

    /// <summary>The articles, in feed order.</summary>
    public ReadOnlySpan<ResolvedArticle> Articles => _articles.AsSpan(0, _count);

    public void Add(in ResolvedArticle article) => _articles[_count++] = article;

    public void Dispose()
    {
        if (_articles.Length > 0)
        {
            ArrayPool<ResolvedArticle>.Shared.Return(_articles, clearArray: true);
            _articles = [];
            _count = 0;
        }
    }
}
