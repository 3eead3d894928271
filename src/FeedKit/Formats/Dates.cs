using System.Globalization;

namespace FeedKit.Formats;

/// <summary>
/// Date formats of the feed specifications, written with the invariant culture and the Gregorian calendar
/// whatever <see cref="CultureInfo.CurrentCulture"/> is (under ar-SA it would otherwise be the Hijri calendar).
/// </summary>
internal static class Dates
{
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>
    /// RFC 3339 (Atom): <c>2021-06-16T19:00:00+03:00</c>; <c>Z</c> for UTC; fractional seconds only when present.
    /// The offset the publisher gave is kept.
    /// </summary>
    public static string Rfc3339(DateTimeOffset value)
    {
        var local = value.DateTime;
        var text = local.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture);
        var fraction = local.Ticks % TimeSpan.TicksPerSecond;
        if (fraction != 0)
        {
            text += "." + fraction.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        if (value.Offset == TimeSpan.Zero)
        {
            return text + "Z";
        }

        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{text}{sign}{offset.Hours:00}:{offset.Minutes:00}");
    }

    /// <summary>
    /// RFC 822 as RSS 2.0 uses it, always in GMT with a four-digit year: <c>Wed, 16 Jun 2021 16:00:00 GMT</c>.
    /// Fractions of a second are dropped (RFC 822 has none).
    /// </summary>
    public static string Rfc822(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{DayNames[(int)utc.DayOfWeek]}, {utc.Day:00} {MonthNames[utc.Month - 1]} {utc.Year:0000} {utc.Hour:00}:{utc.Minute:00}:{utc.Second:00} GMT");
    }
}
