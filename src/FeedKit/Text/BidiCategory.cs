namespace FeedKit.Text;

/// <summary>
/// A code point's Unicode Bidi_Class, reduced to the strong classes. FeedKit only ever asks "which way does the first
/// strong character point?", so the weak and neutral classes (EN, AN, ON, NSM, BN, WS, ...) all collapse into
/// <see cref="Neutral"/>.
/// </summary>
public enum BidiCategory
{
    /// <summary>Any class that is not strong: digits, punctuation, spaces, combining marks, controls, emoji, lone surrogates.</summary>
    Neutral,

    /// <summary>Bidi_Class L: strong left to right (Latin, CJK, LRM, ...).</summary>
    LeftToRight,

    /// <summary>Bidi_Class R: strong right to left (Hebrew, N'Ko, Adlam, RLM, ...).</summary>
    RightToLeft,

    /// <summary>Bidi_Class AL: strong right to left, Arabic-script letters (Arabic, Syriac, Thaana, ALM).</summary>
    ArabicLetter,
}
