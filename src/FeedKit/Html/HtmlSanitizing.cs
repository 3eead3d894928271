using System.Globalization;
using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using FeedKit.Text;
using Ganss.Xss;

namespace FeedKit.Html;

/// <summary>
/// A <see cref="Model.RawHtml"/> fragment after sanitizing: the HTML that is checked and written, or why it cannot be.
/// </summary>
/// <param name="Html">The clean fragment; empty when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why the fragment is refused (nested too deep), or null.</param>
/// <param name="Warnings">What sanitizing removed that a reader would have shown or followed, one message each.</param>
internal sealed record SanitizedHtml(string Html, string? Error, IReadOnlyList<string> Warnings);

/// <summary>
/// The allow-list FeedKit applies to <see cref="Model.RawHtml"/> blocks, on top of HtmlSanitizer's defaults
/// (which already drop scripts, event handlers and <c>javascript:</c> URLs). <c>FeedKit.Validation.FeedNormalizer</c> calls it
/// once per block, so that the lint checks exactly the HTML the writers then write.
/// </summary>
/// <remarks>
/// The rules (documented on <see cref="Model.RawHtml"/> and in the README):
/// <list type="bullet">
/// <item>an element that is not allowed is unwrapped: its text stays, only the tag goes; elements that hold no text
/// a reader shows (<c>script</c>, <c>style</c>, <c>template</c>, <c>iframe</c>, <c>svg</c>, <c>math</c>, media and
/// the like) go with their content, and a warning says so;</item>
/// <item>forms and form controls (<c>form</c>, <c>input</c>, <c>button</c>, <c>select</c>, <c>textarea</c>, …) and
/// form attributes (<c>name</c>, <c>action</c>, …) are removed, their text kept;</item>
/// <item>characters that character references can produce but a feed cannot carry (C0 controls other than tab, LF
/// and CR, C1 controls, noncharacters such as U+FFFE, lone surrogates) are dropped, with a warning;</item>
/// <item>a URL with credentials (<c>https://user:secret@host/</c>) is dropped (its element and text stay), with a
/// warning that names the host only;</item>
/// <item>elements nested more than <see cref="MaxDepth"/> deep are an error: the HTML parser's work grows with the
/// square of the depth, so a hostile fragment could otherwise stall every write.</item>
/// </list>
/// </remarks>
internal static class HtmlSanitizing
{
    /// <summary>How deep elements may nest in a raw HTML block (an unclosed tag counts until its end).</summary>
    public const int MaxDepth = 256;

