using FeedKit.Extensions;
using FeedKit.Model;
using FeedKit.Podcasts;

namespace FeedKit.Validation;

/// <summary>
/// The podcast rules that need both levels at once: an RSS podcast's show and its episodes. Each extension checks its
/// own data (<see cref="PodcastShow"/>, <see cref="PodcastEpisode"/>); what spans the feed is checked here.
/// </summary>
internal sealed partial class FeedNormalizer
{
    private bool _hasShow;
    private bool _serialShow;
    private bool _episodeWithoutShowReported;

    /// <summary>
    /// After the feed's extensions: a show in RSS needs the channel's <c>language</c> (Apple refuses a show without it,
    /// and the podcast parsers warn). FeedKit does not guess it from the episodes: the show's language says how its
    /// title is read.
    /// </summary>
    private void CheckPodcastShow(FeedInfo info, in FieldPath at)
    {
        foreach (var extension in _feedExtensions)
        {
            _hasShow |= extension is PodcastShow;
            _serialShow |= extension is PodcastShow { Type: PodcastShowType.Serial };
        }

        if (_hasShow && _format == FeedFormat.Rss && info.Language is null)
        {
            Error(
                at.Then("Language"),
                PodcastCodes.LanguageMissing,
                "is required for a podcast (a PodcastShow in FeedInfo.Extensions): Apple Podcasts refuses a show without its language, and podcast apps use it to list and read the show; set FeedInfo.Language, such as \"ar\"");
        }
    }

    /// <summary>
    /// An article's <see cref="PodcastEpisode"/> as the show sees it: in a serial show, a full episode needs its number;
    /// in an RSS feed without a <see cref="PodcastShow"/>, the episode's iTunes
    /// and Podcasting 2.0 tags are written, but without the show's category, artwork, owner and explicit flag the feed is
    /// not a podcast Apple or the podcast apps accept. One warning per feed, on the first such episode.
    /// </summary>
    private void CheckEpisodeInShow(FeedExtension extension, in FieldPath at)
    {
        // Apple: episode numbers are optional for episodic shows and required for serial ones, whose episodes are
        // listed by season and number (trailers and bonus episodes may go without).
        if (extension is PodcastEpisode { Number: null, Type: PodcastEpisodeType.Full } && _serialShow && _format == FeedFormat.Rss)
        {
            Warning(
                at.Then("Number"),
                PodcastCodes.SerialNumber,
                "no episode number in a serial show (PodcastShow.Type = Serial): Apple lists a serial show's episodes by season and number and needs the number of every full episode (trailers and bonus episodes may go without)");
        }

        if (extension is PodcastEpisode && !_hasShow && _format == FeedFormat.Rss && !_episodeWithoutShowReported)
        {
            _episodeWithoutShowReported = true;
            Warning(
                at,
                PodcastCodes.ShowMissing,
                "podcast episode data without a show: the episode tags are written, but Apple Podcasts and podcast apps also need the show's category, artwork, owner and explicit flag (and its language); add a PodcastShow to FeedInfo.Extensions, or leave the episode data out for an ordinary feed with enclosures (reported once per feed)");
        }
    }
}
