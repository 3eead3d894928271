using System.Text;

namespace FeedKit.Text;

/// <summary>
/// FeedKit's documented normalizations of plain text: Unicode NFC, and either one line (runs of line breaks,
/// tabs and spaces become one space) or a block (CRLF and CR become LF); surrounding whitespace trimmed.
/// No-break spaces and other meaningful spaces inside the text are kept.
/// </summary>
internal static class TextCleaner
{
    /// <summary>
    /// Whether <paramref name="text"/> is certainly clean: not empty, made of ordinary characters only (see
    /// <see cref="OrdinaryText"/>: valid XML, no controls, no bidi embeddings, already NFC), not starting or ending
    /// with white space and, for a single line, without two spaces in a row. <see cref="Line"/> or
    /// <see cref="Block"/> would return it unchanged, and no character check can fail on it. False means only
    /// "look closer", not "wrong".
    /// </summary>
    public static bool IsClean(ReadOnlySpan<char> text, bool line) =>
        !text.IsEmpty
        && OrdinaryText.IndexOfNotOrdinary(text) < 0

        // The only white space among ordinary characters: the space and the no-break space.
        && text[0] is not (' ' or '\u00A0')
        && text[^1] is not (' ' or '\u00A0')
        && (!line || !text.Contains("  ", StringComparison.Ordinal));

    /// <summary>A single-line field: titles, names, tags.</summary>
    public static string Line(string text)
    {
        var nfc = UnicodeNormalization.ToNfc(text);
        if (!NeedsLineCleaning(nfc))
        {
            return nfc;
        }

        var result = new StringBuilder(nfc.Length);
        var pendingSpace = false;
        foreach (var c in nfc.AsSpan().Trim())
        {
            if (IsCollapsible(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>A multi-line field: standfirst, paragraphs, raw HTML.</summary>
    public static string Block(string text)
    {
        var nfc = UnicodeNormalization.ToNfc(text);
        if (nfc.Contains('\r', StringComparison.Ordinal))
        {
            nfc = nfc.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        return nfc.Trim();
    }

    private static bool NeedsLineCleaning(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (IsCollapsible(text[i]) && (text[i] != ' ' || (i + 1 < text.Length && IsCollapsible(text[i + 1]))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCollapsible(char c) =>
        c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v' or '\u0085' or '\u2028' or '\u2029';
}
