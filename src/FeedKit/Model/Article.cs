using System.Collections.Immutable;
using FeedKit.Extensions;
using FeedKit.Text;

namespace FeedKit.Model;

/// <summary>
/// One article as a publisher hands it to FeedKit: immutable, format-neutral.
/// </summary>
/// <remarks>
/// <para>
/// Identity: <see cref="Id"/> when given, else <see cref="Url"/>. An article with neither is rejected when a
/// feed is written, because feed readers use the id to recognise an item they have already shown: it must
/// stay the same when the text is edited, so FeedKit never derives it from the text and never makes one up.
/// </para>
/// <para>
/// Language and direction: <see cref="Language"/> defaults to the feed's. The direction is, in order, the
/// explicit <see cref="Direction"/>, the script subtag of the language (<c>az-Arab</c>), the usual script of
/// the language (<c>ar</c>, <c>he</c>, <c>fa</c>, <c>ur</c> …), and last the first strong character of the
/// headline, standfirst and body (Unicode bidi rules P2–P3).
/// </para>
/// <para>
/// Records of the model compare by value, collections included: two articles with the same members are equal.
/// </para>
/// </remarks>
public sealed record Article
{
    private readonly EquatableArray<Block> _body;
    private readonly EquatableArray<Author> _authors;
    private readonly EquatableArray<string> _tags;
    private readonly EquatableArray<MediaAttachment> _media;
    private readonly EquatableArray<FeedExtension> _extensions;

    /// <summary>
    /// A stable, absolute URI that identifies the article for ever (for example
    /// <c>tag:example.com,2021:article-1234</c>). When null, <see cref="Url"/> is the id.
    /// </summary>
    public string? Id { get; init; }

    /// <summary>The article's canonical, absolute URL: the page readers open.</summary>
    public Uri? Url { get; init; }

    /// <summary>The headline (plain text).</summary>
    public required string Headline { get; init; }

    /// <summary>The standfirst, or dek: a sentence or two under the headline (plain text).</summary>
    public string? Standfirst { get; init; }

    /// <summary>The body, as structured blocks in reading order.</summary>
    public ImmutableArray<Block> Body
    {
        get => _body.Items;
        init => _body = new(value);
    }

    /// <summary>The article's authors. When empty, the feed's authors stand for them.</summary>
    public ImmutableArray<Author> Authors
    {
        get => _authors.Items;
        init => _authors = new(value);
    }

    /// <summary>When the article was first published.</summary>
    public required DateTimeOffset Published { get; init; }

    /// <summary>When the article last changed in a way readers should see; null means never since publication.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>Tags or categories, written as Atom <c>category</c> and RSS <c>category</c>.</summary>
    public ImmutableArray<string> Tags
    {
        get => _tags.Items;
        init => _tags = new(value);
    }

    /// <summary>The image shown at the head of the article.</summary>
    public Image? LeadImage { get; init; }

    /// <summary>
    /// Media files that go with the article besides <see cref="LeadImage"/> (audio, video, documents, more pictures),
    /// in order. The first one is the RSS <c>enclosure</c> (RSS readers handle one per item); without any, the lead
    /// image is. All of them, and the lead image, are Atom enclosures and Media RSS <c>media:content</c>; these are
    /// JSON Feed's <c>attachments</c> (the lead image is its <c>image</c>).
    /// </summary>
    public ImmutableArray<MediaAttachment> Media
    {
        get => _media.Items;
        init => _media = new(value);
    }

    /// <summary>The article's language; null means the feed's language.</summary>
    public LanguageTag? Language { get; init; }

    /// <summary>An explicit text direction; null means it is worked out from the language or text.</summary>
    public TextDirection? Direction { get; init; }

    /// <summary>
    /// Namespaced data the article carries (a publisher's own elements, podcast episode data …), written at the end of
    /// its entry or item by each extension (see <see cref="FeedExtension"/>).
    /// </summary>
    public ImmutableArray<FeedExtension> Extensions
    {
        get => _extensions.Items;
        init => _extensions = new(value);
    }
}
