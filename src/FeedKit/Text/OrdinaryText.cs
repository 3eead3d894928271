using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FeedKit.Text;

/// <summary>
/// A vectorized test for ordinary text, the fast path of the text checks: characters from a few ranges (printable
/// ASCII, Latin-1 and the Latin extensions, Cyrillic letters, Hebrew letters, Arabic letters, digits and punctuation,
/// general punctuation) that are all valid in XML, neither C0 nor C1 controls, not bidi embedding controls, not line
/// or paragraph separators, and starters that NFC neither decomposes nor composes with what comes before them.
/// </summary>
/// <remarks>
/// Text made only of such characters is valid, already in NFC and free of everything the lint warns about
/// character by character, so the checks need not look the characters up one by one. Anything else (a
/// combining mark, a tab, a line break, an emoji, a CJK ideograph) is simply not ordinary and takes the full,
/// per-character path: this is a shortcut, never a different rule. The ranges are checked against FeedKit's
/// normalization and bidi data by the tests.
/// </remarks>
internal static class OrdinaryText
{
    // Inclusive ranges. The first four are the commonest in news text and are tried first. An array, not a span
    // over constant data: unoptimized (Debug) code would allocate a field handle on every read of such a span.
    private const char FirstMark = '\u064B';
    private const char LastMark = '\u0652';

    private static readonly ushort[] Ranges =
    [
        0x0020, 0x007E, // printable ASCII
        0x0600, 0x060F, // Arabic number signs, comma, poetic and Quranic signs without marks
        0x061B, 0x064A, // Arabic semicolon, letter mark, question mark, letters
        0x05D0, 0x05F4, // Hebrew letters and punctuation
        0x00A0, 0x02FF, // Latin-1 letters and symbols, Latin Extended, IPA, spacing modifiers
        0x0400, 0x0482, // Cyrillic letters
        0x0660, 0x066F, // Arabic-Indic digits, percent, decimal and thousands separators
        0x0671, 0x06D5, // Arabic letters (Persian, Urdu and more), full stop
        0x06EE, 0x06FF, // Arabic letters and extended Arabic-Indic (Persian, Urdu) digits
        0x2010, 0x2027, // dashes, quotation marks, bullets, ellipsis
        0x2030, 0x205E, // per mille, primes, guillemets and other punctuation
    ];

    /// <summary>
    /// The index of the first character that is not ordinary, or -1. An Arabic vowel mark (U+064B to U+0652: the
    /// tanween, fatha, damma, kasra, shadda, sukun) counts as ordinary right after an ordinary character that is not
    /// itself a mark, as in «أيضاً»: a lone mark after a starter is already in NFC. Two marks in a row, or a mark
    /// first, are not ordinary (their order may need NFC's canonical reordering).
    /// </summary>
    public static int IndexOfNotOrdinary(ReadOnlySpan<char> text)
    {
        var units = MemoryMarshal.Cast<char, ushort>(text);
        ref var start = ref MemoryMarshal.GetReference(units);
        var i = 0;
        int found;
        if (Vector512.IsHardwareAccelerated)
        {
            // AVX-512: 32 characters a step; a step with anything else (a mark, usually) is settled 8 at a time.
            for (; i <= units.Length - Vector512<ushort>.Count; i += Vector512<ushort>.Count)
            {
                if (!IsOrdinary(Vector512.LoadUnsafe(ref start, (nuint)i)))
                {
                    for (var j = i; j < i + Vector512<ushort>.Count; j += Vector128<ushort>.Count)
                    {
                        if (!IsOrdinary(Vector128.LoadUnsafe(ref start, (nuint)j)) && (found = IndexOfNotOrdinaryScalar(units, j, j + Vector128<ushort>.Count)) >= 0)
                        {
                            return found;
                        }
                    }
                }
            }
        }

        if (Vector128.IsHardwareAccelerated && units.Length >= Vector128<ushort>.Count)
        {
            for (; i <= units.Length - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                if (!IsOrdinary(Vector128.LoadUnsafe(ref start, (nuint)i)) && (found = IndexOfNotOrdinaryScalar(units, i, i + Vector128<ushort>.Count)) >= 0)
                {
                    return found;
                }
            }

            // The last few characters: one more vector, overlapping what was already found ordinary.
            if (i < units.Length)
            {
                i = units.Length - Vector128<ushort>.Count;
                return IsOrdinary(Vector128.LoadUnsafe(ref start, (nuint)i)) ? -1 : IndexOfNotOrdinaryScalar(units, i, units.Length);
            }

            return -1;
        }

        return IndexOfNotOrdinaryScalar(units, i, units.Length);
    }

    /// <summary>Whether <paramref name="c"/> is one of the Arabic vowel marks that are ordinary after a letter.</summary>
    public static bool IsMark(char c) => (uint)(c - FirstMark) <= LastMark - FirstMark;

    /// <summary>Whether one UTF-16 code unit is ordinary.</summary>
    public static bool IsOrdinary(char c)
    {
        var ranges = Ranges;
        if ((uint)(c - 0x0020) <= 0x007E - 0x0020 || (uint)(c - 0x061B) <= 0x064A - 0x061B)
        {
            return true;
        }

        for (var r = 0; r < ranges.Length; r += 2)
        {
            if ((uint)(c - ranges[r]) <= (uint)(ranges[r + 1] - ranges[r]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOrdinary(Vector512<ushort> v)
    {
        var common = InRange(v, 0x0020, 0x007E) | InRange(v, 0x0600, 0x060F) | InRange(v, 0x061B, 0x064A) | InRange(v, 0x05D0, 0x05F4);
        if (common == Vector512<ushort>.AllBitsSet)
        {
            return true;
        }

        var ranges = Ranges;
        for (var r = 2 * 4; r < ranges.Length; r += 2)
        {
            common |= InRange(v, ranges[r], ranges[r + 1]);
        }

        return common == Vector512<ushort>.AllBitsSet;
    }

    private static bool IsOrdinary(Vector128<ushort> v)
    {
        var common = InRange(v, 0x0020, 0x007E) | InRange(v, 0x0600, 0x060F) | InRange(v, 0x061B, 0x064A) | InRange(v, 0x05D0, 0x05F4);
        if (common == Vector128<ushort>.AllBitsSet)
        {
            return true;
        }

        var ranges = Ranges;
        for (var r = 2 * 4; r < ranges.Length; r += 2)
        {
            common |= InRange(v, ranges[r], ranges[r + 1]);
        }

        return common == Vector128<ushort>.AllBitsSet;
    }

    // Unsigned wrap-around: c - low <= high - low exactly when low <= c <= high.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ushort> InRange(Vector512<ushort> v, ushort low, ushort high) =>
        Vector512.LessThanOrEqual(v - Vector512.Create(low), Vector512.Create((ushort)(high - low)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> InRange(Vector128<ushort> v, ushort low, ushort high) =>
        Vector128.LessThanOrEqual(v - Vector128.Create(low), Vector128.Create((ushort)(high - low)));

    /// <summary>The first character from <paramref name="from"/> to <paramref name="to"/> that is not ordinary, or -1.</summary>
    private static int IndexOfNotOrdinaryScalar(ReadOnlySpan<ushort> units, int from, int to)
    {
        var afterMark = from > 0 && IsMark((char)units[from - 1]);
        for (var i = from; i < to; i++)
        {
            var c = (char)units[i];
            if (IsMark(c))
            {
                if (i == 0 || afterMark)
                {
                    return i;
                }

                afterMark = true;
            }
            else if (IsOrdinary(c))
            {
                afterMark = false;
            }
            else
            {
                return i;
            }
        }

        return -1;
    }
}
