using System.Collections.Immutable;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Readers;

/// <summary>
/// What can be said about an article besides its texts: by its own file (front matter, JSON fields), or by the host
/// for one article (the command line's <c>articles.&lt;name&gt;</c> in <c>feedkit.json</c>). A null member was not
/// said; <see cref="ArticleSource.ToArticle"/> then takes the next source's.
/// </summary>
public sealed record ArticleMetadata
{
    /// <summary>Nothing said.</summary>
    public static ArticleMetadata None { get; } = new();

    /// <summary>The article's permanent id (Atom <c>id</c>, RSS <c>guid</c>).</summary>
    public string? Id { get; init; }

    /// <summary>
    /// The article's URL. A relative one (a Jekyll <c>permalink</c>, a Hugo <c>url</c>: <c>/2021/06/16/summit/</c>)
    /// is resolved against <see cref="ArticleDefaults.SiteUrl"/>.
    /// </summary>
    public Uri? Url { get; init; }

    /// <summary>When the article was first published.</summary>
    public ArticleDate? Published { get; init; }

    /// <summary>When the article last changed in a way readers should see.</summary>
    public ArticleDate? Updated { get; init; }

    /// <summary>The article's language.</summary>
    public LanguageTag? Language { get; init; }

    /// <summary>The article's base direction.</summary>
    public TextDirection? Direction { get; init; }

    /// <summary>The article's authors; an empty list says "no authors", null says nothing.</summary>
    public ImmutableArray<Author>? Authors { get; init; }

    /// <summary>The article's tags (and categories); an empty list says "no tags", null says nothing.</summary>
    public ImmutableArray<string>? Tags { get; init; }

    /// <summary>
    /// Which of <see cref="Tags"/> the file calls categories (Jekyll's and Hugo's <c>categories</c>), for hosts that
    /// group articles by them (the command line's <c>--split-by category</c>); null when the file names none. Feeds
    /// write <see cref="Tags"/>, which holds these too.
    /// </summary>
    public ImmutableArray<string>? Categories { get; init; }

    /// <summary>The lead image; a relative URL is resolved against the article's URL.</summary>
    public Image? LeadImage { get; init; }

    /// <summary>This metadata, with every member it does not say taken from <paramref name="fallback"/>.</summary>
    /// <param name="fallback">What to use where this says nothing; null for nothing.</param>
    /// <returns>The merged metadata.</returns>
    public ArticleMetadata Or(ArticleMetadata? fallback) => fallback is null ? this : new ArticleMetadata
    {
        Id = Id ?? fallback.Id,
        Url = Url ?? fallback.Url,
        Published = Published ?? fallback.Published,
        Updated = Updated ?? fallback.Updated,
        Language = Language ?? fallback.Language,
        Direction = Direction ?? fallback.Direction,
        Authors = Authors ?? fallback.Authors,
        Tags = Tags ?? fallback.Tags,
        Categories = Categories ?? fallback.Categories,
        LeadImage = LeadImage ?? fallback.LeadImage,
    };
}
