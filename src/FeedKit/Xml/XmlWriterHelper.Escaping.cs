using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace FeedKit.Xml;

// What each kind of text escapes, found in a vector by Encode, and the bytes of the escapes.
internal static partial class XmlWriterHelper
{
    /// <summary>What a kind of text escapes: which ASCII characters, found in a vector, and how.</summary>
    internal interface IEscaping
    {
        /// <summary>Bit c set: character c (below 64) is escaped.</summary>
        static abstract ulong Mask { get; }

        /// <summary>All ones in the lanes holding a character to escape.</summary>
        static abstract Vector128<ushort> Specials(Vector128<ushort> chars);

        /// <summary>Writes the escape for the character at <paramref name="index"/>; returns the bytes written (at most
        /// six; eight may be stored) plus <see cref="OneUnit"/> for each UTF-16 unit taken.</summary>
        static abstract int Escape(ref char source, int index, int length, ref byte destination);
    }

    /// <summary>Element text: <c>&amp;amp; &amp;lt; &amp;gt;</c>; CR LF and CR become LF (LF itself stays).</summary>
    internal readonly struct TextEscaping : IEscaping
    {
        public static ulong Mask => (1UL << '\r') | (1UL << '&') | (1UL << '<') | (1UL << '>');

        // '<' and '>' are the two characters c with (c | 2) == '>'.
        public static Vector128<ushort> Specials(Vector128<ushort> chars) =>
            Vector128.Equals(chars, Vector128.Create((ushort)'&'))
            | Vector128.Equals(chars | Vector128.Create((ushort)2), Vector128.Create((ushort)'>'))
            | Vector128.Equals(chars, Vector128.Create((ushort)'\r'));

        public static int Escape(ref char source, int index, int length, ref byte destination)
        {
            var c = Unsafe.Add(ref source, index);
            if (c != '\r')
            {
                return OneUnit + EscapeMarkup(c, ref destination);
            }

            // CR, alone or before LF: one LF (NewLineHandling.Replace, NewLineChars "\n").
            destination = (byte)'\n';
            return index + 1 < length && Unsafe.Add(ref source, index + 1) == '\n' ? (2 * OneUnit) + 1 : OneUnit + 1;
        }
    }

    /// <summary>Attribute values: also <c>&amp;quot;</c>, and tab, LF and CR as character references.</summary>
    internal readonly struct AttributeEscaping : IEscaping
    {
        public static ulong Mask =>
            (1UL << '\t') | (1UL << '\n') | (1UL << '\r') | (1UL << '"') | (1UL << '&') | (1UL << '<') | (1UL << '>');

        // Validated text holds no C0 controls but tab, LF and CR; '"' and '&' are the c with (c | 4) == '&'.
        public static Vector128<ushort> Specials(Vector128<ushort> chars) =>
            Vector128.LessThan(chars, Vector128.Create((ushort)0x20))
            | Vector128.Equals(chars | Vector128.Create((ushort)4), Vector128.Create((ushort)'&'))
            | Vector128.Equals(chars | Vector128.Create((ushort)2), Vector128.Create((ushort)'>'));

        public static int Escape(ref char source, int index, int length, ref byte destination)
        {
            switch (Unsafe.Add(ref source, index))
            {
                case '&' or '<' or '>':
                    return OneUnit + EscapeMarkup(Unsafe.Add(ref source, index), ref destination);
                case '"':
                    StoreAscii(ref destination, 0x3B_74_6F_75_71_26); // &quot;
                    return OneUnit + 6;
                case '\t':
                    StoreAscii(ref destination, 0x3B_39_78_23_26); // &#x9;
                    return OneUnit + 5;
                case '\n':
                    StoreAscii(ref destination, 0x3B_41_78_23_26); // &#xA;
                    return OneUnit + 5;
                default:
                    StoreAscii(ref destination, 0x3B_44_78_23_26); // &#xD;
                    return OneUnit + 5;
            }
        }
    }

    /// <summary>Nothing escaped (names, instruction text between its special characters).</summary>
    internal readonly struct NoEscaping : IEscaping
    {
        public static ulong Mask => 0;

        public static Vector128<ushort> Specials(Vector128<ushort> chars) => Vector128<ushort>.Zero;

        public static int Escape(ref char source, int index, int length, ref byte destination) =>
            throw new UnreachableException();
    }

    /// <summary>
    /// Writes the entity for <c>&amp;</c>, <c>&lt;</c> or <c>&gt;</c>, which text and attribute values escape alike,
    /// and returns its length in bytes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EscapeMarkup(char c, ref byte destination)
    {
        switch (c)
        {
            case '&':
                StoreAscii(ref destination, 0x3B_70_6D_61_26); // &amp;
                return 5;
            case '<':
                StoreAscii(ref destination, 0x3B_74_6C_26); // &lt;
                return 4;
            default:
                Debug.Assert(c == '>', "only & < > reach here");
                StoreAscii(ref destination, 0x3B_74_67_26); // &gt;
                return 4;
        }
    }

    /// <summary>Stores up to eight ASCII bytes given little-endian in a <see cref="ulong"/> (an entity; zeros after it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreAscii(ref byte destination, ulong littleEndian) =>
        Unsafe.WriteUnaligned(ref destination, BitConverter.IsLittleEndian ? littleEndian : BinaryPrimitives.ReverseEndianness(littleEndian));
}
