using System.Collections.Immutable;
using FeedKit.Text;

namespace FeedKit.Model;

/// <summary>
/// One block of an article's body: a paragraph, a subheading, a quote, a list, an image or raw HTML.
/// </summary>
/// <remarks>
/// A block inherits the article's language and direction. Set <see cref="Language"/> (and, rarely,
/// <see cref="Direction"/>) on a block written in another language, such as an English quote in an Arabic
/// story: the HTML renderer then gives that block its own <c>lang</c> and <c>dir</c>. A block without
/// either whose strong characters all run against the article's direction gets its own <c>dir</c> too.
/// </remarks>
public abstract record Block
{
    private protected Block()
    {
    }

    /// <summary>The block's language, when it differs from the article's.</summary>
    public LanguageTag? Language { get; init; }

    /// <summary>An explicit direction for the block; wins over everything else.</summary>
    public TextDirection? Direction { get; init; }
}

/// <summary>A paragraph of plain text.</summary>
/// <param name="Text">The paragraph's text (plain text, not HTML).</param>
public sealed record Paragraph(string Text) : Block;

/// <summary>A subheading inside the body (rendered as <c>h2</c>).</summary>
/// <param name="Text">The subheading's text (plain text, not HTML).</param>
public sealed record Subheading(string Text) : Block;

/// <summary>A quotation (rendered as <c>blockquote</c>).</summary>
/// <param name="Text">The quoted text (plain text, not HTML).</param>
public sealed record Quote(string Text) : Block
{
    /// <summary>Who or what is quoted, shown after the quote (HTML <c>cite</c>).</summary>
    public string? Attribution { get; init; }
}

/// <summary>A bulleted or numbered list of plain-text items.</summary>
public sealed record ListBlock : Block
{
    private readonly EquatableArray<string> _items;

    /// <summary>Creates a list.</summary>
    /// <param name="items">The list items, in order.</param>
    public ListBlock(ImmutableArray<string> items)
    {
        _items = new(items);
    }

    /// <summary>The list items (plain text), in order.</summary>
    public ImmutableArray<string> Items
    {
        get => _items.Items;
        init => _items = new(value);
    }

    /// <summary>True for a numbered list (<c>ol</c>), false for a bulleted one (<c>ul</c>).</summary>
    public bool Ordered { get; init; }
}

/// <summary>An image inside the body (rendered as <c>figure</c>).</summary>
/// <param name="Image">The image.</param>
public sealed record ImageBlock(Image Image) : Block;

/// <summary>
/// A fragment of HTML for markup FeedKit's blocks do not model (tables, embeds, inline formatting).
/// </summary>
/// <remarks>
/// By default the fragment is sanitized before it is written: an allow-list keeps structure, text formatting,
/// links, images, tables, and <c>dir</c>, <c>lang</c>, <c>bdi</c> and <c>bdo</c>; it drops scripts, styles, event
/// handlers (<c>on*</c>), <c>javascript:</c> URLs and anything unknown, closes unclosed tags, and makes relative
/// links absolute against the article's URL. Set <see cref="Trusted"/> for HTML you produce yourself and want
/// written exactly as it is.
/// </remarks>
/// <param name="Html">The HTML fragment.</param>
public sealed record RawHtml(string Html) : Block
{
    /// <summary>
    /// True to write <see cref="Html"/> unchanged, without sanitizing it. Only for HTML you generate yourself:
    /// a feed reader shows it to every subscriber.
    /// </summary>
    public bool Trusted { get; init; }
}
