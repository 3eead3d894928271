using System.Collections.Immutable;
using FeedKit.Model;

namespace FeedKit.Readers;

/// <summary>
/// What <see cref="PlainTextArticleReader"/> finds in a plain-text article: its texts, without the metadata
/// (URL, dates, authors) that plain text does not carry.
/// </summary>
/// <param name="Headline">The first line.</param>
/// <param name="Standfirst">The second block, if any.</param>
/// <param name="Body">Paragraphs and subheadings, with trailing page chrome removed.</param>
public sealed record PlainTextArticle(string Headline, string? Standfirst, ImmutableArray<Block> Body);
