using System.Buffers;

namespace FeedKit.Text;

/// <summary>Which characters an XML 1.0 document can carry.</summary>
internal static class XmlChars
{
    // Everything from U+0020 to U+D7FF is fine: the vectorized search skips it.
    private static readonly SearchValues<char> Plain = SearchValues.Create(Range('\u0020', '\uD7FF'));

    // After an exception, characters are looked at one by one until this many plain ones in a row.
    private const int ResumeVector = 8;

    /// <summary>
    /// Finds the first character XML 1.0 cannot carry: C0 controls other than tab, LF and CR, U+FFFE, U+FFFF
    /// and lone surrogates. Returns its index, or -1.
    /// </summary>
    public static int IndexOfInvalid(ReadOnlySpan<char> text, out int codePoint)
    {
        codePoint = 0;
        var i = text.IndexOfAnyExcept(Plain);
        while (i >= 0)
        {
            // One character at a time until ResumeVector plain ones in a row (emoji may be dense), or right after
            // a tab or line break (they come one at a time), then vectorized again.
            var plain = 0;
            while (i < text.Length && plain < ResumeVector)
            {
                var c = text[i];
                if ((uint)(c - '\u0020') <= '\uD7FF' - '\u0020')
                {
                    plain++;
                    i++;
                    continue;
                }

                plain = 0;
                if (c is '\t' or '\n' or '\r')
                {
                    i++;
                    break;
                }

                if (c >= '\uE000' && c < '\uFFFE')
                {
                    i++;
                }
                else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i += 2;
                }
                else
                {
                    codePoint = c;
                    return i;
                }
            }

            var next = i < text.Length ? text[i..].IndexOfAnyExcept(Plain) : -1;
            i = next < 0 ? -1 : i + next;
        }

        return -1;
    }

    private static char[] Range(char first, char last)
    {
        var chars = new char[last - first + 1];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)(first + i);
        }

        return chars;
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
