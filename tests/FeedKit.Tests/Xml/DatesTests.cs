using FeedKit.Xml;

namespace FeedKit.Tests.Xml;

public sealed class DatesTests
{
    [Theory]
    [InlineData(2021, 6, 16, 21, 30, 0, 0, 120, "2021-06-16T21:30:00+02:00")]
    [InlineData(2021, 6, 16, 19, 30, 0, 0, 0, "2021-06-16T19:30:00Z")]
    [InlineData(2021, 6, 16, 19, 30, 5, 250, -270, "2021-06-16T19:30:05.25-04:30")]
    [InlineData(1, 1, 1, 0, 0, 0, 0, 0, "0001-01-01T00:00:00Z")]
    public void Rfc3339_keeps_the_offset(int y, int mo, int d, int h, int mi, int s, int ms, int offsetMinutes, string expected)
    {
        var value = new DateTimeOffset(y, mo, d, h, mi, s, ms, TimeSpan.FromMinutes(offsetMinutes));
        Assert.Equal(expected, Dates.Rfc3339(value));
    }

    [Theory]
    [InlineData(2021, 6, 16, 21, 30, 120, "Wed, 16 Jun 2021 19:30:00 GMT")]
    [InlineData(2026, 1, 1, 1, 0, 180, "Wed, 31 Dec 2025 22:00:00 GMT")]
    [InlineData(2024, 2, 29, 23, 59, -60, "Fri, 01 Mar 2024 00:59:00 GMT")]
    public void Rfc822_is_in_GMT(int y, int mo, int d, int h, int mi, int offsetMinutes, string expected)
    {
        var value = new DateTimeOffset(y, mo, d, h, mi, 0, TimeSpan.FromMinutes(offsetMinutes));
        Assert.Equal(expected, Dates.Rfc822(value));
    }

    /// <summary>The digit-by-digit formatting against .NET's invariant-culture format strings, over random dates and offsets.</summary>
    [Fact]
    public void Formatting_matches_the_invariant_culture_formats()
    {
        var random = new Random(3);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        for (var i = 0; i < 20000; i++)
        {
            var ticks = (long)(random.NextDouble() * DateTime.MaxValue.AddDays(-2).Ticks) + TimeSpan.TicksPerDay;
            var fraction = random.Next(4) switch { 0 => 0, 1 => ticks % TimeSpan.TicksPerSecond, 2 => ticks % TimeSpan.TicksPerSecond / 10000 * 10000, _ => 1 };
            var local = new DateTime(ticks - (ticks % TimeSpan.TicksPerSecond) + fraction);
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 4, 14 * 4 + 1) * 15);
            var value = new DateTimeOffset(local, offset);

            var expected3339 = local.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", invariant)
                + (fraction == 0 ? string.Empty : "." + fraction.ToString("0000000", invariant).TrimEnd('0'))
                + (offset == TimeSpan.Zero ? "Z" : (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hh':'mm", invariant));
            Assert.Equal(expected3339, Dates.Rfc3339(value));
            Assert.Equal(value.UtcDateTime.ToString("ddd, dd MMM yyyy HH':'mm':'ss 'GMT'", invariant), Dates.Rfc822(value));
        }
    }
}
