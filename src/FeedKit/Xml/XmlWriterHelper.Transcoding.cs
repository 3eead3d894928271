using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FeedKit.Xml;

/// <summary>
/// <see cref="Utf8XmlWriter"/>'s byte machinery: UTF-16 to UTF-8 with escaping, vectorized where the CPU allows
/// (this part), and the escapes of each kind of text (XmlWriterHelper.Escaping.cs).
/// </summary>
internal static partial class XmlWriterHelper
{
    /// <summary>Characters a vector holds.</summary>
    private const int VectorBlock = 8;

    /// <summary>
    /// Room the encoder keeps: a vector stores 16 bytes; one character is at most 6 bytes (<c>&amp;quot;</c>), but
    /// an entity is stored as eight.
    /// </summary>
    internal const int EncodeRoom = 64;

    /// <summary>In what the encoder's steps return, one UTF-16 unit taken (the bytes written are below it).</summary>
    private const int OneUnit = 1 << UnitShift;

    private const int UnitShift = 8;

    /// <summary>Clean characters in a row after which the encoder goes back from one at a time to vectors.</summary>
    private const int ResumeVector = 8;

    /// <summary>The shuffles <see cref="Encode{TEscaping}"/> packs UTF-8 bytes with, 16 bytes for each set of ASCII lanes.</summary>
    internal static readonly byte[] PackShuffles = BuildPackShuffles();

    /// <summary>
    /// Escapes and transcodes while at least <see cref="EncodeRoom"/> bytes of room are left; returns how many
    /// characters it took. Clean text (no character to escape, nothing from U+0800 on) goes eight characters at a time
    /// in a vector: ASCII narrowed; two-byte characters (Arabic, Hebrew, Greek, Cyrillic, Latin with diacritics) built
    /// in their 16-bit lanes and packed by a shuffle chosen by the ASCII lanes. From a block that is not clean, one
    /// character at a time, back to vectors after <see cref="ResumeVector"/> clean characters in a row (so markup dense
    /// with characters to escape, or Chinese, stays in the one loop that suits it).
    /// </summary>
    internal static int Encode<TEscaping>(ReadOnlySpan<char> source, Span<byte> destination, out int written)
        where TEscaping : struct, IEscaping
    {
        ref var src = ref MemoryMarshal.GetReference(source);
        ref var dst = ref MemoryMarshal.GetReference(destination);
        var length = source.Length;
        var lastBlock = length - VectorBlock;
        var lastWrite = destination.Length - EncodeRoom;
        var read = 0;
        var write = 0;
        while (true)
        {
            if (Vector128.IsHardwareAccelerated)
            {
                ref var units = ref Unsafe.As<char, ushort>(ref src);
                ref var shuffles = ref MemoryMarshal.GetArrayDataReference(PackShuffles);
                while (read <= lastBlock && write <= lastWrite)
                {
                    var chars = Vector128.LoadUnsafe(ref units, (nuint)read);
                    var stops = TEscaping.Specials(chars) | (chars & Vector128.Create((ushort)0xF800));
                    if (stops != Vector128<ushort>.Zero)
                    {
                        // A character from U+0800 on (a right-to-left mark, an emoji) after some clean ones: the lanes
                        // before it go in the vector (all of it is packed; only their bytes count), it on its own, and
                        // on with vectors. A character to escape, or a block that starts with one from U+0800 on: one
                        // character at a time (markup, Chinese).
                        var lanes = BitOperations.TrailingZeroCount(
                            (~Vector128.Equals(stops, Vector128<ushort>.Zero)).ExtractMostSignificantBits());
                        if (lanes == 0 || Unsafe.Add(ref src, read + lanes) < 0x80 || !Ssse3.IsSupported)
                        {
                            break;
                        }

                        var prefixAscii = Vector128.LessThan(chars, Vector128.Create((ushort)0x80));
                        var prefixAsciiLanes = prefixAscii.ExtractMostSignificantBits();
                        _ = PackTwoByte(chars, prefixAscii, prefixAsciiLanes, ref shuffles, ref Unsafe.Add(ref dst, write));
                        write += (2 * lanes) - BitOperations.PopCount(prefixAsciiLanes & ((1u << lanes) - 1));
                        read += lanes;
                        var done = EncodeLarge(ref src, read, ref Unsafe.Add(ref dst, write));
                        write += done & (OneUnit - 1);
                        read += done >>> UnitShift;
                        continue;
                    }

                    var isAscii = Vector128.LessThan(chars, Vector128.Create((ushort)0x80));
                    var asciiLanes = isAscii.ExtractMostSignificantBits();
                    if (asciiLanes == 0xFF)
                    {
                        Vector128.Narrow(chars, chars).StoreUnsafe(ref dst, (nuint)write);
                        write += VectorBlock;
                    }
                    else if (Ssse3.IsSupported)
                    {
                        write += PackTwoByte(chars, isAscii, asciiLanes, ref shuffles, ref Unsafe.Add(ref dst, write));
                    }
                    else
                    {
                        break;
                    }

                    read += VectorBlock;
                }
            }

            // One at a time, up to a stop that keeps the room (six bytes at most a character), until ResumeVector
            // clean characters in a row.
            var cleanFrom = read;
            var stop = Math.Min(length, read + ((lastWrite - write) / 6) + 1);
            while (read < stop)
            {
                int c = Unsafe.Add(ref src, read);
                if (c < 0x80)
                {
                    if (c < 64 && ((TEscaping.Mask >> c) & 1) != 0)
                    {
                        var done = TEscaping.Escape(ref src, read, length, ref Unsafe.Add(ref dst, write));
                        write += done & (OneUnit - 1);
                        read += done >>> UnitShift;
                        cleanFrom = read;
                        continue;
                    }

                    // A run of ASCII, in a tight loop, up to where the vectors take over again.
                    var runEnd = Math.Min(stop, cleanFrom + ResumeVector);
                    do
                    {
                        Unsafe.Add(ref dst, write++) = (byte)c;
                        read++;
                    }
                    while (read < runEnd && (c = Unsafe.Add(ref src, read)) < 0x80 && (c >= 64 || ((TEscaping.Mask >> c) & 1) == 0));
                }
                else if (c < 0x800)
                {
                    Unsafe.Add(ref dst, write) = (byte)(0xC0 | (c >> 6));
                    Unsafe.Add(ref dst, write + 1) = (byte)(0x80 | (c & 0x3F));
                    write += 2;
                    read++;
                }
                else
                {
                    var done = EncodeLarge(ref src, read, ref Unsafe.Add(ref dst, write));
                    write += done & (OneUnit - 1);
                    read += done >>> UnitShift;
                    cleanFrom = read;
                    continue;
                }

                if (read - cleanFrom >= ResumeVector && Vector128.IsHardwareAccelerated)
                {
                    break;
                }
            }

            if (read >= length || write > lastWrite)
            {
                written = write;
                return read;
            }
        }
    }

