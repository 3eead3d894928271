using System.Globalization;

namespace FeedKit.Xml;

/// <summary>
/// Date formats of the feed specifications, written digit by digit with the Gregorian calendar whatever
/// <see cref="CultureInfo.CurrentCulture"/> is (under ar-SA a culture-aware format would use the Hijri calendar),
/// into a caller's buffer so that writing a date allocates nothing.
/// </summary>
internal static class Dates
{
    /// <summary>Enough characters for any date in either format.</summary>
    public const int MaxLength = 40;

    private const string DayNames = "SunMonTueWedThuFriSat";
    private const string MonthNames = "JanFebMarAprMayJunJulAugSepOctNovDec";

    /// <summary>
    /// RFC 3339 (Atom): <c>2021-06-16T19:00:00+03:00</c>; <c>Z</c> for UTC; fractional seconds only when present.
    /// The offset the publisher gave is kept.
    /// </summary>
    public static string Rfc3339(DateTimeOffset value)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        return new string(buffer[..FormatRfc3339(value, buffer)]);
    }

    /// <summary>Writes <see cref="Rfc3339"/>'s text into <paramref name="destination"/> (at least <see cref="MaxLength"/> long).</summary>
    /// <returns>The number of characters written.</returns>
    public static int FormatRfc3339(DateTimeOffset value, Span<char> destination)
    {
        var local = value.DateTime;
        var n = 0;
        Digits(destination, ref n, local.Year, 4);
        destination[n++] = '-';
        Digits(destination, ref n, local.Month, 2);
        destination[n++] = '-';
        Digits(destination, ref n, local.Day, 2);
        destination[n++] = 'T';
        Time(destination, ref n, local);
        var fraction = local.Ticks % TimeSpan.TicksPerSecond;
        if (fraction != 0)
        {
            destination[n++] = '.';
            var digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            Digits(destination, ref n, (int)fraction, digits);
        }

        var offset = value.Offset;
        if (offset == TimeSpan.Zero)
        {
            destination[n++] = 'Z';
            return n;
        }

        destination[n++] = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        Digits(destination, ref n, offset.Hours, 2);
        destination[n++] = ':';
        Digits(destination, ref n, offset.Minutes, 2);
        return n;
    }

    /// <summary>
    /// RFC 822 as RSS 2.0 uses it, always in GMT with a four-digit year: <c>Wed, 16 Jun 2021 16:00:00 GMT</c>.
    /// Fractions of a second are dropped (RFC 822 has none).
    /// </summary>
    public static string Rfc822(DateTimeOffset value)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        return new string(buffer[..FormatRfc822(value, buffer)]);
    }

    /// <summary>Writes <see cref="Rfc822"/>'s text into <paramref name="destination"/> (at least <see cref="MaxLength"/> long).</summary>
    /// <returns>The number of characters written.</returns>
    public static int FormatRfc822(DateTimeOffset value, Span<char> destination)
    {
        var utc = value.UtcDateTime;
        var n = 0;
        DayNames.AsSpan((int)utc.DayOfWeek * 3, 3).CopyTo(destination);
        n += 3;
        destination[n++] = ',';
        destination[n++] = ' ';
        Digits(destination, ref n, utc.Day, 2);
        destination[n++] = ' ';
        MonthNames.AsSpan((utc.Month - 1) * 3, 3).CopyTo(destination[n..]);
        n += 3;
        destination[n++] = ' ';
        Digits(destination, ref n, utc.Year, 4);
        destination[n++] = ' ';
        Time(destination, ref n, utc);
        " GMT".AsSpan().CopyTo(destination[n..]);
        return n + 4;
    }

    private static void Time(Span<char> destination, ref int n, DateTime time)
    {
        Digits(destination, ref n, time.Hour, 2);
        destination[n++] = ':';
        Digits(destination, ref n, time.Minute, 2);
        destination[n++] = ':';
        Digits(destination, ref n, time.Second, 2);
    }

    /// <summary>Writes <paramref name="value"/> (not negative) in exactly <paramref name="width"/> ASCII digits.</summary>
    private static void Digits(Span<char> destination, ref int n, int value, int width)
    {
        for (var i = n + width - 1; i >= n; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }

        n += width;
    }
}
