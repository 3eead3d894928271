using System.Collections.Immutable;
using FeedKit.Extensions;
using FeedKit.Text;

namespace FeedKit.Model;

/// <summary>
/// What a feed says about itself: title, links, language, authors. Immutable; use <c>with</c> to vary it
/// (for example to give the RSS document its own <see cref="SelfUrl"/>).
/// </summary>
public sealed record FeedInfo
{
    private readonly EquatableArray<Author> _authors;
    private readonly EquatableArray<Uri> _hubs;
    private readonly EquatableArray<FeedExtension> _extensions;
    private readonly EquatableArray<XmlNamespace> _namespaces;

    /// <summary>The feed's title (plain text).</summary>
    public required string Title { get; init; }

    /// <summary>A sentence describing the feed (plain text). RSS requires a channel description: without one, the title is used.</summary>
    public string? Subtitle { get; init; }

    /// <summary>The absolute URL of the site the feed belongs to.</summary>
    public required Uri SiteUrl { get; init; }

    /// <summary>The absolute URL this feed document is served from (<c>rel="self"</c>).</summary>
    public Uri? SelfUrl { get; init; }

    /// <summary>A stable, absolute URI identifying the feed; defaults to <see cref="SiteUrl"/>.</summary>
    public string? Id { get; init; }

    /// <summary>The feed's language, and the default language of its articles.</summary>
    public LanguageTag? Language { get; init; }

    /// <summary>An explicit direction for the feed's own texts; null means worked out from the language or title.</summary>
    public TextDirection? Direction { get; init; }

    /// <summary>The feed's authors; they stand for the authors of an article that has none.</summary>
    public ImmutableArray<Author> Authors
    {
        get => _authors.Items;
        init => _authors = new(value);
    }

    /// <summary>A copyright or licence statement (plain text).</summary>
    public string? Rights { get; init; }

    /// <summary>Absolute URL of a small square icon (Atom <c>icon</c>).</summary>
    public Uri? IconUrl { get; init; }

    /// <summary>Absolute URL of a larger logo (Atom <c>logo</c>, RSS <c>image</c>).</summary>
    public Uri? LogoUrl { get; init; }

    /// <summary>The name written as the feed's generator; null writes none.</summary>
    public string? Generator { get; init; } = "FeedKit";

    /// <summary>
    /// When the feed last changed. Null means the newest article's <see cref="Article.Updated"/> or
    /// <see cref="Article.Published"/>; FeedKit never reads the clock.
    /// </summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>
    /// WebSub hubs that push this feed's updates to subscribers (<c>rel="hub"</c> in Atom, <c>atom:link</c> in RSS,
    /// <c>hubs</c> in JSON Feed). The topic is <see cref="SelfUrl"/>, which must then be given. Tell the hubs when
    /// the feed changes with <see cref="WebSub.WebSubPublisher"/>.
    /// </summary>
    public ImmutableArray<Uri> Hubs
    {
        get => _hubs.Items;
        init => _hubs = new(value);
    }

    /// <summary>RFC 5005 links of an archived or paged feed document; null for a plain feed.</summary>
    public FeedHistory? History { get; init; }

    /// <summary>
    /// Namespaced data the feed carries (see <see cref="FeedExtension"/>), written after the feed's own elements; their
    /// namespaces are declared on the root element.
    /// </summary>
    public ImmutableArray<FeedExtension> Extensions
    {
        get => _extensions.Items;
        init => _extensions = new(value);
    }

    /// <summary>
    /// Namespaces to declare on the root element besides those of <see cref="Extensions"/>: the namespaces of extensions
    /// that only articles or media carry, when the feed is streamed (its root element is written before any article is
    /// read). A feed written from a list finds them by itself; declaring them here changes nothing then.
    /// </summary>
    public ImmutableArray<XmlNamespace> Namespaces
    {
        get => _namespaces.Items;
        init => _namespaces = new(value);
    }
}
