namespace FeedKit.Podcasts;

/// <summary>The problem codes the podcast extensions report; public as <c>FeedKit.Validation.FeedProblemCodes.Podcast*</c>.</summary>
internal static class PodcastCodes
{
    public const string CategoryMissing = "podcast-category-missing";
    public const string CategoryUnknown = "podcast-category-unknown";
    public const string ArtworkMissing = "podcast-artwork-missing";
    public const string ArtworkType = "podcast-artwork-type";
    public const string OwnerEmail = "podcast-owner-email";
    public const string LockedOwner = "podcast-locked-owner";
    public const string GuidInvalid = "podcast-guid-invalid";
    public const string GuidMissing = "podcast-guid-missing";
    public const string Medium = "podcast-medium";
    public const string EnclosureMissing = "podcast-enclosure-missing";
    public const string EnclosureLength = "podcast-enclosure-length";
    public const string EnclosureType = "podcast-enclosure-type";
    public const string DurationMissing = "podcast-duration-missing";
    public const string Number = "podcast-number";
    public const string TranscriptType = "podcast-transcript-type";
    public const string Soundbite = "podcast-soundbite";
    public const string Target = "podcast-target";
    public const string LanguageMissing = "podcast-language-missing";
    public const string ShowMissing = "podcast-show-missing";
    public const string SerialNumber = "podcast-serial-number";
    public const string TooLong = "podcast-too-long";
}
