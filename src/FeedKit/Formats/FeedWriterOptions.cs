namespace FeedKit.Formats;

/// <summary>
/// Choices that change the bytes a writer produces. The defaults are what FeedKit recommends.
/// </summary>
public sealed record FeedWriterOptions
{
    /// <summary>The default options.</summary>
    public static FeedWriterOptions Default { get; } = new();

    /// <summary>
    /// Whether a plain-text field whose first strong character runs against its direction gets a
    /// direction mark at its start (U+200F RLM for right-to-left, U+200E LRM for left-to-right). Many readers
    /// ignore a feed's language and show each text with <c>dir="auto"</c>, which takes the first strong
    /// character: without the mark, an Arabic headline starting "iPhone 17" or "2026:" is shown left to right.
    /// On by default.
    /// </summary>
    public bool FirstStrongGuard { get; init; } = true;

    /// <summary>Whether the XML is indented (two spaces, <c>\n</c> line ends). On by default.</summary>
    public bool Indent { get; init; } = true;

    /// <summary>
    /// Receives each warning found while writing (see <see cref="Validation.FeedLint"/> for what is checked); warnings
    /// never stop a feed from being written. Null ignores them.
    /// </summary>
    public Action<Validation.FeedProblem>? Warnings { get; init; }

    /// <summary>
    /// A stylesheet for browsers: when set, Atom and RSS documents start with
    /// <c>&lt;?xml-stylesheet type="text/xsl" href="…"?&gt;</c>, so a visitor who opens the feed sees a page instead of
    /// raw XML. A relative URL (<c>/feed.xsl</c>) is kept relative; browsers apply only a stylesheet from the feed's own
    /// origin. FeedKit ships one: <see cref="Browser.FeedStylesheet"/>. JSON Feed ignores it. Null (the default) writes none.
    /// </summary>
    /// <remarks>An absolute URL must be http or https; the writers' constructors throw <see cref="ArgumentException"/> otherwise.</remarks>
    public Uri? Stylesheet { get; init; }
}
