namespace FeedKit.Readers;

/// <summary>Where a <see cref="DroppedLine"/> was: before the article's body began, or after its text ended.</summary>
public enum ChromePosition
{
    /// <summary>Before the first body paragraph: above the headline, or between headline, standfirst and body.</summary>
    Leading,

    /// <summary>After the last paragraph of the article.</summary>
    Trailing,
}
