using System.Buffers;

namespace FeedKit.Validation;

/// <summary>
/// The ids seen so far in a feed, kept as 128-bit digests (with the index of the article that had each first) in an
/// open-addressing table: 20 bytes a slot, at most four fifths full, so that a streamed feed of 100,000 articles
/// keeps about 2.6 MB instead of every id. The digests are already uniformly distributed (SHA-256), so their low
/// bits are the hash.
/// </summary>
/// <remarks>
/// The tables come from <see cref="ArrayPool{T}.Shared"/> and the last ones go back on <see cref="Dispose"/>, so that
/// writing feeds of the same size again and again allocates nothing.
/// </remarks>
internal sealed class IdDigestSet : IDisposable
{
    private UInt128[] _digests;
    private int[] _firstPlusOne;
    private int _count;

    /// <summary>Creates a set sized for <paramref name="expected"/> ids (it grows past that when needed).</summary>
    public IdDigestSet(int expected = 0)
    {
        var size = 64;
        while (size * 4L < expected * 5L)
        {
            size *= 2;
        }

        (_digests, _firstPlusOne) = Rent(size);
    }

    /// <summary>Adds a digest; false (and the first article's index) when it was already there.</summary>
    public bool TryAdd(UInt128 digest, int index, out int first)
    {
        if ((_count + 1) * 5L > _digests.Length * 4L)
        {
            Grow();
        }

        var mask = _digests.Length - 1;
        for (var slot = (int)(ulong)digest & mask; ; slot = (slot + 1) & mask)
        {
            if (_firstPlusOne[slot] == 0)
            {
                _digests[slot] = digest;
                _firstPlusOne[slot] = index + 1;
                _count++;
                first = -1;
                return true;
            }

            if (_digests[slot] == digest)
            {
                first = _firstPlusOne[slot] - 1;
                return false;
            }
        }
    }

    public void Dispose()
    {
        if (_digests.Length > 0)
        {
            ArrayPool<UInt128>.Shared.Return(_digests);
            ArrayPool<int>.Shared.Return(_firstPlusOne);
            _digests = [];
            _firstPlusOne = [];
        }
    }

    /// <summary>Two tables of exactly <paramref name="size"/> slots (a power of two), all empty.</summary>
    private static (UInt128[] Digests, int[] FirstPlusOne) Rent(int size)
    {
        // The shared pool hands out arrays of power-of-two lengths from 16 up, so these are exactly the size asked for.
        var digests = ArrayPool<UInt128>.Shared.Rent(size);
        var firsts = ArrayPool<int>.Shared.Rent(size);
        if (digests.Length != size || firsts.Length != size)
        {
            ArrayPool<UInt128>.Shared.Return(digests);
            ArrayPool<int>.Shared.Return(firsts);
            (digests, firsts) = (new UInt128[size], new int[size]);
        }

        Array.Clear(firsts);
        return (digests, firsts);
    }

    private void Grow()
    {
        var digests = _digests;
        var firsts = _firstPlusOne;
        (_digests, _firstPlusOne) = Rent(digests.Length * 2);
        var mask = _digests.Length - 1;
        for (var i = 0; i < digests.Length; i++)
        {
            if (firsts[i] == 0)
            {
                continue;
            }

            var slot = (int)(ulong)digests[i] & mask;
            while (_firstPlusOne[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _digests[slot] = digests[i];
            _firstPlusOne[slot] = firsts[i];
        }

        // The outgrown tables are left to the garbage collector, not given back to the pool: the pool would keep
        // every size a streamed feed passed through, and memory would grow twice as fast as the table.
    }
}
