using System.Collections.Immutable;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Formats;

/// <summary>
/// A feed after validation and resolution: ids, dates, languages and directions worked out, texts guarded,
/// HTML rendered. Writers read only this, so every format says the same thing.
/// </summary>
internal sealed record NormalizedFeed(NormalizedHeader Header, ImmutableArray<NormalizedArticle> Articles);

/// <summary>What the feed says about itself, resolved.</summary>
internal sealed record NormalizedHeader(
    FeedInfo Info,
    string Id,
    string Title,
    string? Subtitle,
    DateTimeOffset Updated,
    LanguageTag? Language,
    TextDirection Direction);

/// <summary>One article, resolved.</summary>
internal sealed record NormalizedArticle(
    Article Source,
    string Id,
    bool IdIsUrl,
    string Headline,
    string? Standfirst,
    string? StandfirstHtml,
    string? BodyHtml,
    DateTimeOffset Updated,
    LanguageTag? Language,
    TextDirection Direction)
{
    /// <summary>The lead image and attachments, resolved (issue 7); empty when there are none.</summary>
    public ImmutableArray<NormalizedMedia> Media { get; init; } = [];
}
