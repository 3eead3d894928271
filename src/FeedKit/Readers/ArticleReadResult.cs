using System.Collections.Immutable;

namespace FeedKit.Readers;

/// <summary>What a reader found in one file: its articles (none for a skipped draft) and its notes.</summary>
/// <param name="Articles">The articles, each with where its fields are in the file.</param>
/// <param name="Notes">What the reader skipped or ignored; print them, they are not errors.</param>
public sealed record ArticleReadResult(ImmutableArray<ArticleSource> Articles, ImmutableArray<ReaderNote> Notes)
{
    /// <summary>One article and its notes.</summary>
    /// <param name="article">The article.</param>
    /// <param name="notes">The notes.</param>
    /// <returns>The result.</returns>
    public static ArticleReadResult Of(ArticleSource article, IEnumerable<ReaderNote> notes) => new([article], [.. notes]);

    /// <summary>No article (a skipped draft), with the notes that say why.</summary>
    /// <param name="notes">The notes.</param>
    /// <returns>The result.</returns>
    public static ArticleReadResult Skipped(IEnumerable<ReaderNote> notes) => new([], [.. notes]);
}
