using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text.Encodings.Web;
using FeedKit.Xml;

namespace FeedKit.Formats.Json;

/// <summary>
/// The body of a JSON string, escaped exactly as <see cref="System.Text.Json.Utf8JsonWriter"/> escapes it with
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>, and transcoded to UTF-8 in the same pass: eight
/// characters at a time where there is nothing to escape (ASCII narrowed, two-byte characters packed as
/// <see cref="XmlWriterHelper"/> packs them for XML), one at a time elsewhere.
/// </summary>
/// <remarks>
/// What the encoder escapes is read from the encoder itself (<see cref="TextEncoder.WillEncode"/>, 256 characters at a
/// time, the first time a character of that page comes), so the bytes follow the runtime's Unicode version: it escapes
/// <c>"</c>, <c>\</c>, C0 and C1 controls, DEL, unassigned and private-use characters, spaces other than U+0020, U+2028,
/// U+2029 and every character outside the BMP (as a pair of <c>\u</c> escapes). <see cref="Enabled"/> is false, and
/// the writer leaves every string to <see cref="System.Text.Json.Utf8JsonWriter"/>, if the encoder's ASCII choices or
/// the form of its escapes are not the ones this class writes.
/// </remarks>
internal static class JsonEscaping
{
    /// <summary>Room the encoder keeps: a vector stores 16 bytes; one step writes at most 12 (an escaped surrogate pair).</summary>
    internal const int EncodeRoom = 32;

    private const int VectorBlock = 8;

    /// <summary>Clean characters in a row after which the encoder goes back from one at a time to vectors.</summary>
    private const int ResumeVector = 8;

    private const byte Unread = 0;
    private const byte Clean = 1;
    private const byte Mixed = 2;

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>Bit c: the encoder escapes BMP character c (surrogates included), for the pages read so far.</summary>
    private static readonly ulong[] Escaped = new ulong[0x10000 / 64];

    /// <summary>Per page of 256 characters: <see cref="Unread"/>, <see cref="Clean"/> (nothing escaped) or <see cref="Mixed"/>.</summary>
    private static readonly byte[] Pages = new byte[0x10000 / 256];

    /// <summary>The escapes of C0 controls written with a letter (<c>\b \t \n \f \r</c>); 0 for the <c>\u</c> form.</summary>
    private static readonly byte[] ShortEscapes = BuildShortEscapes();

    /// <summary>Whether the encoder escapes as this class does (checked once); if not, nothing here is used.</summary>
    public static readonly bool Enabled = EncoderMatches();

