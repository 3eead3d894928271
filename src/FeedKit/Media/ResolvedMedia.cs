namespace FeedKit.Media;

/// <summary>
/// One media file of an article, resolved for the writers: the lead image first (when there is one), then the
/// article's <see cref="Model.Article.Media"/> in order. Exactly one of an article's media (or none) is the RSS
/// enclosure, decided by the validation layer so that what the lint says and what the RSS writer writes agree.
/// </summary>
/// <param name="Url">Absolute http(s) URL of the file.</param>
/// <param name="MediaType">Its media type: given, or for a lead image told from the file name; null when unknown.</param>
/// <param name="Length">Its size in bytes; null when unknown (RSS then gets <c>length="0"</c> and a lint warning).</param>
/// <param name="Medium">Media RSS <c>medium</c>: <c>image</c>, <c>audio</c>, <c>video</c>, <c>document</c>; null when not known.</param>
/// <param name="Title">Plain-text title, guarded like headlines.</param>
/// <param name="Description">Plain-text description in the article's language, guarded like headlines.</param>
/// <param name="Duration">Playing time.</param>
/// <param name="ThumbnailUrl">A picture standing for the file.</param>
/// <param name="IsLeadImage">Whether this is the article's lead image.</param>
/// <param name="IsRssEnclosure">Whether RSS writes this one as the item's <c>enclosure</c>.</param>
/// <param name="Extensions">The file's own extensions (<see cref="Model.MediaAttachment.Extensions"/>).</param>
internal sealed record ResolvedMedia(
    Uri Url,
    string? MediaType,
    long? Length,
    string? Medium,
    string? Title,
    string? Description,
    TimeSpan? Duration,
    Uri? ThumbnailUrl,
    bool IsLeadImage,
    bool IsRssEnclosure,
    System.Collections.Immutable.ImmutableArray<Extensions.FeedExtension> Extensions);
