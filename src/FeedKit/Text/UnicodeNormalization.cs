using System.Buffers;
using System.Text;

namespace FeedKit.Text;

/// <summary>
/// Unicode normalization form C from FeedKit's own data (no ICU): the same result with or without
/// InvariantGlobalization.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="string.Normalize()"/> asks ICU on Linux, and with <c>InvariantGlobalization=true</c> (containers,
/// Native AOT) it returns the string unchanged, so the same article would give different feed bytes on different
/// machines. This class follows UAX #15 with tables generated from the Unicode Character Database
/// (<c>Data/generate_normalization.py</c>, version in <see cref="NormalizationData.UnicodeVersion"/>): canonical
/// decomposition, canonical ordering by Canonical_Combining_Class, then canonical composition of primary composites,
/// with Hangul syllables composed and decomposed by arithmetic.
/// </para>
/// <para>
/// Text is not required to be well-formed UTF-16: a lone surrogate is passed through unchanged, as a starter
/// (combining class 0) with no decomposition, where <see cref="string.Normalize()"/> would throw.
/// </para>
/// </remarks>
public static class UnicodeNormalization
{
    // Props flags (see NormalizationData.Props).
    private const int FlagNo = 1;
    private const int FlagMaybe = 2;
    private const int FlagDecomposes = 4;

    // Below U+0300 every character is a starter in NFC that never combines with the one before it;
    // below U+00C0 none decomposes either.
    private const int FirstNoOrMaybe = 0x300;
    private const int FirstDecomposable = 0xC0;

    // Segment entries (see Add).
    private const int CodePointMask = 0x1FFFFF;
    private const int MaybeBit = 1 << 21;

