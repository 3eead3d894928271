using System.Collections.Immutable;
using System.Globalization;
using FeedKit.Extensions;
using FeedKit.Model;

namespace FeedKit.Podcasts;

/// <summary>
/// One episode of a podcast: what Apple Podcasts and Podcasting 2.0 apps read from an RSS item besides the item's own
/// elements. Put it in the episode's <see cref="Article.Extensions"/>.
/// </summary>
/// <remarks>
/// <para>The rest of the episode is the article's own: its title (<see cref="Article.Headline"/>, with the first-strong
/// guard), its show notes (<see cref="Article.Body"/>, written to <c>content:encoded</c> with the <c>dir</c>/<c>lang</c>
/// wrapper), its stable guid (<see cref="Article.Id"/>; two episodes with one id are an error, as for any article),
/// its date and language. The audio is the article's first <see cref="Article.Media"/>: the RSS <c>enclosure</c>
/// (URL, media type, <see cref="MediaAttachment.Length"/>), and its <see cref="MediaAttachment.Duration"/> is
/// <c>itunes:duration</c> (in whole seconds) and JSON Feed's <c>duration_in_seconds</c>.</para>
/// <para>Checked with the feed: an episode without audio, or whose audio has no length, is an error; audio of a type
/// Apple does not play (Apple takes audio/mpeg, audio/x-m4a, audio/mp4, video/mp4, video/x-m4v, video/quicktime,
/// application/pdf) or without a duration is a warning; transcripts must be of a type the namespace lists.</para>
/// </remarks>
public sealed record PodcastEpisode : FeedExtension
{
    private static readonly string[] AppleTypes = ["audio/mpeg", "audio/x-m4a", "audio/mp4", "audio/aac", "video/mp4", "video/x-m4v", "video/quicktime", "application/pdf"];
    private static readonly string[] TranscriptTypes = ["text/plain", "text/html", "text/vtt", "application/json", "application/x-subrip", "application/srt"];

    private readonly EquatableArray<PodcastTranscript> _transcripts;
    private readonly EquatableArray<PodcastSoundbite> _soundbites;
    private readonly EquatableArray<PodcastPerson> _people;

    /// <inheritdoc />
    public override XmlNamespace Namespace => PodcastNamespaces.Itunes;

    /// <summary>The episode's number in its season or show (<c>itunes:episode</c> and <c>podcast:episode</c>), from 1.</summary>
    public int? Number { get; init; }

    /// <summary>The season's number (<c>itunes:season</c> and <c>podcast:season</c>), from 1.</summary>
    public int? Season { get; init; }

    /// <summary>The season's name (<c>podcast:season</c>'s <c>name</c>), such as "الموسم الأول".</summary>
    public string? SeasonName { get; init; }

    /// <summary>A full episode, a trailer or a bonus (<c>itunes:episodeType</c>).</summary>
    public PodcastEpisodeType Type { get; init; }

    /// <summary>Whether the episode is explicit (<c>itunes:explicit</c>); null means as the show says.</summary>
    public bool? Explicit { get; init; }

    /// <summary>The episode's own square artwork (<c>itunes:image</c>), a .jpg or .png.</summary>
    public Uri? Artwork { get; init; }

    /// <summary>A short plain-text description (<c>itunes:subtitle</c>).</summary>
    public string? Subtitle { get; init; }

    /// <summary>A plain-text description (<c>itunes:summary</c>); the HTML show notes are the article's body.</summary>
    public string? Summary { get; init; }

    /// <summary>Whether the episode must not appear in Apple Podcasts (<c>itunes:block</c>).</summary>
    public bool Block { get; init; }

    /// <summary>Transcripts and captions, each in its own language (<c>podcast:transcript</c>).</summary>
    public ImmutableArray<PodcastTranscript> Transcripts
    {
        get => _transcripts.Items;
        init => _transcripts = new(value);
    }

    /// <summary>The episode's chapters file, JSON chapters format (<c>podcast:chapters</c>).</summary>
    public Uri? Chapters { get; init; }

    /// <summary>Parts worth sharing (<c>podcast:soundbite</c>).</summary>
    public ImmutableArray<PodcastSoundbite> Soundbites
    {
        get => _soundbites.Items;
        init => _soundbites = new(value);
    }

    /// <summary>Hosts, guests and others of this episode (<c>podcast:person</c>).</summary>
    public ImmutableArray<PodcastPerson> People
    {
        get => _people.Items;
        init => _people = new(value);
    }

    internal override ImmutableArray<XmlNamespace> OtherNamespaces => [PodcastNamespaces.Podcasting];