    /// <summary>
    /// Encodes the character from U+0800 on at <paramref name="index"/>: three bytes, or four for a surrogate pair
    /// (validated: a high surrogate has its low one after it). Returns the bytes written plus <see cref="OneUnit"/>
    /// for each UTF-16 unit taken.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EncodeLarge(ref char source, int index, ref byte destination)
    {
        int c = Unsafe.Add(ref source, index);
        if ((uint)(c - 0xD800) > 0x7FF)
        {
            destination = (byte)(0xE0 | (c >> 12));
            Unsafe.Add(ref destination, 1) = (byte)(0x80 | ((c >> 6) & 0x3F));
            Unsafe.Add(ref destination, 2) = (byte)(0x80 | (c & 0x3F));
            return OneUnit + 3;
        }

        c = ((c - 0xD800) << 10) + (Unsafe.Add(ref source, index + 1) - 0xDC00) + 0x10000;
        destination = (byte)(0xF0 | (c >> 18));
        Unsafe.Add(ref destination, 1) = (byte)(0x80 | ((c >> 12) & 0x3F));
        Unsafe.Add(ref destination, 2) = (byte)(0x80 | ((c >> 6) & 0x3F));
        Unsafe.Add(ref destination, 3) = (byte)(0x80 | (c & 0x3F));
        return (2 * OneUnit) + 4;
    }

    /// <summary>
    /// Stores the UTF-8 of eight characters below U+0800 (SSSE3): each one's bytes are built in its 16-bit lane
    /// (110xxxxx then 10xxxxxx; ASCII lanes keep the character) and packed by the shuffle for the set of ASCII lanes.
    /// Stores 16 bytes; returns how many are the characters'.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int PackTwoByte(Vector128<ushort> chars, Vector128<ushort> isAscii, uint asciiLanes, ref byte shuffles, ref byte destination)
    {
        var twoBytes = (chars >>> 6) | Vector128.Create((ushort)0xC0) | (((chars & Vector128.Create((ushort)0x3F)) | Vector128.Create((ushort)0x80)) << 8);
        var lanes = Vector128.ConditionalSelect(isAscii, chars, twoBytes).AsByte();
        Ssse3.Shuffle(lanes, Vector128.LoadUnsafe(ref shuffles, (nuint)(asciiLanes * 16))).StoreUnsafe(ref destination);
        return 16 - BitOperations.PopCount(asciiLanes);
    }

    /// <summary>
    /// For each set of ASCII lanes (bit i: lane i is ASCII) the shuffle that keeps lane i's first byte, and its
    /// second unless the lane is ASCII, packed to the front; 0x80 (a zero byte) fills the rest.
    /// </summary>
    private static byte[] BuildPackShuffles()
    {
        var shuffles = new byte[256 * 16];
        for (var ascii = 0; ascii < 256; ascii++)
        {
            var entry = shuffles.AsSpan(ascii * 16, 16);
            entry.Fill(0x80);
            var at = 0;
            for (var lane = 0; lane < VectorBlock; lane++)
            {
                entry[at++] = (byte)(2 * lane);
                if ((ascii & (1 << lane)) == 0)
                {
                    entry[at++] = (byte)((2 * lane) + 1);
                }
            }
        }

        return shuffles;
    }
}
