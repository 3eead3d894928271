using System.Collections.Immutable;
using FeedKit.Text;

namespace FeedKit.Model;

/// <summary>
/// What a feed says about itself: title, links, language, authors. Immutable; use <c>with</c> to vary it
/// (for example to give the RSS document its own <see cref="SelfLink"/>).
/// </summary>
public sealed record FeedInfo
{
    private readonly ImmutableArray<Author> _authors = [];
    private readonly ImmutableArray<Uri> _hubs = [];

    /// <summary>The feed's title (plain text).</summary>
    public required string Title { get; init; }

    /// <summary>A sentence describing the feed (plain text). RSS requires a channel description: without one, the title is used.</summary>
    public string? Subtitle { get; init; }

    /// <summary>The absolute URL of the site the feed belongs to.</summary>
    public required Uri SiteLink { get; init; }

    /// <summary>The absolute URL this feed document is served from (<c>rel="self"</c>).</summary>
    public Uri? SelfLink { get; init; }

    /// <summary>A stable, absolute URI identifying the feed; defaults to <see cref="SiteLink"/>.</summary>
    public string? Id { get; init; }

    /// <summary>The feed's language, and the default language of its articles.</summary>
    public LanguageTag? Language { get; init; }

    /// <summary>An explicit direction for the feed's own texts; null means worked out from the language or title.</summary>
    public TextDirection? Direction { get; init; }

    /// <summary>The feed's authors; they stand for the authors of an article that has none.</summary>
    public ImmutableArray<Author> Authors
    {
        get => _authors;
        init => _authors = value.IsDefault ? [] : value;
    }

    /// <summary>A copyright or licence statement (plain text).</summary>
    public string? Rights { get; init; }

    /// <summary>Absolute URL of a small square icon (Atom <c>icon</c>).</summary>
    public Uri? Icon { get; init; }

    /// <summary>Absolute URL of a larger logo (Atom <c>logo</c>, RSS <c>image</c>).</summary>
    public Uri? Logo { get; init; }

    /// <summary>The name written as the feed's generator; null writes none.</summary>
    public string? Generator { get; init; } = "FeedKit";

    /// <summary>
    /// When the feed last changed. Null means the newest article's <see cref="Article.Updated"/> or
    /// <see cref="Article.Published"/>; FeedKit never reads the clock.
    /// </summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>
    /// WebSub hubs that push this feed's updates to subscribers (<c>rel="hub"</c> in Atom, <c>atom:link</c> in RSS,
    /// <c>hubs</c> in JSON Feed). The topic is <see cref="SelfLink"/>, which must then be given. Tell the hubs when
    /// the feed changes with <see cref="WebSub.WebSubPublisher"/>.
    /// </summary>
    public ImmutableArray<Uri> Hubs
    {
        get => _hubs;
        init => _hubs = value.IsDefault ? [] : value;
    }

    /// <summary>RFC 5005 links of an archived or paged feed document; null for a plain feed.</summary>
    public FeedHistory? History { get; init; }
}
