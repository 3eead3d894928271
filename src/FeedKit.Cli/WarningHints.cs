using FeedKit.Validation;

namespace FeedKit.Cli;

/// <summary>
/// What to do about a problem, in the terms of the files the tool reads: which front-matter key, JSON field or
/// <c>feedkit.json</c> entry sets what the problem asks for. <c>build</c> and <c>lint</c> print it under the problem.
/// </summary>
internal static class WarningHints
{
    /// <summary>The hint for <paramref name="problem"/>; null when its own message says all there is.</summary>
    /// <param name="problem">The error or warning.</param>
    /// <param name="entry">The article it belongs to, if any.</param>
    public static string? For(FeedProblem problem, ArticleEntry? entry)
    {
        var kind = entry is null ? null : Path.GetExtension(entry.File).ToLowerInvariant();
        var name = entry is null ? null : Path.GetFileNameWithoutExtension(entry.File);
        var settingsEntry = $"\"articles\": {{ \"{name}\": {{ … }} }} in {FeedAssembler.SettingsFileName}";
        return problem.Code switch
        {
            FeedProblemCodes.LanguageMissing or FeedProblemCodes.LanguageMismatch when entry is not null => kind switch
            {
                ".md" or ".markdown" => $"set the article's language in its front matter (\"lang: ar\"), or in {SettingsEntry(name!, "\"language\": \"ar\"")}; the whole feed's with \"language\" in {FeedAssembler.SettingsFileName} or --language",
                ".json" => $"set \"language\": \"ar\" in the article's file, or in {SettingsEntry(name!, "\"language\": \"ar\"")}; the whole feed's with \"language\" in {FeedAssembler.SettingsFileName} or --language",
                _ => $"set the article's language in {SettingsEntry(name!, "\"language\": \"ar\"")}; the whole feed's with \"language\" in {FeedAssembler.SettingsFileName} or --language",
            },
            FeedProblemCodes.LanguageMissing or FeedProblemCodes.LanguageMismatch =>
                $"set the feed's language with \"language\" in {FeedAssembler.SettingsFileName} or --language",
            FeedProblemCodes.LanguageNotIso639 when entry is not null =>
                $"RSS needs an ISO 639 language: set another tag in the article's file or in {settingsEntry}",
            FeedProblemCodes.LanguageNotIso639 =>
                $"RSS needs an ISO 639 language: set \"language\" in {FeedAssembler.SettingsFileName} or --language",
            FeedProblemCodes.EnclosureLengthUnknown => kind switch
            {
                ".md" or ".markdown" => "give the image's size in bytes in the front matter: \"image_length: 48213\"",
                ".json" => "give the image's size in bytes: \"length\": 48213 in its \"leadImage\" (or image block)",
                _ => null,
            },
            FeedProblemCodes.EnclosureTypeUnknown => kind switch
            {
                ".json" => "give the image's type: \"mediaType\": \"image/jpeg\" in its \"leadImage\"",
                _ => "use an image URL whose file name ends in .jpg, .png, .gif, .webp, .avif or .svg",
            },
            FeedProblemCodes.FutureDate or FeedProblemCodes.ImplausibleDate when entry is not null => kind switch
            {
                ".md" or ".markdown" => $"check the date in the front matter (\"date\", \"lastmod\") or in {settingsEntry}",
                ".json" => $"check \"published\" and \"updated\" in the article's file or in {settingsEntry}",
                _ => $"check \"published\" and \"updated\" in {settingsEntry}, or --published",
            },
            FeedProblemCodes.GuardOff => "leave out --no-guard, or start the title with a letter of its own direction",
            FeedProblemCodes.BidiEmbedding => "replace the embedding controls (U+202A-U+202E) with isolates (U+2066-U+2069) or marks (U+200E, U+200F)",
            FeedProblemCodes.HtmlRemoved => kind switch
            {
                ".md" or ".markdown" => "remove it from the raw HTML in the Markdown: it is not published",
                ".json" => "remove it from the \"html\" block: it is not published",
                _ => null,
            },
            FeedProblemCodes.PodcastDurationMissing when kind is ".md" or ".markdown" =>
                "give the episode's playing time in the front matter: \"duration: 32:30\" (seconds, MM:SS or HH:MM:SS)",
            FeedProblemCodes.PodcastEnclosureType when kind is ".md" or ".markdown" =>
                "Apple plays .mp3, .m4a, .mp4, .m4v and .mov: link such a file in \"audio\" (and \"audio_type\" if its name does not tell)",
            FeedProblemCodes.PodcastOwnerEmail =>
                $"set \"podcast\": {{ \"owner\": {{ \"name\": …, \"email\": … }} }} in {FeedAssembler.SettingsFileName}",
            FeedProblemCodes.PodcastGuidMissing =>
                $"set \"selfUrl\" (the RSS feed's URL) in {FeedAssembler.SettingsFileName} or --self-url: podcast:guid is derived from it",
            FeedProblemCodes.PodcastSerialNumber when kind is ".md" or ".markdown" =>
                "give the episode's number (and season) in the front matter: \"episode: 3\", \"season: 1\"; or mark it \"episode_type: trailer\" or \"bonus\"",
            FeedProblemCodes.PodcastShowMissing =>
                $"the files have episode keys (audio, duration…): make the feed a podcast with a \"podcast\" object in {FeedAssembler.SettingsFileName}: \"podcast\": {{ \"artwork\": \"https://…/cover.jpg\", \"categories\": [\"News\"], \"explicit\": false, \"owner\": {{ \"name\": …, \"email\": … }} }} (feedkit schema describes every key)",
            FeedProblemCodes.PodcastLanguageMissing =>
                $"set the show's language with \"language\" in {FeedAssembler.SettingsFileName} or --language",
            FeedProblemCodes.PodcastCategoryMissing or FeedProblemCodes.PodcastCategoryUnknown =>
                $"set \"podcast\": {{ \"categories\": [\"News/Daily News\"] }} in {FeedAssembler.SettingsFileName}, spelled as in Apple's list of categories (\"Category\" or \"Category/Subcategory\")",
            FeedProblemCodes.PodcastArtworkMissing =>
                $"set \"podcast\": {{ \"artwork\": \"https://…/cover.jpg\" }} in {FeedAssembler.SettingsFileName}: a square .jpg or .png of 1400 to 3000 pixels a side",
            FeedProblemCodes.PodcastArtworkType =>
                "use a .jpg or .png file for the artwork",
            _ => null,
        };
    }

    private static string SettingsEntry(string name, string value) =>
        $"{FeedAssembler.SettingsFileName}: \"articles\": {{ \"{name}\": {{ {value} }} }}";
}
