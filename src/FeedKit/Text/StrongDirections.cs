using System;

namespace FeedKit.Text;

/// <summary>Which strong directions occur in a text (see <see cref="Bidi.ScanStrong"/>).</summary>
[Flags]
public enum StrongDirections
{
    /// <summary>No strong character at all (digits, punctuation, spaces only).</summary>
    None = 0,

    /// <summary>At least one strong left-to-right character (Bidi_Class L).</summary>
    LeftToRight = 1,

    /// <summary>At least one strong right-to-left character (Bidi_Class R or AL).</summary>
    RightToLeft = 2,

    /// <summary>Both: mixed-direction text.</summary>
    Both = LeftToRight | RightToLeft,
}
