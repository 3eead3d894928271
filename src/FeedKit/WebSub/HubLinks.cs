using System.Collections.Immutable;
using FeedKit.Extensions;

namespace FeedKit.WebSub;

/// <summary>
/// The WebSub hubs of a feed (<see cref="Model.FeedInfo.Hubs"/>), written through the extension mechanism:
/// <c>link rel="hub"</c> in Atom, <c>atom:link rel="hub"</c> in RSS, <c>hubs</c> in JSON Feed. The formats' own
/// elements, so no namespace of its own.
/// </summary>
/// <param name="Hubs">The hubs' URLs.</param>
internal sealed record HubLinks(ImmutableArray<Uri> Hubs) : FeedExtension
{
    /// <inheritdoc />
    public override XmlNamespace? Namespace => null;

    /// <inheritdoc />
    protected override void WriteAtom(XmlExtensionWriter xml) => WriteLinks(xml, "link");

    /// <inheritdoc />
    protected override void WriteRss(XmlExtensionWriter xml) => WriteLinks(xml, "atom:link");

    /// <inheritdoc />
    protected override void WriteJson(JsonExtensionWriter writer)
    {
        var json = writer.Raw;
        json.WriteStartArray("hubs");
        foreach (var hub in Hubs)
        {
            json.WriteStartObject();
            json.WriteString("type", "WebSub");
            json.WriteString("url", hub.AbsoluteUri);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private void WriteLinks(XmlExtensionWriter xml, string element)
    {
        foreach (var hub in Hubs)
        {
            xml.WriteStartElementRaw(element);
            xml.WriteAttribute("rel", "hub");
            xml.WriteAttribute("href", hub.AbsoluteUri);
            xml.WriteEndElement();
        }
    }
}
