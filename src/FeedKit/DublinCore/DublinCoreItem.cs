using System.Collections.Immutable;
using FeedKit.Extensions;
using FeedKit.Model;

namespace FeedKit.DublinCore;

/// <summary>
/// Dublin Core in RSS items, written through the extension mechanism: <c>dc:creator</c> for each author that RSS's own
/// <c>author</c> element cannot carry (it holds one e-mail address), and <c>dc:language</c>, the item's language (RSS
/// has no item language of its own). One instance serves every item: it reads the item's authors and language from
/// the writer.
/// </summary>
internal sealed record DublinCoreItem : FeedExtension
{
    private DublinCoreItem()
    {
    }

    /// <summary>The one instance.</summary>
    public static DublinCoreItem Instance { get; } = new();

    /// <summary>The Dublin Core elements namespace, with the prefix <c>dc</c>.</summary>
    public static XmlNamespace Ns { get; } = new("dc", "http://purl.org/dc/elements/1.1/");

    /// <inheritdoc />
    public override XmlNamespace Namespace => Ns;

    /// <summary>
    /// Whether RSS's own <c>author</c> element carries these authors: exactly one author, with an e-mail address (all RSS
    /// allows). Otherwise each is a <c>dc:creator</c>.
    /// </summary>
    public static bool IsRssAuthor(ImmutableArray<Author> authors) =>
        authors is [{ Email: { } email }] && !string.IsNullOrWhiteSpace(email);

    /// <inheritdoc />
    protected override void WriteRss(XmlExtensionWriter xml)
    {
        if (!IsRssAuthor(xml.Authors))
        {
            foreach (var author in xml.Authors)
            {
                xml.WriteElement("creator", author.Name);
            }
        }

        if (xml.Language is { } language)
        {
            xml.WriteElement("language", language.Value);
        }
    }
}
