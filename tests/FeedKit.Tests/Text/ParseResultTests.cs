using System;
using System.Globalization;
using FeedKit.Readers;
using FeedKit.Text;
using Xunit;

namespace FeedKit.Tests.Text;

/// <summary>
/// A try-parse keeps the explanation a throwing parse gives: the result holds either the value or the very message
/// <c>Parse</c> throws, whatever the current culture.
/// </summary>
public sealed class ParseResultTests
{
    public static TheoryData<string> Cultures => ["ar-SA", "fa-IR", "he-IL", ""];

    [Fact]
    public void A_success_holds_the_value_and_no_error()
    {
        var result = ParseResult<string>.ForValue("ar-SA");

        Assert.True(result.Success);
        Assert.Equal("ar-SA", result.Value);
        Assert.Null(result.Error);
        Assert.Null(result.Exception);
        Assert.True(result.TryGetValue(out var value));
        Assert.Equal("ar-SA", value);
        Assert.Equal("ar-SA", result.ToString());
    }

    [Fact]
    public void A_failure_holds_the_explanation_and_throws_it_from_Value()
    {
        var result = ParseResult<int>.ForError("\"x\" is not a number.");

        Assert.False(result.Success);
        Assert.Equal("\"x\" is not a number.", result.Error);
        Assert.Equal("\"x\" is not a number.", result.ToString());
        var thrown = Assert.Throws<FormatException>(() => result.Value);
        Assert.Equal(result.Error, thrown.Message);
        Assert.False(result.TryGetValue(out var value));
        Assert.Equal(0, value);
    }

    [Fact]
    public void Exception_is_the_unthrown_FormatException_Parse_would_throw()
    {
        var result = ParseResult<int>.ForError("why");

        var exception = Assert.IsType<FormatException>(result.Exception);
        Assert.Equal("why", exception.Message);
        Assert.Null(exception.StackTrace);
        Assert.NotSame(exception, result.Exception); // each caller gets its own to throw or wrap
    }

    [Fact]
    public void A_failure_needs_an_explanation()
    {
        Assert.Throws<ArgumentNullException>(() => ParseResult<int>.ForError(null!));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void LanguageTag_TryParse_keeps_the_exact_explanation_Parse_throws(string culture)
    {
        var (thrown, result) = UnderCulture(culture, () =>
            (Assert.Throws<FormatException>(() => LanguageTag.Parse("ar_SA")).Message, LanguageTag.TryParse("ar_SA")));

        Assert.False(result.Success);
        Assert.Equal(thrown, result.Error);
        Assert.Equal(thrown, Assert.Throws<FormatException>(() => result.Value).Message);
        Assert.Contains("'-', not '_'", result.Error, StringComparison.Ordinal);
        Assert.Contains("Did you mean \"ar-SA\"?", result.Error, StringComparison.Ordinal);
        Assert.Equal(Assert.Throws<FormatException>(() => LanguageTag.Parse("ar_SA")).Message, result.Error); // same under the invariant culture
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void LanguageTag_TryParse_gives_the_tag_Parse_gives(string culture)
    {
        var result = UnderCulture(culture, () => LanguageTag.TryParse("AR-sa"));

        Assert.True(result.Success);
        Assert.Equal(LanguageTag.Parse("ar-SA"), result.Value);
        Assert.Equal("ar-SA", result.ToString());
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void ArticleDate_TryParse_keeps_the_exact_explanation_Parse_throws(string culture)
    {
        var (thrown, result) = UnderCulture(culture, () =>
            (Assert.Throws<FormatException>(() => ArticleDate.Parse("2021-02-30")).Message, ArticleDate.TryParse("2021-02-30")));

        Assert.Equal(thrown, result.Error);
        Assert.Contains("2021-02-30 is not a day of the calendar", result.Error, StringComparison.Ordinal);
    }

    private static T UnderCulture<T>(string name, Func<T> action)
    {
        var saved = CultureInfo.CurrentCulture;
        var savedUi = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
        }
    }
}
