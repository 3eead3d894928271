using FeedKit.Text;
using FeedKit.Xml;

namespace FeedKit.Formats;

/// <summary>
/// Media RSS (https://www.rssboard.org/media-rss) for both XML formats, and the enclosures, written the same way
/// in Atom entries and RSS items. The <c>media</c> namespace is declared once, on the root element, like every
/// other prefix (a streamed document cannot know in advance whether an article will have media, and repeating a
/// declaration on every item is what FeedKit promises not to do).
/// </summary>
internal static class MediaRss
{
    public const string Namespace = "http://search.yahoo.com/mrss/";

    /// <summary>Declares <c>xmlns:media</c> on the root element just started.</summary>
    public static void DeclareNamespace(Utf8XmlWriter xml) =>
        xml.WriteAttributeString("xmlns:media", Namespace);

    /// <summary>
    /// One <c>media:content</c> per file (title, description in the article's language, thumbnail inside), then a
    /// <c>media:thumbnail</c> of the lead image for readers that look for the item's picture there.
    /// </summary>
    public static void WriteMedia(Utf8XmlWriter xml, in NormalizedArticle article)
    {
        foreach (var media in article.Media)
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
                WriteText(xml, "media:title", media.Title, article.Language);
            }

            if (media.Description is not null)
            {
                WriteText(xml, "media:description", media.Description, article.Language);
            }

            if (media.Thumbnail is not null)
            {
                WriteThumbnail(xml, media.Thumbnail);
            }

            xml.WriteEndElement();
        }

        foreach (var media in article.Media)
        {
            if (media.IsLeadImage)
            {
                WriteThumbnail(xml, media.Url);
            }
        }
    }

    /// <summary>An attribute holding a whole number, in ASCII digits whatever the culture, without allocating.</summary>
    public static void WriteNumberAttribute(this Utf8XmlWriter xml, string name, long value)
    {
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out var length, default, System.Globalization.CultureInfo.InvariantCulture);
        xml.WriteAttributeString(name, digits[..length]);
    }

    /// <summary>Whole seconds, rounded up: what Media RSS's <c>duration</c> and JSON Feed's <c>duration_in_seconds</c> hold.</summary>
    public static long Seconds(TimeSpan duration) =>
        (duration.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;

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
