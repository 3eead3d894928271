namespace FeedKit.Model;

/// <summary>
/// An image that an article shows: its lead image, or an image block in its body.
/// </summary>
/// <param name="Url">Absolute URL of the image file.</param>
public sealed record Image(Uri Url)
{
    /// <summary>Text alternative for readers who cannot see the image (HTML <c>alt</c>).</summary>
    public string? AltText { get; init; }

    /// <summary>A caption shown under the image (HTML <c>figcaption</c>).</summary>
    public string? Caption { get; init; }

    /// <summary>The image's media type, such as <c>image/jpeg</c>, when known.</summary>
    public string? MediaType { get; init; }

    /// <summary>The size of the image file in bytes, when known. FeedKit never invents one.</summary>
    public long? Length { get; init; }
}
