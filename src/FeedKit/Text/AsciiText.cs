using System;

namespace FeedKit.Text;

/// <summary>
/// ASCII-only character tests, case mapping and number formatting. Language tags are ASCII by definition, and mapping
/// case or formatting numbers through the current culture would make "I" lowercase to dotless "ı" under Turkish rules;
/// these helpers behave the same everywhere, with or without <c>InvariantGlobalization</c>.
/// </summary>
internal static class AsciiText
{
    public static bool IsLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    public static bool IsLetterOrDigit(char c) => IsLetter(c) || IsDigit(c);

    public static bool AllLetters(string s)
    {
        foreach (var c in s)
        {
            if (!IsLetter(c))
            {
                return false;
            }
        }

        return s.Length > 0;
    }

    public static bool AllDigits(string s)
    {
        foreach (var c in s)
        {
            if (!IsDigit(c))
            {
                return false;
            }
        }

        return s.Length > 0;
    }

    /// <summary>Lowercases ASCII letters only; returns the same instance when nothing changes.</summary>
    public static string ToLower(string s) => Map(s, upper: false, titleCase: false);

    /// <summary>Uppercases ASCII letters only; returns the same instance when nothing changes.</summary>
    public static string ToUpper(string s) => Map(s, upper: true, titleCase: false);

    /// <summary>First character uppercase, the rest lowercase (ASCII letters only), as script subtags are written.</summary>
    public static string ToTitle(string s) => Map(s, upper: true, titleCase: true);

    /// <summary>A non-negative number in decimal digits.</summary>
    public static string Decimal(int value)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value));
        }

        Span<char> buffer = stackalloc char[10];
        var i = buffer.Length;
        do
        {
            buffer[--i] = (char)('0' + (value % 10));
            value /= 10;
        }
        while (value != 0);
        return new string(buffer.Slice(i));
    }

    /// <summary>A code point as U+ notation, at least four uppercase hex digits.</summary>
    public static string CodePoint(int value)
    {
        const string digits = "0123456789ABCDEF";
        Span<char> buffer = stackalloc char[8];
        var i = buffer.Length;
        do
        {
            buffer[--i] = digits[value & 0xF];
            value >>= 4;
        }
        while (value != 0 || buffer.Length - i < 4);
        return "U+" + new string(buffer.Slice(i));
    }

    private static string Map(string s, bool upper, bool titleCase)
    {
        char[]? chars = null;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var wantUpper = titleCase ? i == 0 : upper;
            var mapped = !IsLetter(c) ? c : wantUpper ? (char)(c & ~0x20) : (char)(c | 0x20);
            if (mapped != c)
            {
                chars ??= s.ToCharArray();
                chars[i] = mapped;
            }
        }

        return chars is null ? s : new string(chars);
    }
}
