using System.Collections.Immutable;

namespace FeedKit.Readers;

/// <summary>How <see cref="PlainTextArticleReader"/> reads a plain-text article.</summary>
public sealed record PlainTextOptions
{
    /// <summary>The default options.</summary>
    public static PlainTextOptions Default { get; } = new();

    /// <summary>
    /// Whether page chrome that scrapers copy along with an article ("Related articles", "Back to top", share and
    /// follow buttons, tags, comments, newsletter boxes, advertisement labels, copyright lines, breadcrumbs) is
    /// dropped from the start and the end of the text. Default <see langword="true"/>. Every dropped line is reported
    /// in <see cref="PlainTextArticle.Dropped"/>; <see cref="PlainTextArticleReader"/> describes the rules.
    /// </summary>
    public bool RemoveChrome { get; init; } = true;

    /// <summary>
    /// Whether the structural rule also drops unlisted wordings at the end: short lines without sentence punctuation
    /// next to listed chrome, and a run of at least two very short such lines (see <see cref="PlainTextArticleReader"/>).
    /// Default <see langword="true"/>. When <see langword="false"/>, only lines that match a phrase, a date or only
    /// symbols are dropped. No effect when <see cref="RemoveChrome"/> is <see langword="false"/>.
    /// </summary>
    public bool RemoveUnlistedChrome { get; init; } = true;

    /// <summary>
    /// Phrases to treat as page chrome besides FeedKit's lists, in any language, compared as the built-in phrases
    /// are (after normalization: case, accents of Latin letters, Arabic vowel marks and letter variants, Hebrew points,
    /// punctuation and icons do not matter). A line matches when it is made of listed phrases, or starts with them
    /// followed by a label mark such as ":" or "›". Reported as <see cref="ChromeRule.AddedPhrase"/>.
    /// </summary>
    public ImmutableArray<string> AddedChromePhrases { get; init; } = [];

    /// <summary>
    /// Phrases of FeedKit's lists not to use (in every language list that holds them), compared after the same
    /// normalization; e.g. <c>["Share"]</c> keeps a last line that reads only "Share".
    /// </summary>
    public ImmutableArray<string> RemovedChromePhrases { get; init; } = [];

    /// <summary>
    /// The longest block, in characters, that can be a subheading. A subheading is a short block without
    /// closing punctuation that is followed by a paragraph. Default 80. It is also the longest line the
    /// structural chrome rule drops.
    /// </summary>
    public int SubheadingMaxLength { get; init; } = 80;
}
