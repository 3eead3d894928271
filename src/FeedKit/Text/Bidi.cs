using System;

namespace FeedKit.Text;

/// <summary>
/// Unicode bidi helpers built on FeedKit's own tables (<c>Data/BidiData.g.cs</c>, generated from the UCD), so the answers
/// do not depend on ICU, the runtime's Unicode version or <c>InvariantGlobalization</c>.
/// </summary>
public static class Bidi
{
    private const int LeftToRightIsolate = 0x2066;
    private const int RightToLeftIsolate = 0x2067;
    private const int FirstStrongIsolate = 0x2068;
    private const int PopDirectionalIsolate = 0x2069;

    /// <summary>The Unicode version of the bidi data.</summary>
    public static string UnicodeVersion => BidiData.UnicodeVersion;

    /// <summary>
    /// The Bidi_Class of a code point, reduced to <see cref="BidiCategory"/>. Unassigned code points get the UCD's
    /// defaults (R or AL in blocks set aside for right-to-left scripts, else L); surrogate code points are
    /// <see cref="BidiCategory.Neutral"/>, because in text they can only be lone surrogates, which bidi treats like U+FFFD.
    /// </summary>
    /// <param name="codePoint">A code point, 0 to 0x10FFFF.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="codePoint"/> is not a Unicode code point.</exception>
    public static BidiCategory GetCategory(int codePoint)
    {
        if ((uint)codePoint > 0x10FFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(codePoint), FormattableString.Invariant($"A code point is between 0 and 0x10FFFF; {codePoint} is not."));
        }

        if (codePoint < 0x80)
        {
            return (uint)((codePoint | 0x20) - 'a') <= 'z' - 'a' ? BidiCategory.LeftToRight : BidiCategory.Neutral;
        }

        if (codePoint < 0x10000)
        {
            return (BidiCategory)Bmp[codePoint];
        }

        return Search(codePoint);
    }

    /// <summary>The category of every BMP code point (64 KB), so the common case is one array read, not a search.</summary>
    private static readonly byte[] Bmp = BuildBmp();

    private static byte[] BuildBmp()
    {
        var table = new byte[0x10000];
        for (var cp = 0; cp < table.Length; cp++)
        {
            table[cp] = (byte)Search(cp);
        }

        return table;
    }

    private static BidiCategory Search(int codePoint)
    {
        // Runs cover the whole code space, so the answer is the last run starting at or before the code point.
        var runs = BidiData.Runs;
        var key = (uint)codePoint << 2;
        int lo = 0, hi = runs.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if ((runs[mid] & ~3u) <= key)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return (BidiCategory)(runs[lo] & 3);
    }

    /// <summary>
    /// The direction of the first strong character, as UAX #9 rules P2–P3 find a paragraph's direction: L gives
    /// left to right, R or AL right to left. Characters between an isolate initiator (LRI, RLI, FSI) and its matching
    /// PDI are skipped (an initiator without a PDI hides the rest of the text). The whole text is treated as one paragraph.
    /// </summary>
    /// <param name="text">UTF-16 text; surrogate pairs are decoded, a lone surrogate is neutral.</param>
    /// <returns>The direction, or <see langword="null"/> when there is no strong character outside isolates.</returns>
    public static TextDirection? FirstStrongDirection(ReadOnlySpan<char> text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var codePoint = ReadCodePoint(text, ref i);
            if (codePoint is LeftToRightIsolate or RightToLeftIsolate or FirstStrongIsolate)
            {
                depth++;
            }
            else if (codePoint == PopDirectionalIsolate)
            {
                if (depth > 0)
                {
                    depth--;
                }
            }
            else if (depth == 0)
            {
                switch (GetCategory(codePoint))
                {
                    case BidiCategory.LeftToRight:
                        return TextDirection.LeftToRight;
                    case BidiCategory.RightToLeft:
                    case BidiCategory.ArabicLetter:
                        return TextDirection.RightToLeft;
                }
            }
        }

        return null;
    }

    /// <summary>Which strong directions occur anywhere in the text, isolates included: tells mixed text from one-way text.</summary>
    /// <param name="text">UTF-16 text; surrogate pairs are decoded, a lone surrogate is neutral.</param>
    public static StrongDirections ScanStrong(ReadOnlySpan<char> text)
    {
        var found = StrongDirections.None;
        for (var i = 0; i < text.Length && found != StrongDirections.Both; i++)
        {
            found |= GetCategory(ReadCodePoint(text, ref i)) switch
            {
                BidiCategory.LeftToRight => StrongDirections.LeftToRight,
                BidiCategory.RightToLeft or BidiCategory.ArabicLetter => StrongDirections.RightToLeft,
                _ => StrongDirections.None,
            };
        }

        return found;
    }

    /// <summary>Whether the text has a strong character of <paramref name="direction"/>; stops at the first one.</summary>
    internal static bool ContainsStrong(ReadOnlySpan<char> text, TextDirection direction)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var category = GetCategory(ReadCodePoint(text, ref i));
            if (category != BidiCategory.Neutral && (category == BidiCategory.LeftToRight) == (direction == TextDirection.LeftToRight))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The direction of a text whose strong characters all run one way, if that way is not
    /// <paramref name="surrounding"/>; null as soon as a strong character of <paramref name="surrounding"/> turns up.
    /// </summary>
    internal static TextDirection? ForeignDirection(ReadOnlySpan<char> text, TextDirection surrounding)
    {
        var foreign = false;
        for (var i = 0; i < text.Length; i++)
        {
            var category = GetCategory(ReadCodePoint(text, ref i));
            if (category == BidiCategory.Neutral)
            {
                continue;
            }

            if ((category == BidiCategory.LeftToRight) == (surrounding == TextDirection.LeftToRight))
            {
                return null;
            }

            foreign = true;
        }

        return foreign ? (surrounding == TextDirection.LeftToRight ? TextDirection.RightToLeft : TextDirection.LeftToRight) : null;
    }

    /// <summary>
    /// True for the explicit embedding and override controls LRE, RLE, PDF, LRO, RLO (U+202A–U+202E). They leak
    /// direction into whatever text follows when a reader drops their PDF, which is why a feed writer wants to find them.
    /// </summary>
    /// <param name="codePoint">Any integer; values outside the code space give <see langword="false"/>.</param>
    public static bool IsEmbeddingControl(int codePoint) => codePoint is >= 0x202A and <= 0x202E;

    /// <summary>
    /// True for every bidi formatting character: the embedding controls (U+202A–U+202E), the isolates LRI, RLI, FSI, PDI
    /// (U+2066–U+2069) and the marks LRM (U+200E), RLM (U+200F) and ALM (U+061C).
    /// </summary>
    /// <param name="codePoint">Any integer; values outside the code space give <see langword="false"/>.</param>
    public static bool IsBidiControl(int codePoint) =>
        IsEmbeddingControl(codePoint) || codePoint is (>= 0x2066 and <= 0x2069) or 0x200E or 0x200F or 0x061C;

    /// <summary>Reads the code point at <paramref name="i"/>, advancing past a surrogate pair; a lone surrogate comes back as itself.</summary>
    private static int ReadCodePoint(ReadOnlySpan<char> text, ref int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            i++;
            return char.ConvertToUtf32(c, text[i]);
        }

        return c;
    }
}
