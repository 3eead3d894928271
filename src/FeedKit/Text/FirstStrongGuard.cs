using System;

namespace FeedKit.Text;

/// <summary>
/// The "first-strong guard". Many feed readers ignore <c>xml:lang</c>/<c>dir</c> metadata on plain-text fields (titles,
/// summaries) and lay them out as <c>dir="auto"</c>, which takes the direction of the first strong character. An Arabic
/// title that starts with "iPhone" or "2026" then comes out left to right. A mark (RLM or LRM) in front of such a field
/// makes the first strong character point the intended way and is invisible otherwise.
/// </summary>
public static class FirstStrongGuard
{
    /// <summary>U+200E LEFT-TO-RIGHT MARK: invisible, Bidi_Class L.</summary>
    public const char LeftToRightMark = '\u200E';

    /// <summary>U+200F RIGHT-TO-LEFT MARK: invisible, Bidi_Class R.</summary>
    public const char RightToLeftMark = '\u200F';

    /// <summary>
    /// Returns <paramref name="text"/> with RLM in front when <paramref name="direction"/> is right to left and the first
    /// strong character is left to right or missing (e.g. "2026"), with LRM in front when the direction is left to right
    /// and the first strong character is right to left, and unchanged otherwise (including the empty string). Idempotent:
    /// the mark is itself a strong character, so a guarded text needs no second mark.
    /// </summary>
    /// <param name="text">A plain-text field.</param>
    /// <param name="direction">The direction the field should have.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is not a defined value.</exception>
    public static string Apply(string text, TextDirection direction)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (!IsNeeded(text, direction))
        {
            return text;
        }

        return (direction == TextDirection.RightToLeft ? RightToLeftMark : LeftToRightMark) + text;
    }

    /// <summary>True when <see cref="Apply"/> would add a mark.</summary>
    /// <param name="text">A plain-text field.</param>
    /// <param name="direction">The direction the field should have.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is not a defined value.</exception>
    public static bool IsNeeded(ReadOnlySpan<char> text, TextDirection direction)
    {
        if (direction is not (TextDirection.LeftToRight or TextDirection.RightToLeft))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), FormattableString.Invariant($"{(int)direction} is not a TextDirection value."));
        }

        if (text.IsEmpty)
        {
            return false;
        }

        var first = Bidi.FirstStrongDirection(text);
        return direction == TextDirection.RightToLeft
            ? first != TextDirection.RightToLeft
            : first == TextDirection.RightToLeft;
    }
}
