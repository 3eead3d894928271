using System.Collections.Immutable;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Extensions;

/// <summary>Where an extension is being checked or written: the format, the level, and the language and direction in force there.</summary>
public abstract class ExtensionContext
{
    private bool _guard;

    private protected ExtensionContext()
    {
    }

    /// <summary>The format being checked or written.</summary>
    public FeedFormat Format { get; private set; }

    /// <summary>What carries the extension: the feed, an article or a media file.</summary>
    public ExtensionTarget Target { get; private set; }

    /// <summary>
    /// The language in force where the extension is written: the article's (its own, else the feed's) for article and
    /// media extensions, the feed's for feed extensions; null when none is declared.
    /// </summary>
    public LanguageTag? Language { get; private set; }

    /// <summary>The direction in force there, resolved like the article's or the feed's.</summary>
    public TextDirection Direction { get; private set; }

    /// <summary>
    /// The authors in force there: the article's own, else the feed's, for article and media extensions; the feed's for
    /// feed extensions.
    /// </summary>
    public ImmutableArray<Author> Authors { get; private set; } = [];

    /// <summary>
    /// Applies the first-strong guard to a plain-text title or label, as FeedKit does for headlines: a text whose first
    /// strong character runs against <see cref="Direction"/> gets a direction mark at its start, unless the writer's
    /// options turn the guard off.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The text, with a mark in front when one is needed.</returns>
    public string Guard(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _guard ? FirstStrongGuard.Apply(text, Direction) : text;
    }

    /// <summary>
    /// For article extensions: the article's first attachment (its RSS enclosure), cleaned; null when it has none. FeedKit's
    /// podcast episodes read it for <c>itunes:duration</c> and Apple's enclosure rules.
    /// </summary>
    internal EnclosureFacts? Enclosure { get; private set; }

    internal void SetEnclosure(EnclosureFacts? enclosure) => Enclosure = enclosure;

    /// <summary>
    /// For article extensions in RSS: the plain text of the item's <c>description</c> (its standfirst, or what stands
    /// in for one), guarded; null when it has none. FeedKit's podcast episodes write it as <c>itunes:summary</c> when
    /// they have no summary of their own.
    /// </summary>
    internal string? SummaryText { get; private set; }

    internal void SetSummaryText(string? text) => SummaryText = text;

    internal void Retarget(ExtensionTarget target) => Target = target;

    internal void Set(FeedFormat format, ExtensionTarget target, LanguageTag? language, TextDirection direction, ImmutableArray<Author> authors, bool guard)
    {
        Authors = authors;
        Format = format;
        Target = target;
        Language = language;
        Direction = direction;
        _guard = guard;
        Enclosure = null;
        SummaryText = null;
    }
}

/// <summary>An article's enclosure as its extensions see it: the first attachment, cleaned.</summary>
/// <param name="Url">The file's URL.</param>
/// <param name="MediaType">Its media type.</param>
/// <param name="Length">Its size in bytes, when known.</param>
/// <param name="Duration">Its playing time, when known.</param>
internal readonly record struct EnclosureFacts(Uri Url, string MediaType, long? Length, TimeSpan? Duration);

/// <summary>What carries an extension.</summary>
public enum ExtensionTarget
{
    /// <summary>The feed (<see cref="Model.FeedInfo.Extensions"/>).</summary>
    Feed,

    /// <summary>An article (<see cref="Model.Article.Extensions"/>).</summary>
    Article,

    /// <summary>A media file (<see cref="Model.MediaAttachment.Extensions"/>).</summary>
    Media,
}
