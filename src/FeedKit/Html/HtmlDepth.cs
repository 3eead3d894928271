namespace FeedKit.Html;

/// <summary>
/// A linear pre-scan of an HTML fragment for how deep its elements nest, run before the HTML parser: the parser's
/// tree construction walks the stack of open elements for many tags, so its work grows with the square of the depth
/// (50,000 nested <c>div</c>s take seconds), and it must not see such input at all.
/// </summary>
/// <remarks>
/// The count errs on the high side, never the low one: every start tag opens an element until its end tag, except
/// void elements, self-closed foreign (SVG, MathML) elements and the elements whose end tag HTML lets one leave out
/// (<c>p</c>, <c>li</c>, <c>td</c>, …), which the parser closes when the next one starts. Comments, raw text
/// (<c>script</c>, <c>style</c>, <c>textarea</c>, …) and quoted attribute values are skipped as the HTML tokenizer
/// skips them. The parsed tree is measured again afterwards.
/// </remarks>
internal static class HtmlDepth
{
    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen",
        "link", "meta", "param", "source", "track", "wbr",
    };

    // Closed by the parser when a sibling starts: not counted, so that old-style "<p>one<p>two" is not deep.
    private static readonly HashSet<string> OptionalEnd = new(StringComparer.Ordinal)
    {
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "caption",
        "colgroup", "rb", "rt", "rtc", "rp", "html", "head", "body",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title",
    };

    // HTML elements that end foreign content when they start inside it.
    private static readonly HashSet<string> Breakout = new(StringComparer.Ordinal)
    {
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "font", "h1",
        "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p",
        "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
    };

    // Foreign elements whose content is parsed as HTML again.
    private static readonly HashSet<string> IntegrationPoint = new(StringComparer.Ordinal)
    {
        "foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml",
    };

    /// <summary>Whether elements in <paramref name="html"/> may nest more than <paramref name="limit"/> deep.</summary>
    public static bool Exceeds(string html, int limit)
    {
        // The open elements: name, and whether the element is foreign (SVG or MathML).
        var open = new List<(string Name, bool Foreign)>();
        var i = 0;
        while (true)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                return false;
            }

            i = lt + 1;
            var c = html[i];
            if (c == '!')
            {
                i = SkipMarkupDeclaration(html, i + 1, InForeign(open));
            }
            else if (c == '?')
            {
                i = SkipPast(html, i, ">");
            }
            else if (c == '/')
            {
                if (i + 1 < html.Length && char.IsAsciiLetter(html[i + 1]))
                {
                    var (name, next) = ReadName(html, i + 1);
                    i = SkipAttributes(html, next, out _);
                    Close(open, name);
                }
                else
                {
                    // "</>" is dropped, "</ 1>" is a bogus comment: both end at the next '>'.
                    i = SkipPast(html, i, ">");
                }
            }
            else if (char.IsAsciiLetter(c))
            {
                var (name, next) = ReadName(html, i);
                i = SkipAttributes(html, next, out var selfClosing);
                var parentForeign = InForeign(open);
                if (parentForeign && Breakout.Contains(name))
                {
                    while (open.Count > 0 && open[^1].Foreign)
                    {
                        open.RemoveAt(open.Count - 1);
                    }

                    parentForeign = false;
                }

                var foreign = name is "svg" or "math" || parentForeign;
                if (!foreign && name == "plaintext")
                {
                    // Everything after it is text.
                    return false;
                }

                if (!foreign && RawText.Contains(name))
                {
                    i = SkipRawText(html, i, name);
                    continue;
                }

                if (Void.Contains(name) || (foreign && selfClosing) || (!foreign && OptionalEnd.Contains(name)))
                {
                    continue;
                }

                open.Add((name, foreign));
                if (open.Count > limit)
                {
                    return true;
                }
            }
        }
    }

    /// <summary>Whether the current node is foreign content (not an HTML integration point inside it).</summary>
    private static bool InForeign(List<(string Name, bool Foreign)> open) =>
        open.Count > 0 && open[^1].Foreign && !IntegrationPoint.Contains(open[^1].Name);

    /// <summary>Pops up to and including the innermost open element named <paramref name="name"/>, if any.</summary>
    private static void Close(List<(string Name, bool Foreign)> open, string name)
    {
        for (var j = open.Count - 1; j >= 0; j--)
        {
            if (open[j].Name == name)
            {
                open.RemoveRange(j, open.Count - j);
                return;
            }
        }
    }

    private static (string Name, int Next) ReadName(string html, int start)
    {
        var end = start;
        while (end < html.Length && html[end] is not ('\t' or '\n' or '\f' or '\r' or ' ' or '/' or '>'))
        {
            end++;
        }

        return (html[start..end].ToLowerInvariant(), end);
    }

    /// <summary>Skips a tag's attributes, quoted values included; returns the index after its '&gt;'.</summary>
    private static int SkipAttributes(string html, int i, out bool selfClosing)
    {
        selfClosing = false;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>')
            {
                return i + 1;
            }

            if (c == '/')
            {
                selfClosing = i + 1 < html.Length && html[i + 1] == '>';
                i++;
                continue;
            }

            selfClosing = false;
            if (c is '\t' or '\n' or '\f' or '\r' or ' ')
            {
                i++;
                continue;
            }

            // An attribute name (it may start with '='), then perhaps a value.
            i++;
            while (i < html.Length && html[i] is not ('\t' or '\n' or '\f' or '\r' or ' ' or '/' or '>' or '='))
            {
                i++;
            }

            var afterName = SkipSpace(html, i);
            if (afterName >= html.Length || html[afterName] != '=')
            {
                continue;
            }

            i = SkipSpace(html, afterName + 1);
            if (i < html.Length && html[i] is '"' or '\'')
            {
                var close = html.IndexOf(html[i], i + 1);
                i = close < 0 ? html.Length : close + 1;
            }
            else
            {
                while (i < html.Length && html[i] is not ('\t' or '\n' or '\f' or '\r' or ' ' or '>'))
                {
                    i++;
                }
            }
        }

        return i;
    }

    private static int SkipSpace(string html, int i)
    {
        while (i < html.Length && html[i] is '\t' or '\n' or '\f' or '\r' or ' ')
        {
            i++;
        }

        return i;
    }

    /// <summary>After "&lt;!": a comment, a CDATA section in foreign content, or a bogus comment up to '&gt;'.</summary>
    private static int SkipMarkupDeclaration(string html, int i, bool foreign)
    {
        if (string.CompareOrdinal(html, i, "--", 0, 2) == 0)
        {
            // "<!-->" and "<!--->" end at once; otherwise at "-->" or "--!>".
            var body = i + 2;
            if (body < html.Length && html[body] == '>')
            {
                return body + 1;
            }

            if (string.CompareOrdinal(html, body, "->", 0, 2) == 0)
            {
                return body + 2;
            }

            for (var j = body; j + 2 < html.Length; j++)
            {
                if (html[j] == '-' && html[j + 1] == '-' && (html[j + 2] == '>' || (html[j + 2] == '!' && j + 3 < html.Length && html[j + 3] == '>')))
                {
                    return j + (html[j + 2] == '>' ? 3 : 4);
                }
            }

            return html.Length;
        }

        if (foreign && string.CompareOrdinal(html, i, "[CDATA[", 0, 7) == 0)
        {
            return SkipPast(html, i + 7, "]]>");
        }

        return SkipPast(html, i, ">");
    }

    /// <summary>Skips the text of a raw-text element up to its end tag (or the end).</summary>
    private static int SkipRawText(string html, int i, string name)
    {
        while (true)
        {
            var end = html.IndexOf("</", i, StringComparison.Ordinal);
            if (end < 0)
            {
                return html.Length;
            }

            var after = end + 2 + name.Length;
            if (string.Compare(html, end + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (after >= html.Length || html[after] is '\t' or '\n' or '\f' or '\r' or ' ' or '/' or '>'))
            {
                return SkipAttributes(html, after, out _);
            }

            i = end + 2;
        }
    }

    private static int SkipPast(string html, int i, string end)
    {
        var at = html.IndexOf(end, i, StringComparison.Ordinal);
        return at < 0 ? html.Length : at + end.Length;
    }
}
