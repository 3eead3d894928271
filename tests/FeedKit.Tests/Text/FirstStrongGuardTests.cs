using System;
using FeedKit.Text;
using Xunit;

namespace FeedKit.Tests.Text;

public class FirstStrongGuardTests
{
    private const string Rlm = "\u200F";
    private const string Lrm = "\u200E";

    [Theory]
    [InlineData("iPhone 17 يصل إلى الأسواق", TextDirection.RightToLeft, Rlm + "iPhone 17 يصل إلى الأسواق")]
    [InlineData("2026", TextDirection.RightToLeft, Rlm + "2026")]
    [InlineData("«2026»", TextDirection.RightToLeft, Rlm + "«2026»")]
    [InlineData("العام 2026", TextDirection.RightToLeft, "العام 2026")]
    [InlineData("2026: العام", TextDirection.RightToLeft, "2026: العام")]
    [InlineData("שלום world", TextDirection.RightToLeft, "שלום world")]
    [InlineData("2026", TextDirection.LeftToRight, "2026")]
    [InlineData("Hello", TextDirection.LeftToRight, "Hello")]
    [InlineData("שלום world", TextDirection.LeftToRight, Lrm + "שלום world")]
    [InlineData("\u2067שלום\u2069 world", TextDirection.LeftToRight, "\u2067שלום\u2069 world")]
    [InlineData("", TextDirection.RightToLeft, "")]
    [InlineData("", TextDirection.LeftToRight, "")]
    [InlineData(Lrm + "abc", TextDirection.RightToLeft, Rlm + Lrm + "abc")]
    public void Apply_adds_a_mark_only_when_the_first_strong_character_points_the_wrong_way(
        string text, TextDirection direction, string expected)
    {
        var guarded = FirstStrongGuard.Apply(text, direction);

        Assert.Equal(expected, guarded);
        Assert.Equal(!ReferenceEquals(text, guarded), FirstStrongGuard.IsNeeded(text, direction));
        Assert.Equal(guarded, FirstStrongGuard.Apply(guarded, direction)); // idempotent
        Assert.False(FirstStrongGuard.IsNeeded(guarded, direction));
        if (guarded.Length > 0 && (direction == TextDirection.RightToLeft || guarded != text))
        {
            Assert.Equal(direction, Bidi.FirstStrongDirection(guarded));
        }
    }

    [Fact]
    public void Apply_returns_the_same_instance_when_nothing_is_needed()
    {
        var text = "Hello";
        Assert.Same(text, FirstStrongGuard.Apply(text, TextDirection.LeftToRight));
    }

    [Fact]
    public void Apply_rejects_bad_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => FirstStrongGuard.Apply(null!, TextDirection.LeftToRight));
        Assert.Throws<ArgumentOutOfRangeException>(() => FirstStrongGuard.Apply("x", (TextDirection)7));
    }

    [Fact]
    public void Marks_are_the_strong_directional_marks()
    {
        Assert.Equal(BidiCategory.LeftToRight, Bidi.GetCategory(FirstStrongGuard.LeftToRightMark));
        Assert.Equal(BidiCategory.RightToLeft, Bidi.GetCategory(FirstStrongGuard.RightToLeftMark));
    }
}
