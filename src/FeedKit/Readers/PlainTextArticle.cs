using System.Collections.Immutable;
using FeedKit.Model;

namespace FeedKit.Readers;

/// <summary>
/// What <see cref="PlainTextArticleReader"/> finds in a plain-text article: its texts, without the metadata
/// (URL, dates, authors) that plain text does not carry.
/// </summary>
/// <param name="Headline">The first line.</param>
/// <param name="Standfirst">The second block, if any.</param>
/// <param name="Body">Paragraphs and subheadings, with leading and trailing page chrome removed.</param>
public sealed record PlainTextArticle(string Headline, string? Standfirst, ImmutableArray<Block> Body)
{
    /// <summary>
    /// The lines dropped as page chrome, in text order, each with its line number and the rule that dropped it;
    /// empty when nothing was dropped (see <see cref="PlainTextOptions.RemoveChrome"/>).
    /// </summary>
    public ImmutableArray<DroppedLine> Dropped { get; init; } = [];
}
