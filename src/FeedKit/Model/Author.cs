namespace FeedKit.Model;

/// <summary>
/// A person or organisation credited with an article or a feed.
/// </summary>
/// <param name="Name">The name readers see. Required and never empty.</param>
/// <remarks>
/// RSS 2.0's <c>&lt;author&gt;</c> element can only carry an e-mail address, so an author without
/// <see cref="Email"/> is written to RSS as <c>&lt;dc:creator&gt;</c>; Atom takes all three fields.
/// </remarks>
public sealed record Author(string Name)
{
    /// <summary>The author's e-mail address (<c>name@host</c>), if it may be published.</summary>
    public string? Email { get; init; }

    /// <summary>An absolute URI for the author: a profile or home page.</summary>
    public Uri? Url { get; init; }
}
