using System.Collections.Immutable;

namespace FeedKit.Model;

/// <summary>
/// A feed to write: its description and its articles, in the order they are to appear (newest first, usually).
/// </summary>
public sealed class Feed
{
    /// <summary>Creates a feed.</summary>
    /// <param name="info">What the feed says about itself.</param>
    /// <param name="articles">The articles, in feed order. FeedKit does not reorder them.</param>
    public Feed(FeedInfo info, IEnumerable<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(articles);
        Info = info;
        Articles = [.. articles];
    }

    /// <summary>What the feed says about itself.</summary>
    public FeedInfo Info { get; }

    /// <summary>The articles, in feed order.</summary>
    public ImmutableArray<Article> Articles { get; }
}