    // Elements whose content is not text a reader shows: removed with everything inside.
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "iframe", "frame", "frameset", "noembed", "noframes", "embed", "applet",
        "svg", "math", "canvas", "audio", "video", "head", "title", "meta", "link", "base",
    };

    private static readonly string[] FormElements =
    [
        "form", "input", "button", "select", "option", "optgroup", "textarea", "datalist", "output", "keygen",
        "label", "fieldset", "legend", "meter", "progress", "menuitem",
    ];

    private static readonly string[] FormAttributes =
    [
        "name", "action", "method", "enctype", "accept", "accept-charset", "novalidate", "autocomplete", "checked",
        "disabled", "readonly", "required", "pattern", "placeholder", "maxlength", "multiple", "selected", "for",
        "list", "step", "autosave", "challenge", "keytype", "prompt", "radiogroup", "contenteditable",
    ];

    // After the lists it reads: static fields are initialized in order.
    private static readonly HtmlSanitizer Sanitizer = Create();

    // Hosts of URLs dropped for their credentials during the current call (the sanitizer is shared across threads).
    [ThreadStatic]
    private static List<string>? credentialHosts;

    /// <summary>
    /// Sanitizes <paramref name="html"/>, resolving relative links against <paramref name="baseUrl"/> (absolute,
    /// or null for none). The result holds only characters every format can carry.
    /// </summary>
    public static SanitizedHtml Sanitize(string html, Uri? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (HtmlDepth.Exceeds(html, MaxDepth))
        {
            return TooDeep();
        }

        var parser = Sanitizer.HtmlParserFactory();
        using var document = parser.ParseDocument("<!doctype html><html><body>" + html);
        var body = document.Body;
        if (body is null)
        {
            return new SanitizedHtml(string.Empty, null, []);
        }

        if (DepthOf(body) > MaxDepth)
        {
            return TooDeep();
        }

        var warnings = new List<string>();
        RemoveNonText(body, warnings);
        var textBefore = body.TextContent;

        var hosts = credentialHosts ??= [];
        hosts.Clear();
        Sanitizer.SanitizeDom(document, body, baseUrl?.AbsoluteUri ?? string.Empty);
        if (hosts.Count > 0)
        {
            warnings.Add($"dropped {Count(hosts.Count, "URL")} with credentials (user:password@{string.Join(", ", hosts.Distinct(StringComparer.Ordinal))}) from href or src: a feed shows them to every subscriber; the elements and their text are kept");
            hosts.Clear();
        }

        var textAfter = body.TextContent;
        if (!string.Equals(textBefore, textAfter, StringComparison.Ordinal))
        {
            warnings.Add($"sanitizing dropped text: \"{Excerpt(textBefore)}\" became \"{Excerpt(textAfter)}\"");
        }

        var output = new StringBuilder(html.Length);
        Serialize(body, output, Sanitizer.OutputFormatter);
        var result = output.ToString();
        return new SanitizedHtml(DropUncarriable(result, warnings), null, warnings);
    }

    /// <summary>
    /// Writes the children of <paramref name="parent"/> as AngleSharp's own serializer does, with the same formatter,
    /// but by index: AngleSharp's walks siblings with <c>NextSibling</c>, a search of the parent's children, which
    /// makes a fragment of 40,000 sibling elements take seconds. Recursion is bounded by <see cref="MaxDepth"/>.
    /// </summary>
    private static void Serialize(INode parent, StringBuilder output, IMarkupFormatter formatter)
    {
        var children = parent.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            switch (children[i])
            {
                case IElement element:
                    var selfClosing = element.Flags.HasFlag(NodeFlags.SelfClosing);
                    output.Append(formatter.OpenTag(element, selfClosing));
                    if (!selfClosing && element.Flags.HasFlag(NodeFlags.LineTolerance) && element.FirstChild is IText first && first.Data.Contains('\n', StringComparison.Ordinal))
                    {
                        output.Append('\n');
                    }

                    Serialize(element, output, formatter);
                    output.Append(formatter.CloseTag(element, selfClosing));
                    break;
                case IText text:
                    output.Append(parent.Flags.HasFlag(NodeFlags.LiteralText) ? formatter.LiteralText(text) : formatter.Text(text));
                    break;

                // Comments are removed by the sanitizer; nothing else can be left in a body.
            }
        }
    }

    /// <summary>
    /// The text a reader sees first in an HTML fragment, as plain text: its first paragraph's (<c>p</c>), else the first
    /// list item's or heading's, else the whole fragment's, with whitespace collapsed to single spaces; null when it has
    /// none. For HTML that is already sanitized (its depth is bounded): RSS's description of an item whose body starts
    /// with raw HTML.
    /// </summary>
    public static string? PlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parser = Sanitizer.HtmlParserFactory();
        using var document = parser.ParseDocument("<!doctype html><html><body>" + html);
        if (document.Body is not { } body)
        {
            return null;
        }

        foreach (var selector in (ReadOnlySpan<string>)["p", "li, h1, h2, h3, h4, h5, h6, blockquote, figcaption"])
        {
            foreach (var element in body.QuerySelectorAll(selector))
            {
                if (Collapse(TextOf(element)) is { } text)
                {
                    return text;
                }
            }
        }

        return Collapse(TextOf(body));
    }

    // Elements whose boundaries separate words where TextContent would join them ("a<br>b", table cells, list items).
    private static readonly HashSet<string> Separating = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "p", "div", "li", "dt", "dd", "td", "th", "tr", "caption", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "figcaption", "figure", "pre", "hr", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot",
        "section", "article", "aside", "header", "footer", "nav", "address", "details", "summary", "img",
    };

    /// <summary>The text of <paramref name="root"/>, with a space at each element boundary that separates words.</summary>
    private static string TextOf(INode root)
    {
        var text = new StringBuilder();
        Append(root, text, 0);
        return text.ToString();

        static void Append(INode node, StringBuilder text, int depth)
        {
            if (node is IText leaf)
            {
                text.Append(leaf.Data);
                return;
            }

            if (depth > MaxDepth)
            {
                return;
            }

            var separates = node is IElement element && Separating.Contains(element.LocalName);
            if (separates)
            {
                text.Append(' ');
            }

            var children = node.ChildNodes;
            for (var i = 0; i < children.Length; i++)
            {
                Append(children[i], text, depth + 1);
            }

            if (separates)
            {
                text.Append(' ');
            }
        }
    }

    private static string? Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    private static SanitizedHtml TooDeep() => new(
        string.Empty,
        $"elements are nested more than {MaxDepth.ToString(CultureInfo.InvariantCulture)} deep (an unclosed tag counts until its end tag); such HTML takes the parser time that grows with the square of the depth: flatten it or close the tags",
        []);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer
        {
            // Unwrap what is not allowed instead of deleting it with its text (RemoveNonText has already taken out
            // the elements whose content is not text).
            KeepChildNodes = true,
        };

        // Direction and language markup is what FeedKit is for: keep it.
        foreach (var tag in new[] { "bdi", "bdo", "figure", "figcaption", "cite", "q", "abbr", "time" })
        {
            sanitizer.AllowedTags.Add(tag);
        }

        foreach (var attribute in new[] { "dir", "lang" })
        {
            sanitizer.AllowedAttributes.Add(attribute);
        }

        // No forms: a feed item that asks for a password is phishing, whatever the reader does with it.
        foreach (var tag in FormElements)
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        foreach (var attribute in FormAttributes)
        {
            sanitizer.AllowedAttributes.Remove(attribute);
        }

        // No styles: readers restyle content, and CSS can hide or spoof text.
        sanitizer.AllowedTags.Remove("style");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedAttributes.Remove("id");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();

        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        sanitizer.FilterUrl += static (_, e) =>
        {
            if (e.SanitizedUrl is { } url && CredentialsHost(url) is { } host)
            {
                (credentialHosts ??= []).Add(host);
                e.SanitizedUrl = null;
            }
        };

        return sanitizer;
    }

    /// <summary>The host of a URL that carries user information (<c>user:secret@host</c>), else null.</summary>
    internal static string? CredentialsHost(string url)
    {
        var span = url.AsSpan().Trim();
        var slashes = span.IndexOf("//", StringComparison.Ordinal);
        if (slashes < 0 || span[..slashes].IndexOfAny('/', '?', '#') >= 0)
        {
            return null;
        }

        var authority = span[(slashes + 2)..];
        var end = authority.IndexOfAny("/?#\\");
        if (end >= 0)
        {
            authority = authority[..end];
        }

        var at = authority.LastIndexOf('@');
        return at < 0 ? null : authority[(at + 1)..].ToString();
    }

    /// <summary>The depth of the deepest element under <paramref name="root"/>, without recursion.</summary>
    private static int DepthOf(IElement root)
    {
        var deepest = 0;
        var stack = new Stack<(IElement Element, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            if (deepest > MaxDepth)
            {
                break;
            }

            foreach (var child in element.Children)
            {
                stack.Push((child, depth + 1));
            }
        }

        return deepest;
    }

    /// <summary>Removes the elements whose content is not text a reader shows, with a warning naming them.</summary>
    private static void RemoveNonText(IElement body, List<string> warnings)
    {
        HashSet<IElement>? removed = null;
        foreach (var element in body.QuerySelectorAll("*"))
        {
            if (DroppedWithContent.Contains(element.LocalName))
            {
                (removed ??= []).Add(element);
            }
        }

        if (removed is null)
        {
            return;
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        var text = 0;
        foreach (var element in removed)
        {
            // An element inside another removed one goes with it: count its text once.
            if (!IsInside(element, removed))
            {
                text += element.TextContent.Trim().Length;
            }

            names.Add(element.LocalName);
        }

        foreach (var element in removed)
        {
            element.Remove();
        }

        warnings.Add($"removed {string.Join(", ", names.Select(n => "<" + n + ">"))} with {(text == 0 ? "no text" : Count(text, "character") + " of content")}: such elements hold code or media, not text a reader shows");
    }

    private static bool IsInside(IElement element, HashSet<IElement> removed)
    {
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (removed.Contains(parent))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Drops the characters character references can produce but a feed must not carry: what XML 1.0 cannot
    /// (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates), C1 controls and the other noncharacters.
    /// </summary>
    private static string DropUncarriable(string html, List<string> warnings)
    {
        if (IndexOfUncarriable(html, 0) < 0)
        {
            return html;
        }

        var kept = new StringBuilder(html.Length);
        var dropped = new SortedSet<int>();
        var count = 0;
        var start = 0;
        int bad;
        while ((bad = IndexOfUncarriable(html, start)) >= 0)
        {
            kept.Append(html, start, bad - start);
            var length = char.IsHighSurrogate(html[bad]) && bad + 1 < html.Length && char.IsLowSurrogate(html[bad + 1]) ? 2 : 1;
            dropped.Add(length == 2 ? char.ConvertToUtf32(html[bad], html[bad + 1]) : html[bad]);
            count++;
            start = bad + length;
        }

        kept.Append(html, start, html.Length - start);
        warnings.Add($"dropped {Count(count, "character")} a feed cannot carry ({string.Join(", ", dropped.Select(Describe))}), written as character references such as &#x1;");
        return kept.ToString();
    }

    private static int IndexOfUncarriable(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= '\u0020' && c < '\u007F')
            {
                continue;
            }

            if (c < '\u0020')
            {
                if (c is not ('\t' or '\n' or '\r'))
                {
                    return i;
                }
            }
            else if (c is >= '\u0080' and <= '\u009F' or >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF')
            {
                return i;
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return i;
                }

                // U+1FFFE, U+1FFFF, … U+10FFFF: the last two code points of every plane are noncharacters.
                if ((char.ConvertToUtf32(c, text[i + 1]) & 0xFFFE) == 0xFFFE)
                {
                    return i;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Describe(int codePoint) => codePoint switch
    {
        >= 0x80 and <= 0x9F => $"U+{codePoint:X4} (a C1 control character)",
        >= 0xFDD0 and <= 0xFDEF or > 0xFFFF => $"U+{codePoint:X4} (a noncharacter)",
        _ => XmlChars.Describe(codePoint),
    };

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    private static string Excerpt(string text)
    {
        const int Max = 80;
        var trimmed = text.Trim();
        return trimmed.Length <= Max ? trimmed : string.Concat(trimmed.AsSpan(0, Max), "…");
    }
}