    /// <summary>Whole seconds, rounded up: what <c>itunes:duration</c> holds.</summary>
    internal static long Seconds(TimeSpan duration) =>
        (duration.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    protected override void Validate(ExtensionValidator check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.Target != ExtensionTarget.Article)
        {
            check.Error(string.Empty, "a PodcastEpisode belongs in an article's Extensions; the show's data is a PodcastShow", PodcastCodes.Target);
            return;
        }

        CheckEnclosure(check);
        if (Number is < 1)
        {
            check.Error(nameof(Number), FormattableString.Invariant($"{Number} is not an episode number: numbers start at 1"), PodcastCodes.Number);
        }

        if (Season is < 1)
        {
            check.Error(nameof(Season), FormattableString.Invariant($"{Season} is not a season number: numbers start at 1"), PodcastCodes.Number);
        }

        check.CheckText(SeasonName, nameof(SeasonName));
        if (SeasonName is not null && Season is null)
        {
            check.Error(nameof(SeasonName), "a season's name needs its number (Season)", PodcastCodes.Number);
        }

        check.CheckText(Subtitle, nameof(Subtitle));
        check.CheckText(Summary, nameof(Summary));
        PodcastXml.CheckLength(check, Subtitle, nameof(Subtitle), "subtitle", PodcastXml.MaxShortText);
        PodcastXml.CheckLength(check, Summary, nameof(Summary), "summary", PodcastXml.MaxSummary);
        if (check.CheckUrl(Artwork, nameof(Artwork)) && Artwork is not null && !PodcastXml.IsJpegOrPng(Artwork))
        {
            check.Warning(nameof(Artwork), $"\"{Artwork.AbsoluteUri}\" does not end in .jpg or .png, the files Apple accepts for artwork", PodcastCodes.ArtworkType);
        }

        for (var i = 0; i < Transcripts.Length; i++)
        {
            var member = FormattableString.Invariant($"Transcripts[{i}]");
            var transcript = Transcripts[i];
            if (transcript is null)
            {
                check.Error(member, "is null", "null");
                continue;
            }

            check.CheckUrl(transcript.Url, member + ".Url", required: true);
            if (transcript.MediaType is null || Array.IndexOf(TranscriptTypes, transcript.MediaType) < 0)
            {
                check.Error(member + ".MediaType", $"\"{transcript.MediaType}\" is not a transcript type of the Podcasting 2.0 namespace: {string.Join(", ", TranscriptTypes)}", PodcastCodes.TranscriptType);
            }
        }

        check.CheckUrl(Chapters, nameof(Chapters));
        for (var i = 0; i < Soundbites.Length; i++)
        {
            var member = FormattableString.Invariant($"Soundbites[{i}]");
            var soundbite = Soundbites[i];
            if (soundbite is null)
            {
                check.Error(member, "is null", "null");
                continue;
            }

            if (soundbite.Start < TimeSpan.Zero || soundbite.Duration <= TimeSpan.Zero)
            {
                check.Error(member, "a soundbite needs a start at or after the beginning and a positive duration", PodcastCodes.Soundbite);
            }

            check.CheckText(soundbite.Title, member + ".Title");
        }

        PodcastXml.CheckPeople(check, People);
    }

