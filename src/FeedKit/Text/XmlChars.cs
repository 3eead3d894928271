namespace FeedKit.Text;

/// <summary>Which characters an XML 1.0 document can carry.</summary>
internal static class XmlChars
{
    /// <summary>
    /// Finds the first character XML 1.0 cannot carry: C0 controls other than tab, LF and CR, U+FFFE, U+FFFF
    /// and lone surrogates. Returns its index, or -1.
    /// </summary>
    public static int IndexOfInvalid(ReadOnlySpan<char> text, out int codePoint)
    {
        // Vectorized skip over the common case: everything from U+0020 to U+D7FF is fine.
        var first = text.IndexOfAnyExceptInRange('\u0020', '\uD7FF');
        if (first < 0)
        {
            codePoint = 0;
            return -1;
        }

        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 0x20 && c < 0xD800)
            {
                continue;
            }

            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (c >= 0xE000 && c <= 0xFFFD)
            {
                continue;
            }

            codePoint = c;
            return i;
        }

        codePoint = 0;
        return -1;
    }

    /// <summary>Describes a code point for an error message: <c>U+0001 (a control character)</c>.</summary>
    public static string Describe(int codePoint)
    {
        var what = codePoint switch
        {
            < 0x20 => "a control character",
            >= 0xD800 and <= 0xDBFF => "a high surrogate without its low half",
            >= 0xDC00 and <= 0xDFFF => "a low surrogate without its high half",
            0xFFFE or 0xFFFF => "a noncharacter",
            _ => "a character",
        };
        return $"U+{codePoint:X4} ({what})";
    }
}
