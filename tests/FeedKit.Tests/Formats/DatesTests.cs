using FeedKit.Formats;

namespace FeedKit.Tests.Formats;

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
}
