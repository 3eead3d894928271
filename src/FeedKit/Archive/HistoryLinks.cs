using FeedKit.Extensions;
using FeedKit.Model;

namespace FeedKit.Archive;

/// <summary>
/// RFC 5005 links of a feed document (<see cref="FeedInfo.History"/>), written through the extension mechanism:
/// <c>link</c> elements in Atom and <c>atom:link</c> in RSS (typed as the document's own format), with the empty
/// <c>fh:archive</c> marker on archive documents (whose namespace is then declared on the root); in JSON Feed only the
/// next (older) page or archive fits, as <c>next_url</c>.
/// </summary>
/// <param name="History">The links.</param>
internal sealed record HistoryLinks(FeedHistory History) : FeedExtension
{
    /// <summary>RFC 5005's namespace, with the prefix <c>fh</c>.</summary>
    public static XmlNamespace Ns { get; } = new("fh", "http://purl.org/syndication/history/1.0");

    /// <inheritdoc />
    public override XmlNamespace? Namespace => History.IsArchive ? Ns : null;

    /// <inheritdoc />
    protected override void WriteAtom(XmlExtensionWriter xml) => Write(xml, "link", FeedFormat.Atom);

    /// <inheritdoc />
    protected override void WriteRss(XmlExtensionWriter xml) => Write(xml, "atom:link", FeedFormat.Rss);

    /// <inheritdoc />
    protected override void WriteJson(JsonExtensionWriter writer)
    {
        if ((History.Next ?? History.PreviousArchive) is { } next)
        {
            writer.Raw.WriteString("next_url", next.AbsoluteUri);
        }
    }

    private void Write(XmlExtensionWriter xml, string element, FeedFormat format)
    {
        foreach (var (rel, href) in History.Links())
        {
            xml.WriteStartElementRaw(element);
            xml.WriteAttribute("rel", rel);
            xml.WriteAttribute("type", format.MediaType());
            xml.WriteAttribute("href", href.AbsoluteUri);
            xml.WriteEndElement();
        }

        if (History.IsArchive)
        {
            xml.WriteStartElementRaw("fh:archive");
            xml.WriteEndElement();
        }
    }
}
