using FeedKit.Text;

namespace FeedKit.Podcasts;

/// <summary>Whether a show's episodes are heard newest first or in order (<c>itunes:type</c>).</summary>
public enum PodcastShowType
{
    /// <summary>Episodes stand alone, newest first (<c>episodic</c>, the default).</summary>
    Episodic,

    /// <summary>Episodes are heard in order, by season and number (<c>serial</c>).</summary>
    Serial,
}

/// <summary>What an episode is (<c>itunes:episodeType</c>).</summary>
public enum PodcastEpisodeType
{
    /// <summary>A normal episode (<c>full</c>, the default).</summary>
    Full,

    /// <summary>A short preview of the show or a season (<c>trailer</c>).</summary>
    Trailer,

    /// <summary>Extra content (<c>bonus</c>).</summary>
    Bonus,
}

/// <summary>Who runs the podcast, for Apple and for <c>podcast:locked</c> (<c>itunes:owner</c>); not shown to listeners.</summary>
/// <param name="Name">The owner's name.</param>
/// <param name="Email">The owner's e-mail address: the address Apple and podcast hosts write to, and the one that can unlock a locked feed.</param>
public sealed record PodcastOwner(string Name, string Email);

/// <summary>An Apple Podcasts category (<c>itunes:category</c>), with an optional subcategory, both from <see cref="AppleCategories"/>.</summary>
/// <param name="Name">The category, spelled as Apple does, in English (such as <c>Society &amp; Culture</c>).</param>
public sealed record PodcastCategory(string Name)
{
    /// <summary>A subcategory of <see cref="Name"/> (such as <c>Documentary</c>); null for none.</summary>
    public string? Subcategory { get; init; }
}

/// <summary>A way to support the show (<c>podcast:funding</c>).</summary>
/// <param name="Url">The page where listeners give.</param>
/// <param name="Text">The link's label (plain text, guarded like titles).</param>
public sealed record PodcastFunding(Uri Url, string Text);

/// <summary>Someone heard in or behind the show or an episode (<c>podcast:person</c>).</summary>
/// <param name="Name">The person's name.</param>
public sealed record PodcastPerson(string Name)
{
    /// <summary>Their role from the Podcasting 2.0 taxonomy, such as <c>host</c> or <c>guest</c>; null means host.</summary>
    public string? Role { get; init; }

    /// <summary>Their group from the taxonomy, such as <c>cast</c>; null means cast.</summary>
    public string? Group { get; init; }

    /// <summary>A picture of them.</summary>
    public Uri? ImageUrl { get; init; }

    /// <summary>A page about them.</summary>
    public Uri? Url { get; init; }
}

/// <summary>Where the show is about or made (<c>podcast:location</c>).</summary>
/// <param name="Name">A human-readable place name.</param>
public sealed record PodcastLocation(string Name)
{
    /// <summary>A <c>geo:</c> URI (RFC 5870), such as <c>geo:24.7136,46.6753</c>.</summary>
    public string? Geo { get; init; }

    /// <summary>An OpenStreetMap object, such as <c>R3766483</c>.</summary>
    public string? Osm { get; init; }
}

/// <summary>The licence of the show's content (<c>podcast:license</c>).</summary>
/// <param name="Identifier">An SPDX identifier such as <c>CC-BY-4.0</c>, or a licence's name.</param>
public sealed record PodcastLicense(string Identifier)
{
    /// <summary>The licence's text, required by the namespace when <see cref="Identifier"/> is not an SPDX identifier.</summary>
    public Uri? Url { get; init; }
}

/// <summary>A free-form text for machines (<c>podcast:txt</c>), such as a platform's ownership token.</summary>
/// <param name="Text">The text, up to 4000 characters.</param>
public sealed record PodcastText(string Text)
{
    /// <summary>What it is for (the <c>purpose</c> attribute, such as <c>verify</c>).</summary>
    public string? Purpose { get; init; }
}

/// <summary>A transcript or captions of an episode (<c>podcast:transcript</c>).</summary>
/// <param name="Url">The transcript file.</param>
/// <param name="MediaType">Its type: <c>text/plain</c>, <c>text/html</c>, <c>text/vtt</c>, <c>application/json</c>, <c>application/x-subrip</c> or <c>application/srt</c>.</param>
public sealed record PodcastTranscript(Uri Url, string MediaType)
{
    /// <summary>The transcript's own language; null means the episode's.</summary>
    public LanguageTag? Language { get; init; }

    /// <summary>Whether these are captions, timed for showing with the audio (<c>rel="captions"</c>).</summary>
    public bool IsCaptions { get; init; }
}

/// <summary>A short part of an episode worth sharing (<c>podcast:soundbite</c>).</summary>
/// <param name="Start">Where it starts in the audio.</param>
/// <param name="Duration">How long it plays.</param>
public sealed record PodcastSoundbite(TimeSpan Start, TimeSpan Duration)
{
    /// <summary>Its title (plain text, guarded like titles); null for none.</summary>
    public string? Title { get; init; }
}
