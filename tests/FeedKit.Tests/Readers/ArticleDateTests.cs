using FeedKit.Readers;

namespace FeedKit.Tests.Readers;

/// <summary>Dates as front matter and JSON write them: a day, a local time, or an instant.</summary>
public sealed class ArticleDateTests
{
    [Theory]
    [InlineData("2021-06-16", "2021-06-16", false)]
    [InlineData("2021-06-16T21:30", "2021-06-16T21:30:00", false)]
    [InlineData("2021-06-16 21:30:05", "2021-06-16T21:30:05", false)]
    [InlineData("2021-06-16T21:30:00+02:00", "2021-06-16T21:30:00+02:00", true)]
    [InlineData("2021-06-16 21:30:00 +0200", "2021-06-16T21:30:00+02:00", true)]
    [InlineData("2021-06-16 21:30:00 -05", "2021-06-16T21:30:00-05:00", true)]
    [InlineData("2021-06-16T19:30:00.25Z", "2021-06-16T19:30:00.25Z", true)]
    public void Jekyll_hugo_and_rfc3339_forms_parse(string text, string iso, bool instant)
    {
        var date = ArticleDate.Parse(text);
        Assert.Equal(iso, date.ToString());
        Assert.Equal(instant, date.IsInstant);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2021-02-30")]
    [InlineData("2021-06-16T25:00")]
    [InlineData("2021-06-16T10:00+15:00")]
    [InlineData("16/06/2021")]
    public void Other_text_is_refused_with_the_forms_that_work(string text)
    {
        var error = Assert.Throws<FormatException>(() => ArticleDate.Parse(text));
        Assert.Contains("2021-06-16", error.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{text}\"", error.Message, StringComparison.Ordinal);
        var result = ArticleDate.TryParse(text);
        Assert.False(result.Success);
        Assert.Equal(error.Message, result.Error);
    }

    [Fact]
    public void A_date_without_an_offset_takes_the_hosts_never_the_machines()
    {
        var offset = TimeSpan.FromHours(3);
        Assert.Equal(new DateTimeOffset(2021, 6, 16, 0, 0, 0, offset), ArticleDate.Parse("2021-06-16").ToDateTimeOffset(offset));
        Assert.Equal(new DateTimeOffset(2021, 6, 16, 21, 30, 0, offset), ArticleDate.Parse("2021-06-16 21:30").ToDateTimeOffset(offset));
        Assert.Equal(new DateTimeOffset(2021, 6, 16, 21, 30, 0, TimeSpan.FromHours(2)), ArticleDate.Parse("2021-06-16T21:30:00+02:00").ToDateTimeOffset(offset));
    }
}
