namespace FeedKit.Text;

/// <summary>Resolved direction of text: what <c>dir="ltr"</c> / <c>dir="rtl"</c> say in markup.</summary>
public enum TextDirection
{
    /// <summary>Left to right (Latin, Cyrillic, Devanagari, CJK, ...).</summary>
    LeftToRight,

    /// <summary>Right to left (Arabic, Hebrew, Thaana, Syriac, N'Ko, Adlam, ...).</summary>
    RightToLeft,
}
