using System.Security.Cryptography;

namespace FeedKit.Validation;

/// <summary>
/// A 122-bit digest of an article id for the duplicate-id check: two polynomial hashes modulo the Mersenne prime
/// 2^61 − 1 with keys drawn at random once per process. For any two different ids of at most <c>n</c> UTF-16
/// characters, whoever chose them, the chance that their digests are equal is at most (<c>n</c> / 2^62)² — for
/// 100,000 ids of 100 characters, about 10^-22 that any two collide — and computing one takes a few nanoseconds
/// a character, where SHA-256 costs a call into the operating system's crypto library per id.
/// </summary>
/// <remarks>
/// The keys are random, so digests differ between processes, but only whether two ids are equal is ever used:
/// the bytes FeedKit writes do not depend on them.
/// </remarks>
internal static class IdDigest
{
    private const ulong Prime = (1UL << 61) - 1;
    private static readonly ulong Key1 = RandomKey();
    private static readonly ulong Key2 = RandomKey();

    public static UInt128 Of(ReadOnlySpan<char> id)
    {
        // Horner's rule over (pairs of characters + 1): the +1 keeps every coefficient non-zero, so ids of different
        // lengths are different polynomials; each coefficient (< 2^32 + 1) is below the prime.
        ulong h1 = 0, h2 = 0;
        var i = 0;
        for (; i + 1 < id.Length; i += 2)
        {
            var word = ((ulong)id[i] | ((ulong)id[i + 1] << 16)) + 1;
            h1 = Add(MultiplyMod(h1, Key1), word);
            h2 = Add(MultiplyMod(h2, Key2), word);
        }

        if (i < id.Length)
        {
            var last = (ulong)id[i] + (1UL << 32) + 1;
            h1 = Add(MultiplyMod(h1, Key1), last);
            h2 = Add(MultiplyMod(h2, Key2), last);
        }

        return new UInt128(h1, h2);
    }

    private static ulong MultiplyMod(ulong a, ulong b)
    {
        // a, b < 2^61, so the product is below 2^122: fold the bits above 61 back in (2^61 ≡ 1).
        var high = Math.BigMul(a, b, out var low);
        var folded = (low & Prime) + ((low >> 61) | (high << 3));
        return folded >= Prime ? folded - Prime : folded;
    }

    private static ulong Add(ulong a, ulong b)
    {
        var sum = a + b;
        return sum >= Prime ? sum - Prime : sum;
    }

    private static ulong RandomKey()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return (BitConverter.ToUInt64(bytes) % (Prime - 3)) + 2;
    }
}
