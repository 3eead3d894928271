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
/// <para>By default the fragment is sanitized once, when the feed is checked (so <c>FeedLint</c> reports on exactly
/// the HTML that is written): an allow-list keeps structure, text formatting, links, images, tables, and <c>dir</c>,
/// <c>lang</c>, <c>bdi</c> and <c>bdo</c>; it drops event handlers (<c>on*</c>), styles, <c>javascript:</c> URLs and
/// comments, closes unclosed tags, and makes relative links absolute against the article's URL. The rules, with a
/// lint warning at the block's path (<c>articles[0].Body[2].Html</c>) wherever something a reader would show is
/// removed:</para>
/// <list type="bullet">
/// <item>an element that is not allowed (an unknown tag such as <c>&lt;T&gt;</c> in <c>List&lt;T&gt;</c>, Word's
/// <c>&lt;o:p&gt;</c>) is unwrapped: its text is kept, only the tag goes;</item>
/// <item>elements that hold code or media rather than text (<c>script</c>, <c>style</c>, <c>template</c>,
/// <c>iframe</c>, <c>embed</c>, <c>svg</c>, <c>math</c>, <c>canvas</c>, <c>audio</c>, <c>video</c>, <c>head</c>,
/// <c>title</c>, …) are removed with their content, with a warning;</item>
/// <item>forms and form controls (<c>form</c>, <c>input</c>, <c>button</c>, <c>select</c>, <c>option</c>,
/// <c>textarea</c>, <c>label</c>, <c>fieldset</c>, …) are unwrapped (their text kept), and the <c>name</c> attribute
/// and the other form attributes (<c>action</c>, <c>method</c>, <c>placeholder</c>, …) are removed;</item>
/// <item>characters that character references can produce but a feed cannot carry (C0 controls other than tab, LF
/// and CR, as in <c>&amp;#x1;</c>; C1 controls U+0080–U+009F; noncharacters such as U+FFFE, U+FFFF and U+FDD0) are
/// dropped, with a warning; written literally in <see cref="Html"/>, they are an error, as in every other text;</item>
/// <item>a URL that carries credentials (<c>https://user:secret@host/</c>) is dropped from its <c>href</c> or
/// <c>src</c> (the element and its text stay), with a warning that names the host but not the secret;</item>
/// <item>elements nested more than 256 deep (an unclosed tag counts until its end tag) are an error: parsing such
/// HTML takes time that grows with the square of the depth.</item>
/// </list>
/// <para>Set <see cref="Trusted"/> for HTML you produce yourself and want written exactly as it is.</para>
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
