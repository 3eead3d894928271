using System.Collections.Immutable;
using FeedKit.Extensions;

namespace FeedKit.Model;

/// <summary>
/// A media file that goes with an article besides its lead image: a podcast episode, a video, a PDF, a gallery
/// picture. Written as an Atom <c>link rel="enclosure"</c>, a Media RSS <c>media:content</c> (in Atom and RSS), the
/// RSS <c>enclosure</c> when it is the article's first attachment, and a JSON Feed <c>attachments</c> entry.
/// </summary>
/// <param name="Url">Absolute http(s) URL of the file.</param>
/// <param name="MediaType">The file's media type, such as <c>audio/mpeg</c>: RSS enclosures and JSON Feed attachments need one.</param>
public sealed record MediaAttachment(Uri Url, string MediaType)
{
    private readonly EquatableArray<FeedExtension> _extensions;

    /// <summary>The size of the file in bytes, when known. FeedKit never invents one (see <see cref="Image.Length"/>).</summary>
    public long? Length { get; init; }

    /// <summary>A short title (plain text): Atom <c>title</c>, Media RSS <c>media:title</c>, JSON Feed <c>title</c>.</summary>
    public string? Title { get; init; }

    /// <summary>A description in the article's language (plain text): Media RSS <c>media:description</c>.</summary>
    public string? Description { get; init; }

    /// <summary>How long the audio or video plays, when known: Media RSS <c>duration</c>, JSON Feed <c>duration_in_seconds</c>.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Absolute URL of a picture standing for the file (Media RSS <c>media:thumbnail</c>).</summary>
    public Uri? ThumbnailUrl { get; init; }

    /// <summary>Namespaced data about the file (see <see cref="FeedExtension"/>), written inside its Media RSS <c>media:content</c> and its JSON Feed attachment.</summary>
    public ImmutableArray<FeedExtension> Extensions
    {
        get => _extensions.Items;
        init => _extensions = new(value);
    }
}