    /// <summary>
    /// Escapes and transcodes while at least <see cref="EncodeRoom"/> bytes of room are left; returns how many
    /// characters it took, or the one's complement of the index of a lone surrogate (which the caller leaves to
    /// <see cref="System.Text.Json.Utf8JsonWriter"/>, which writes <c>\uFFFD</c> for it).
    /// </summary>
    public static int Encode(ReadOnlySpan<char> source, Span<byte> destination, out int written)
    {
        ref var src = ref MemoryMarshal.GetReference(source);
        ref var dst = ref MemoryMarshal.GetReference(destination);
        var length = source.Length;
        var lastBlock = length - VectorBlock;
        var lastWrite = destination.Length - EncodeRoom;
        var vectors = Vector128.IsHardwareAccelerated && Ssse3.IsSupported;
        var read = 0;
        var write = 0;
        while (true)
        {
            if (vectors)
            {
                ref var units = ref Unsafe.As<char, ushort>(ref src);
                ref var shuffles = ref MemoryMarshal.GetArrayDataReference(XmlWriterHelper.PackShuffles);
                while (read <= lastBlock && write <= lastWrite)
                {
                    var chars = Vector128.LoadUnsafe(ref units, (nuint)read);

                    // ASCII the encoder escapes: C0 controls, '"', '\' and DEL (EncoderMatches checks this set).
                    var specials = Vector128.LessThan(chars, Vector128.Create((ushort)0x20))
                        | Vector128.Equals(chars, Vector128.Create((ushort)'"'))
                        | Vector128.Equals(chars, Vector128.Create((ushort)'\\'))
                        | Vector128.Equals(chars, Vector128.Create((ushort)0x7F))
                        | (chars & Vector128.Create((ushort)0xF800));
                    if (specials != Vector128<ushort>.Zero)
                    {
                        break;
                    }

                    var isAscii = Vector128.LessThan(chars, Vector128.Create((ushort)0x80));
                    var asciiLanes = isAscii.ExtractMostSignificantBits();
                    if (asciiLanes == 0xFF)
                    {
                        Vector128.Narrow(chars, chars).StoreUnsafe(ref dst, (nuint)write);
                        write += VectorBlock;
                        read += VectorBlock;
                        continue;
                    }

                    // Two-byte characters, all on the page of the first one, a page the encoder leaves alone (Arabic,
                    // Cyrillic; not Latin-1, Greek or Hebrew, whose pages hold controls or unassigned code points).
                    int page = Unsafe.Add(ref src, read + BitOperations.TrailingZeroCount(~asciiLanes)) >> 8;
                    var pageLanes = Vector128.Create((ushort)page);
                    if (!Vector128.EqualsAll(Vector128.ConditionalSelect(isAscii, pageLanes, chars >>> 8), pageLanes)
                        || !IsCleanPage(page))
                    {
                        break;
                    }

                    write += XmlWriterHelper.PackTwoByte(chars, isAscii, asciiLanes, ref shuffles, ref Unsafe.Add(ref dst, write));
                    read += VectorBlock;
                }
            }

            // One at a time, until ResumeVector characters in a row the vectors could have taken.
            var cleanFrom = read;
            while (read < length && write <= lastWrite)
            {
                int c = Unsafe.Add(ref src, read);
                if (c < 0x80)
                {
                    if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F)
                    {
                        write += EscapeAscii(c, ref Unsafe.Add(ref dst, write));
                        cleanFrom = ++read;
                        continue;
                    }

                    Unsafe.Add(ref dst, write++) = (byte)c;
                    read++;
                }
                else if (c < 0x800)
                {
                    if (IsEscaped(c))
                    {
                        write += EscapeHex(c, ref Unsafe.Add(ref dst, write));
                        cleanFrom = ++read;
                        continue;
                    }

                    Unsafe.Add(ref dst, write) = (byte)(0xC0 | (c >> 6));
                    Unsafe.Add(ref dst, write + 1) = (byte)(0x80 | (c & 0x3F));
                    write += 2;
                    read++;
                }
                else if ((uint)(c - 0xD800) <= 0x7FF)
                {
                    int low;
                    if (c > 0xDBFF || read + 1 == length || (uint)((low = Unsafe.Add(ref src, read + 1)) - 0xDC00) > 0x3FF)
                    {
                        written = write;
                        return ~read;
                    }

                    var scalar = ((c - 0xD800) << 10) + (low - 0xDC00) + 0x10000;
                    if (Encoder.WillEncode(scalar))
                    {
                        write += EscapeHex(c, ref Unsafe.Add(ref dst, write));
                        write += EscapeHex(low, ref Unsafe.Add(ref dst, write));
                    }
                    else
                    {
                        Unsafe.Add(ref dst, write) = (byte)(0xF0 | (scalar >> 18));
                        Unsafe.Add(ref dst, write + 1) = (byte)(0x80 | ((scalar >> 12) & 0x3F));
                        Unsafe.Add(ref dst, write + 2) = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                        Unsafe.Add(ref dst, write + 3) = (byte)(0x80 | (scalar & 0x3F));
                        write += 4;
                    }

                    read += 2;
                    cleanFrom = read;
                    continue;
                }
                else
                {
                    if (IsEscaped(c))
                    {
                        write += EscapeHex(c, ref Unsafe.Add(ref dst, write));
                    }
                    else
                    {
                        Unsafe.Add(ref dst, write) = (byte)(0xE0 | (c >> 12));
                        Unsafe.Add(ref dst, write + 1) = (byte)(0x80 | ((c >> 6) & 0x3F));
                        Unsafe.Add(ref dst, write + 2) = (byte)(0x80 | (c & 0x3F));
                        write += 3;
                    }

                    cleanFrom = ++read;
                    continue;
                }

                if (read - cleanFrom >= ResumeVector && vectors)
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

    /// <summary>Whether the encoder escapes BMP character <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsEscaped(int c)
    {
        var state = Volatile.Read(ref Pages[c >> 8]);
        if (state == Clean)
        {
            return false;
        }

        if (state == Unread)
        {
            ReadPage(c >> 8);
        }

        return ((Escaped[c >> 6] >> (c & 63)) & 1) != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsCleanPage(int page)
    {
        var state = Volatile.Read(ref Pages[page]);
        return state == Clean || (state == Unread && ReadPage(page) == Clean);
    }

    /// <summary>
    /// Asks the encoder about the 256 characters of a page and records the answer. Threads that read the same page
    /// at once store the same words.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static byte ReadPage(int page)
    {
        Span<ulong> words = stackalloc ulong[4];
        words.Clear();
        for (var i = 0; i < 256; i++)
        {
            var c = (page << 8) + i;
            if ((uint)(c - 0xD800) <= 0x7FF || Encoder.WillEncode(c))
            {
                words[i >> 6] |= 1UL << (i & 63);
            }
        }

        words.CopyTo(Escaped.AsSpan(page * 4, 4));
        var state = words.IndexOfAnyExcept(0UL) < 0 ? Clean : Mixed;
        Volatile.Write(ref Pages[page], state);
        return state;
    }

    /// <summary>Writes the escape of an ASCII character the encoder escapes; returns its length (2 or 6).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EscapeAscii(int c, ref byte destination)
    {
        var letter = c switch
        {
            '"' => (byte)'"',
            '\\' => (byte)'\\',
            < 0x20 => ShortEscapes[c],
            _ => (byte)0,
        };
        if (letter == 0)
        {
            return EscapeHex(c, ref destination);
        }

        destination = (byte)'\\';
        Unsafe.Add(ref destination, 1) = letter;
        return 2;
    }

    /// <summary>Writes <c>\uXXXX</c> (upper-case hexadecimal digits, as the encoder writes them); returns 6.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EscapeHex(int c, ref byte destination)
    {
        ReadOnlySpan<byte> digits = "0123456789ABCDEF"u8;
        destination = (byte)'\\';
        Unsafe.Add(ref destination, 1) = (byte)'u';
        Unsafe.Add(ref destination, 2) = digits[(c >> 12) & 0xF];
        Unsafe.Add(ref destination, 3) = digits[(c >> 8) & 0xF];
        Unsafe.Add(ref destination, 4) = digits[(c >> 4) & 0xF];
        Unsafe.Add(ref destination, 5) = digits[c & 0xF];
        return 6;
    }

    private static byte[] BuildShortEscapes()
    {
        var escapes = new byte[0x20];
        escapes['\b'] = (byte)'b';
        escapes['\t'] = (byte)'t';
        escapes['\n'] = (byte)'n';
        escapes['\f'] = (byte)'f';
        escapes['\r'] = (byte)'r';
        return escapes;
    }

    /// <summary>
    /// Whether the encoder escapes exactly the ASCII characters the vectors look for, and writes its escapes in the
    /// forms <see cref="EscapeAscii"/> and <see cref="EscapeHex"/> write.
    /// </summary>
    private static bool EncoderMatches()
    {
        for (var c = 0; c < 0x80; c++)
        {
            if (Encoder.WillEncode(c) != (c < 0x20 || c == '"' || c == '\\' || c == 0x7F))
            {
                return false;
            }
        }

        const string Probe = "\"\\\b\t\n\f\r\u0000\u001F\u007F\u0085\u00A0\u2028\uFFFF\uD83D\uDE00a\u0627";
        const string Expected = "\\\"\\\\\\b\\t\\n\\f\\r\\u0000\\u001F\\u007F\\u0085\\u00A0\\u2028\\uFFFF\\uD83D\\uDE00a\u0627";
        return Encoder.Encode(Probe) == Expected;
    }
}
