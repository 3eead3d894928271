using System.Collections.Immutable;
using FeedKit.Media;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Validation;

/// <summary>Images, enclosures and Media RSS: the checks and the resolution of an article's media (issue 7).</summary>
internal sealed partial class FeedNormalizer
{
    private static readonly (string Extension, string MediaType)[] ImageTypes =
    [
        (".jpg", "image/jpeg"),
        (".jpeg", "image/jpeg"),
        (".png", "image/png"),
        (".gif", "image/gif"),
        (".webp", "image/webp"),
        (".avif", "image/avif"),
        (".svg", "image/svg+xml"),
    ];

    /// <summary>
    /// Checks and cleans an article's attachments, and the lead image's media type (already cleaned by
    /// <c>Image</c>). Errors: a missing or malformed media type, a negative length or duration, links that are not
    /// absolute http(s) URLs.
    /// </summary>
    private ImmutableArray<MediaAttachment> Media(Article article, Image? leadImage, in FieldPath at)
    {
        if (leadImage?.MediaType is { } leadType && !IsMediaType(leadType))
        {
            Error(at.Then("LeadImage").Then("MediaType"), "invalid-media-type", $"\"{leadType}\" is not a media type of the form type/subtype, such as image/jpeg");
        }

        if (article.Media.IsEmpty)
        {
            return article.Media;
        }

        var result = ImmutableArray.CreateBuilder<MediaAttachment>(article.Media.Length);
        for (var m = 0; m < article.Media.Length; m++)
        {
            var path = at.Then("Media", m);
            var media = article.Media[m];
            if (media is null)
            {
                Error(path, "null", "is null");
                continue;
            }

            RequireWebLink(media.Url, path.Then("Url"));
            OptionalWebLink(media.ThumbnailUrl, path.Then("ThumbnailUrl"));
            var type = Text(media.MediaType, path.Then("MediaType"), TextKind.OptionalLine);
            if (type is null)
            {
                Error(path.Then("MediaType"), "required", "is required: RSS enclosures and JSON Feed attachments must say what kind of file it is (such as audio/mpeg)");
            }
            else if (!IsMediaType(type))
            {
                Error(path.Then("MediaType"), "invalid-media-type", $"\"{type}\" is not a media type of the form type/subtype, such as audio/mpeg");
            }

            if (media.Length is < 0)
            {
                Error(path.Then("Length"), "negative-length", FormattableString.Invariant($"{media.Length} is negative; leave it null when the size is not known"));
            }

            if (media.Duration is { } duration && duration < TimeSpan.Zero)
            {
                Error(path.Then("Duration"), "negative-duration", $"{duration.ToString("c", System.Globalization.CultureInfo.InvariantCulture)} is negative; leave it null when the playing time is not known");
            }

            result.Add(media with
            {
                MediaType = type ?? string.Empty,
                Title = Text(media.Title, path.Then("Title"), TextKind.OptionalLine),
                Description = Text(media.Description, path.Then("Description"), TextKind.OptionalBlock),
            });
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// Resolves a valid article's media for the writers: types of lead images told from the file name, the one RSS
    /// enclosure chosen (the first attachment, else the lead image), and the RSS warnings about it.
    /// </summary>
    private ImmutableArray<ResolvedMedia> ResolveMedia(Image? leadImage, ImmutableArray<MediaAttachment> attachments, in FieldPath at, TextDirection direction)
    {
        if (leadImage is null && attachments.IsEmpty)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<ResolvedMedia>(attachments.Length + 1);
        var enclosureChosen = !attachments.IsEmpty;
        if (leadImage is { } lead)
        {
            var type = lead.MediaType ?? ImageTypeOf(lead.Url);
            var isEnclosure = !enclosureChosen && type is not null;
            if (!enclosureChosen && type is null && _format == FeedFormat.Rss)
            {
                Warning(at.Then("LeadImage").Then("MediaType"), "enclosure-type-unknown", "not given, and the file name does not tell (.jpg, .png, .gif, .webp, .avif, .svg): RSS needs a type for an enclosure, so the item gets none (Media RSS still has the image); set MediaType");
            }

            if (isEnclosure && lead.Length is null && _format == FeedFormat.Rss)
            {
                Warning(at.Then("LeadImage").Then("Length"), "enclosure-length-unknown", UnknownLengthMessage);
            }

            var description = lead.Caption ?? lead.AltText;
            result.Add(new ResolvedMedia(
                lead.Url,
                type,
                lead.Length,
                "image",
                null,
                description is null ? null : Guard(description, direction),
                null,
                null,
                IsLeadImage: true,
                IsRssEnclosure: isEnclosure,
                Extensions: []));
        }

        for (var m = 0; m < attachments.Length; m++)
        {
            var media = attachments[m];
            if (m == 0 && media.Length is null && _format == FeedFormat.Rss)
            {
                Warning(at.Then("Media", 0).Then("Length"), "enclosure-length-unknown", UnknownLengthMessage);
            }

            result.Add(new ResolvedMedia(
                media.Url,
                media.MediaType,
                media.Length,
                MediumOf(media.MediaType),
                media.Title is null ? null : Guard(media.Title, direction),
                media.Description is null ? null : Guard(media.Description, direction),
                media.Duration,
                media.ThumbnailUrl,
                IsLeadImage: false,
                IsRssEnclosure: m == 0,
                Extensions: media.Extensions));
        }

        return result.ToImmutable();
    }

    private const string UnknownLengthMessage =
        "the file's size is not known: RSS requires an enclosure length, so FeedKit writes length=\"0\" (the RSS Advisory Board's value for an unknown size) rather than invent one; set Length to the size in bytes";

    private static string? ImageTypeOf(Uri url)
    {
        var path = url.AbsolutePath;
        foreach (var (extension, mediaType) in ImageTypes)
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return mediaType;
            }
        }

        return null;
    }

    private static string? MediumOf(string? mediaType) => mediaType switch
    {
        null => null,
        _ when mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) => "image",
        _ when mediaType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) => "audio",
        _ when mediaType.StartsWith("video/", StringComparison.OrdinalIgnoreCase) => "video",
        _ when mediaType.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase) || mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) => "document",
        _ => null,
    };

    /// <summary>RFC 6838 <c>type/subtype</c>, optionally with parameters (what the W3C validator accepts).</summary>
    private static bool IsMediaType(string value)
    {
        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        var essence = semicolon < 0 ? value : value[..semicolon];
        var slash = essence.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < essence.Length - 1 && essence.IndexOf('/', slash + 1) < 0
            && essence.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '!' or '#' or '$' or '&' or '^' or '_' or '.' or '+' or '-');
    }
}
