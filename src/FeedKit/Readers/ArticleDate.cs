using System.Globalization;
using System.Text.RegularExpressions;
using FeedKit.Text;

namespace FeedKit.Readers;

/// <summary>
/// A date as an article file gives it, which is not always an instant: a day (<c>2021-06-16</c>, Jekyll's and
/// Hugo's usual), a day and time without a zone (<c>2021-06-16 21:30</c>), or a day and time with a UTC offset
/// (<c>2021-06-16T21:30:00+02:00</c>, <c>2021-06-16 21:30:00 +0200</c>). Only the last is an instant; the others
/// become one with the offset the host supplies (<see cref="ArticleDefaults.UtcOffset"/>), never with the
/// machine's time zone.
/// </summary>
public readonly partial record struct ArticleDate
{
    private ArticleDate(DateOnly date, TimeOnly? time, TimeSpan? offset)
    {
        Date = date;
        Time = time;
        Offset = offset;
    }

    /// <summary>The calendar day.</summary>
    public DateOnly Date { get; }

    /// <summary>The time of day, when the file gave one.</summary>
    public TimeOnly? Time { get; }

    /// <summary>The UTC offset, when the file gave one (then <see cref="Time"/> is given too).</summary>
    public TimeSpan? Offset { get; }

    /// <summary>Whether the file gave a full instant (a day, a time and an offset).</summary>
    public bool IsInstant => Offset is not null;

    /// <summary>A day without a time.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The date.</returns>
    public static ArticleDate FromDay(DateOnly date) => new(date, null, null);

    /// <summary>A day and time without a UTC offset.</summary>
    /// <param name="date">The day.</param>
    /// <param name="time">The time of day.</param>
    /// <returns>The date.</returns>
    public static ArticleDate FromLocal(DateOnly date, TimeOnly time) => new(date, time, null);

    /// <summary>An instant with its offset.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The date.</returns>
    public static ArticleDate FromInstant(DateTimeOffset instant) =>
        new(DateOnly.FromDateTime(instant.DateTime), TimeOnly.FromDateTime(instant.DateTime), instant.Offset);

    /// <summary>
    /// The instant: the file's own when it gave an offset, else the day (at midnight when no time was given) at
    /// <paramref name="offsetWhenUnsaid"/>.
    /// </summary>
    /// <param name="offsetWhenUnsaid">The UTC offset for a date the file gave without one.</param>
    /// <returns>The instant.</returns>
    public DateTimeOffset ToDateTimeOffset(TimeSpan offsetWhenUnsaid) =>
        new(Date.ToDateTime(Time ?? TimeOnly.MinValue, DateTimeKind.Unspecified), Offset ?? offsetWhenUnsaid);

    /// <summary>Parses a date as front matter and JSON articles write it.</summary>
    /// <param name="text">
    /// <c>2021-06-16</c>; <c>2021-06-16T21:30</c> or <c>2021-06-16 21:30:00</c> (seconds and fractions
    /// optional); either with <c>Z</c> or an offset (<c>+02:00</c>, <c>+0200</c>, <c>+02</c>, with or without a
    /// space before it).
    /// </param>
    /// <returns>The date.</returns>
    /// <exception cref="FormatException">The text is not such a date, or names a day or time that does not exist.</exception>
    public static ArticleDate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text).Value;
    }

    /// <summary>Parses a date as <see cref="Parse"/> does, without throwing, keeping the explanation.</summary>
    /// <param name="text">The text, or null.</param>
    /// <returns>
    /// The date, or why the text is not one: <see cref="ParseResult{T}.Error"/> is the message <see cref="Parse"/>
    /// would throw, naming the forms that work.
    /// </returns>
    public static ParseResult<ArticleDate> TryParse(string? text)
    {
        if (text is null)
        {
            return ParseResult<ArticleDate>.ForError("A date cannot be null; write one such as \"2021-06-16\".");
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return Refused(text, null);
        }

        int Number(int group) => int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        if (!DateOnly.TryParseExact(match.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Refused(text, $"{match.Groups[1].Value} is not a day of the calendar");
        }

        if (!match.Groups[2].Success)
        {
            return ParseResult<ArticleDate>.ForValue(FromDay(day));
        }

        var hour = Number(2);
        var minute = Number(3);
        var second = match.Groups[4].Success ? Number(4) : 0;
        if (hour > 23 || minute > 59 || second > 59)
        {
            return Refused(text, "the time of day goes past 23:59:59");
        }

        var ticks = 0L;
        if (match.Groups[5].Success)
        {
            var fraction = match.Groups[5].Value;
            fraction = fraction.Length > 7 ? fraction[..7] : fraction.PadRight(7, '0');
            ticks = long.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        var time = new TimeOnly(hour, minute, second).Add(TimeSpan.FromTicks(ticks));
        if (match.Groups[6].Success)
        {
            return ParseResult<ArticleDate>.ForValue(new ArticleDate(day, time, TimeSpan.Zero));
        }

        if (!match.Groups[7].Success)
        {
            return ParseResult<ArticleDate>.ForValue(FromLocal(day, time));
        }

        var offsetHours = Number(8);
        var offsetMinutes = match.Groups[9].Success ? Number(9) : 0;
        if (offsetHours > 14 || offsetMinutes > 59)
        {
            return Refused(text, "UTC offsets go from -14:00 to +14:00");
        }

        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        return ParseResult<ArticleDate>.ForValue(new ArticleDate(day, time, match.Groups[7].Value == "-" ? -offset : offset));
    }

    /// <summary>The date in ISO 8601: <c>2021-06-16</c>, <c>2021-06-16T21:30:00</c> or <c>2021-06-16T21:30:00+02:00</c>.</summary>
    /// <returns>The date as text.</returns>
    public override string ToString()
    {
        var day = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Time is not { } time)
        {
            return day;
        }

        var local = $"{day}T{time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')}";
        if (Offset is not { } offset)
        {
            return local;
        }

        return offset == TimeSpan.Zero
            ? local + "Z"
            : local + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }

    private static ParseResult<ArticleDate> Refused(string text, string? why) =>
        ParseResult<ArticleDate>.ForError(
            $"\"{text}\" is not an RFC 3339 date (\"2021-06-16T19:00:00+03:00\"), a date and time (\"2021-06-16 19:00:00 +0300\") or a day (\"2021-06-16\")"
            + (why is null ? string.Empty : ": " + why));

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})(?:[Tt ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([Zz])|([+-])(\d{1,2})(?::?(\d{2}))?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
