using System.Collections.Immutable;
using FeedKit.Extensions;

using FeedKit.Text;
using FeedKit.Xml;

namespace FeedKit.Media;

/// <summary>
/// Media RSS (https://www.rssboard.org/media-rss) of one article, for both XML formats: one <c>media:content</c> per
/// file (title, description in the article's language, thumbnail, and the file's own extensions inside), then a
/// <c>media:thumbnail</c> of the lead image for readers that look for the item's picture there. An extension like any
/// other; its namespace is declared on the root of every XML document (a streamed document cannot know in advance
/// whether an article will have media).
/// </summary>
/// <param name="Media">The article's media, resolved.</param>
internal sealed record MediaRssContent(ImmutableArray<ResolvedMedia> Media) : FeedExtension
{
    /// <summary>The Media RSS namespace, with the prefix <c>media</c>.</summary>
    public static XmlNamespace Ns { get; } = new("media", "http://search.yahoo.com/mrss/");

    /// <inheritdoc />
    public override XmlNamespace Namespace => Ns;

    /// <summary>Whole seconds, rounded up: what Media RSS's <c>duration</c> and JSON Feed's <c>duration_in_seconds</c> hold.</summary>
    public static long Seconds(TimeSpan duration) =>
        (duration.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    protected override void WriteXml(XmlExtensionWriter writer)
    {
        var xml = writer.Raw;
        foreach (var media in Media)
        {
            xml.WriteStartElement("media:content");
            xml.WriteAttributeString("url", media.Url.AbsoluteUri);
            if (media.MediaType is not null)
            {
                xml.WriteAttributeString("type", media.MediaType);
            }

            if (media.Medium is not null)
            {
                xml.WriteAttributeString("medium", media.Medium);
            }

            // Media RSS wants a positive fileSize: an empty file has none worth telling.
            if (media.Length is > 0)
            {
                xml.WriteNumberAttribute("fileSize", media.Length.Value);
            }

            if (media.Duration is { } duration)
            {
                xml.WriteNumberAttribute("duration", Seconds(duration));
            }

            if (media.Title is not null)
            {
                WriteText(xml, "media:title", media.Title, writer.Language);
            }

            if (media.Description is not null)
            {
                WriteText(xml, "media:description", media.Description, writer.Language);
            }

            if (media.ThumbnailUrl is not null)
            {
                WriteThumbnail(xml, media.ThumbnailUrl);
            }

            foreach (var extension in media.Extensions)
            {
                writer.WriteNested(extension, ExtensionTarget.Media);
            }

            xml.WriteEndElement();
        }

        foreach (var media in Media)
        {
            if (media.IsLeadImage)
            {
                WriteThumbnail(xml, media.Url);
            }
        }
    }

    private static void WriteThumbnail(Utf8XmlWriter xml, Uri url)
    {
        xml.WriteStartElement("media:thumbnail");
        xml.WriteAttributeString("url", url.AbsoluteUri);
        xml.WriteEndElement();
    }

    private static void WriteText(Utf8XmlWriter xml, string element, string text, LanguageTag? language)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("type", "plain");
        if (language is not null)
        {
            xml.WriteAttributeString("xml:lang", language.Value);
        }

        xml.WriteString(text);
        xml.WriteEndElement();
    }
}