    /// <inheritdoc />
    protected override void WriteRss(XmlExtensionWriter xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (xml.Enclosure?.Duration is { } duration)
        {
            xml.WriteElement("duration", Seconds(duration));
        }

        if (Number is { } number)
        {
            xml.WriteElement("episode", number);
        }

        if (Season is { } season)
        {
            xml.WriteElement("season", season);
        }

        xml.WriteElement("episodeType", TypeName(Type));
        if (Explicit is { } isExplicit)
        {
            xml.WriteElement("explicit", isExplicit ? "true" : "false");
        }

        if (Artwork is not null)
        {
            xml.WriteStartElement("image");
            xml.WriteAttribute("href", Artwork.AbsoluteUri);
            xml.WriteEndElement();
        }

        if (Subtitle is not null)
        {
            xml.WriteElement("subtitle", xml.Guard(Subtitle));
        }

        // itunes:summary: the episode's own, else the item description's text. gPodder's podcastparser (and apps built
        // like it) take the plain-text summary as the episode's text; without one they strip content:encoded's HTML
        // themselves, and a list in the show notes becomes "* " bullets.
        if (Summary is not null)
        {
            xml.WriteElement("summary", xml.Guard(Summary));
        }
        else if (xml.SummaryText is { } description)
        {
            xml.WriteElement("summary", PodcastXml.Clip(description, PodcastXml.MaxSummary));
        }

        if (Block)
        {
            xml.WriteElement("block", "Yes");
        }

        var podcast = PodcastNamespaces.Podcasting;
        if (Season is not null)
        {
            xml.WriteStartElement(podcast, "season");
            if (SeasonName is not null)
            {
                xml.WriteAttribute("name", xml.Guard(SeasonName));
            }

            xml.WriteString(Season.Value.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }

        if (Number is not null)
        {
            PodcastXml.Element(xml, "episode", Number.Value.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var transcript in Transcripts)
        {
            xml.WriteStartElement(podcast, "transcript");
            xml.WriteAttribute("url", transcript.Url.AbsoluteUri);
            xml.WriteAttribute("type", transcript.MediaType);
            if (transcript.Language is not null)
            {
                xml.WriteAttribute("language", transcript.Language.Value);
            }

            if (transcript.IsCaptions)
            {
                xml.WriteAttribute("rel", "captions");
            }

            xml.WriteEndElement();
        }

        if (Chapters is not null)
        {
            xml.WriteStartElement(podcast, "chapters");
            xml.WriteAttribute("url", Chapters.AbsoluteUri);
            xml.WriteAttribute("type", "application/json+chapters");
            xml.WriteEndElement();
        }

        foreach (var soundbite in Soundbites)
        {
            xml.WriteStartElement(podcast, "soundbite");
            xml.WriteAttribute("startTime", PodcastXml.SecondsText(soundbite.Start));
            xml.WriteAttribute("duration", PodcastXml.SecondsText(soundbite.Duration));
            if (soundbite.Title is not null)
            {
                xml.WriteString(xml.Guard(soundbite.Title));
            }

            xml.WriteEndElement();
        }

        PodcastXml.WritePeople(xml, People);
    }

    /// <summary>Nothing: podcast apps read RSS; Atom's entry already has the enclosure link with its type and length.</summary>
    /// <param name="xml">Not used.</param>
    protected override void WriteAtom(XmlExtensionWriter xml)
    {
    }

    /// <inheritdoc />
    protected override void WriteJson(JsonExtensionWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Number is { } number)
        {
            json.WriteNumber("episode", number);
        }

        if (Season is { } season)
        {
            json.WriteNumber("season", season);
        }

        json.WriteString("episode_type", TypeName(Type));
        if (Explicit is { } isExplicit)
        {
            json.WriteBoolean("explicit", isExplicit);
        }

        if (!Transcripts.IsEmpty)
        {
            json.WriteStartArray("transcripts");
            foreach (var transcript in Transcripts)
            {
                json.WriteStartObject();
                json.WriteString("url", transcript.Url.AbsoluteUri);
                json.WriteString("type", transcript.MediaType);
                if (transcript.Language is not null)
                {
                    json.WriteString("language", transcript.Language.Value);
                }

                if (transcript.IsCaptions)
                {
                    json.WriteString("rel", "captions");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
    }

    private static string TypeName(PodcastEpisodeType type) => type switch
    {
        PodcastEpisodeType.Trailer => "trailer",
        PodcastEpisodeType.Bonus => "bonus",
        _ => "full",
    };

    private static void CheckEnclosure(ExtensionValidator check)
    {
        if (check.Enclosure is not { } enclosure)
        {
            check.Error("Enclosure", "an episode needs its audio or video as the article's first Media (the RSS enclosure)", PodcastCodes.EnclosureMissing);
            return;
        }

        if (enclosure.Length is not > 0)
        {
            check.Error("Enclosure", enclosure.Length is null
                ? "the audio's Length (Media[0].Length, its size in bytes) is required: Apple Podcasts refuses an enclosure without it"
                : "the audio's Length (Media[0].Length) is 0: give the file's size in bytes, which Apple Podcasts requires and apps use to show and check the download", PodcastCodes.EnclosureLength);
        }

        var essence = enclosure.MediaType.Split(';')[0].Trim();
        if (!AppleTypes.Contains(essence, StringComparer.OrdinalIgnoreCase))
        {
            check.Warning("Enclosure", $"Apple Podcasts does not play \"{enclosure.MediaType}\" ({string.Join(", ", AppleTypes)}); other apps may", PodcastCodes.EnclosureType);
        }

        if (enclosure.Duration is null)
        {
            check.Warning("Enclosure", "the audio has no Duration (Media[0].Duration): itunes:duration is not written, and apps show no playing time before downloading", PodcastCodes.DurationMissing);
        }
    }
}