    // Hangul syllables (Unicode chapter 3.12).
    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    private const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    /// <summary>Puts <paramref name="text"/> in Unicode normalization form C (canonical composition).</summary>
    /// <param name="text">The text; it need not be well-formed UTF-16.</param>
    /// <returns>
    /// The NFC form. When <paramref name="text"/> is already NFC (all ASCII is, and so is most Arabic and Hebrew text:
    /// unvocalized, or with its marks in canonical order) the same instance is returned, found by a scan that
    /// allocates nothing.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static string ToNfc(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int start = QuickCheck(text, out bool maybe);
        if (start < 0)
            return text;
        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text.AsSpan(0, start));
        Normalize(text.AsSpan(start), builder);
        // A "maybe" answer can turn out to be NFC after all (a hamza above that composes with nothing): keep the instance.
        return maybe && builder.Equals(text.AsSpan()) ? text : builder.ToString();
    }

    /// <summary>Tells whether <paramref name="text"/> is in Unicode normalization form C.</summary>
    /// <param name="text">The text; it need not be well-formed UTF-16.</param>
    /// <returns>
    /// <see langword="true"/> exactly when <see cref="ToNfc"/> would return the same characters. A quick check answers
    /// most text; only characters that may compose with the one before them are settled by normalizing.
    /// </returns>
    public static bool IsNfc(ReadOnlySpan<char> text)
    {
        int start = QuickCheck(text, out bool maybe);
        if (start < 0)
            return true;
        if (!maybe)
            return false;
        var builder = new StringBuilder(text.Length - start + 16);
        Normalize(text[start..], builder);
        return builder.Equals(text[start..]);
    }

    /// <summary>
    /// The NFC quick check of UAX #15: -1 when the text is NFC, else the index of the last starter before the first
    /// character that may not be, from which normalizing must begin (nothing before it can change).
    /// </summary>
    /// <param name="text">The text to scan.</param>
    /// <param name="maybe">
    /// Whether the only problems are "maybe" characters (ones that may compose with the character before them), so
    /// the text could still be NFC; <see langword="false"/> with a result of 0 or more means it certainly is not.
    /// </param>
    private static int QuickCheck(ReadOnlySpan<char> text, out bool maybe)
    {
        maybe = false;
        int firstMaybe = -1;
        int lastStarter = 0;
        int lastCcc = 0;
        int ordinaryRun = 0;
        for (int i = 0; i < text.Length;)
        {
            // Ordinary characters are starters that NFC leaves alone: after a few plain starters in a row, skip the
            // rest of such a run with a vectorized scan (one mark in a long Arabic paragraph should not cost a scan per letter).
            if (ordinaryRun >= 8)
            {
                ordinaryRun = 0;
                int skip = OrdinaryText.IndexOfNotOrdinary(text[i..]);
                if (skip < 0)
                    break;
                if (skip > 0)
                {
                    // A run of ordinary characters starts with a starter and may hold lone vowel marks; when it
                    // ends on one, look at that mark again here, after the starter it follows.
                    i += skip;
                    if (OrdinaryText.IsMark(text[i - 1]))
                        i--;
                    lastStarter = i - 1;
                    lastCcc = 0;
                }
            }
            int start = i;
            int cp = ReadCodePoint(text, ref i);
            int props = cp < FirstNoOrMaybe ? 0 : PropsOf(cp);
            int ccc = props & 0xFF;
            if (((props >> 8) & FlagNo) != 0 || (ccc != 0 && lastCcc > ccc))
            {
                maybe = false;
                return firstMaybe >= 0 ? firstMaybe : lastStarter;
            }
            if (((props >> 8) & FlagMaybe) != 0 && firstMaybe < 0)
            {
                // Only normalizing settles it; keep scanning in case a later character settles it sooner.
                maybe = true;
                firstMaybe = lastStarter;
            }
            if (ccc == 0)
                lastStarter = start;
            lastCcc = ccc;
            ordinaryRun = props == 0 ? ordinaryRun + 1 : 0;
        }
        return firstMaybe;
    }

    /// <summary>
    /// Normalizes <paramref name="text"/> (which starts at a starter that does not combine backward, or at the
    /// start of the string) to NFC and appends it. Work goes segment by segment, a segment ending before each
    /// starter that cannot combine with what precedes it, so the buffer stays small however long the text.
    /// </summary>
    private static void Normalize(ReadOnlySpan<char> text, StringBuilder output)
    {
        int[] segment = ArrayPool<int>.Shared.Rent(32);
        int length = 0;
        try
        {
            Span<int> decomposed = stackalloc int[NormalizationData.MaxDecompositionLength];
            for (int i = 0; i < text.Length;)
            {
                int cp = ReadCodePoint(text, ref i);
                int props = cp < FirstDecomposable ? 0 : PropsOf(cp);
                if (((props >> 8) & FlagDecomposes) == 0 && (uint)(cp - SBase) >= SCount)
                {
                    Add(cp, props, ref segment, ref length, output);
                    continue;
                }
                int count = Decompose(cp, decomposed);
                foreach (int part in decomposed[..count])
                    Add(part, part < FirstNoOrMaybe ? 0 : PropsOf(part), ref segment, ref length, output);
            }
            ComposeAndAppend(segment.AsSpan(0, length), output);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(segment);
        }
    }

    /// <summary>
    /// Adds one decomposed code point to the segment as <c>cp | maybe &lt;&lt; 21 | ccc &lt;&lt; 24</c>, so that
    /// ordering and composition need no further look-ups; first flushes the segment when the code point starts a new one.
    /// </summary>
    private static void Add(int cp, int props, ref int[] segment, ref int length, StringBuilder output)
    {
        int ccc = props & 0xFF;
        bool maybe = ((props >> 8) & FlagMaybe) != 0;
        if (ccc == 0 && !maybe && length > 0)
        {
            ComposeAndAppend(segment.AsSpan(0, length), output);
            length = 0;
        }
        if (length == segment.Length)
        {
            int[] larger = ArrayPool<int>.Shared.Rent(length * 2);
            segment.CopyTo(larger, 0);
            ArrayPool<int>.Shared.Return(segment);
            segment = larger;
        }
        segment[length++] = cp | (maybe ? MaybeBit : 0) | ccc << 24;
    }

    /// <summary>Writes the full canonical decomposition of a Hangul syllable or a code point flagged as decomposing.</summary>
    private static int Decompose(int cp, Span<int> destination)
    {
        int s = cp - SBase;
        if ((uint)s < SCount)
        {
            destination[0] = LBase + s / NCount;
            destination[1] = VBase + s % NCount / TCount;
            int t = s % TCount;
            if (t == 0)
                return 2;
            destination[2] = TBase + t;
            return 3;
        }
        int span = NormalizationData.DecompositionSpans[NormalizationData.DecompositionKeys.BinarySearch(cp)];
        int count = span & 7;
        NormalizationData.DecompositionData.AsSpan(span >> 3, count).CopyTo(destination);
        return count;
    }

    /// <summary>
    /// Puts one decomposed segment in canonical order, composes it (UAX #15 canonical composition algorithm) and
    /// appends it as UTF-16.
    /// </summary>
    private static void ComposeAndAppend(Span<int> segment, StringBuilder output)
    {
        // Canonical ordering: a stable insertion sort of each run of non-starters by combining class.
        for (int i = 1; i < segment.Length; i++)
        {
            int entry = segment[i];
            int ccc = entry >>> 24;
            if (ccc == 0)
                continue;
            int j = i;
            for (; j > 0 && segment[j - 1] >>> 24 > ccc; j--)
                segment[j] = segment[j - 1];
            segment[j] = entry;
        }

        int starter = -1;
        int lastCcc = 0;
        int written = 0;
        for (int i = 0; i < segment.Length; i++)
        {
            int entry = segment[i];
            int ccc = entry >>> 24;
            // Only a "maybe" character can be the second of a pair. It composes when not blocked from the last
            // starter: adjacent to it, or every character between has a lower combining class.
            if (starter >= 0 && (entry & MaybeBit) != 0 && (written == starter + 1 || (lastCcc != 0 && lastCcc < ccc)))
            {
                int composite = Compose(segment[starter] & CodePointMask, entry & CodePointMask);
                if (composite >= 0)
                {
                    segment[starter] = composite; // a primary composite is a starter, and may compose again
                    continue;
                }
            }
            if (ccc == 0)
                starter = written;
            lastCcc = ccc;
            segment[written++] = entry;
        }

        for (int i = 0; i < written; i++)
            AppendCodePoint(output, segment[i] & CodePointMask);
    }

    /// <summary>The primary composite of <paramref name="first"/> and <paramref name="second"/>, or -1.</summary>
    private static int Compose(int first, int second)
    {
        int l = first - LBase, v = second - VBase;
        if ((uint)l < LCount && (uint)v < VCount)
            return SBase + (l * VCount + v) * TCount;
        int s = first - SBase, t = second - TBase;
        if ((uint)s < SCount && s % TCount == 0 && t > 0 && t < TCount)
            return first + t;
        int index = NormalizationData.CompositionPairs.BinarySearch((long)first << 21 | (uint)second);
        return index >= 0 ? NormalizationData.CompositionResults[index] : -1;
    }

    /// <summary>
    /// One bit per BMP code point: set when it has a combining class or a quick-check flag. Most text (Arabic and
    /// Hebrew letters, CJK, punctuation) has neither, so one bit test replaces a binary search per character.
    /// </summary>
    private static readonly ulong[] BmpHasProps = BuildBmpHasProps();

    private static ulong[] BuildBmpHasProps()
    {
        var bits = new ulong[0x10000 / 64];
        foreach (var entry in NormalizationData.Props)
        {
            var cp = (int)(entry >> 11);
            if (cp < 0x10000)
            {
                bits[cp >> 6] |= 1UL << (cp & 63);
            }
        }

        return bits;
    }

    /// <summary>Combining class and flags of <paramref name="cp"/>: <c>flags &lt;&lt; 8 | ccc</c>.</summary>
    private static int PropsOf(int cp)
    {
        if (cp < 0x10000 && (BmpHasProps[cp >> 6] & (1UL << (cp & 63))) == 0)
        {
            return 0;
        }

        ReadOnlySpan<uint> props = NormalizationData.Props;
        int lo = 0, hi = props.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int key = (int)(props[mid] >> 11);
            if (key == cp)
                return (int)(props[mid] & 0x7FF);
            if (key < cp)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return 0;
    }

    /// <summary>Reads the code point at <paramref name="i"/> and advances past it; a lone surrogate is its own value.</summary>
    private static int ReadCodePoint(ReadOnlySpan<char> text, ref int i)
    {
        char c = text[i++];
        if (char.IsHighSurrogate(c) && i < text.Length && char.IsLowSurrogate(text[i]))
            return char.ConvertToUtf32(c, text[i++]);
        return c;
    }

    /// <summary>Appends <paramref name="cp"/> as UTF-16 (a lone surrogate as itself).</summary>
    private static void AppendCodePoint(StringBuilder output, int cp)
    {
        if (cp < 0x10000)
        {
            output.Append((char)cp);
            return;
        }
        cp -= 0x10000;
        output.Append((char)(0xD800 + (cp >> 10))).Append((char)(0xDC00 + (cp & 0x3FF)));
    }
}
