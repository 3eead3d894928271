using System.Collections.Immutable;
using System.Xml;
using FeedKit.Model;

namespace FeedKit.Formats.Rss;

/// <summary>
/// Writes RSS 2.0 documents, with the Dublin Core, content and Atom namespaces declared once on <c>rss</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Language: the channel's <c>language</c> (its primary subtag must be ISO 639) and <c>dc:language</c> on every item.</item>
/// <item><c>description</c> is the standfirst as HTML in the <c>dir</c>/<c>lang</c> wrapper; <c>content:encoded</c> the whole body.</item>
/// <item><c>guid</c> is the article id, <c>isPermaLink="true"</c> only when it is the article's URL.</item>
/// <item><c>pubDate</c> is RFC 822 in GMT. RSS has no field for an item's update date, so it is not written.</item>
/// <item><c>author</c> is written only for a single author with an e-mail address (what RSS allows); otherwise each author is a <c>dc:creator</c>. An item without authors takes the feed's.</item>
/// <item>The channel's <c>description</c> is the feed's subtitle, or its title when it has none (RSS requires one).</item>
/// </list>
/// </remarks>
public sealed class RssFeedWriter : FeedWriter
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";
    private const string XmlnsNs = "http://www.w3.org/2000/xmlns/";

    /// <summary>Creates an RSS writer.</summary>
    /// <param name="options">Writer options; null for <see cref="FeedWriterOptions.Default"/>.</param>
    public RssFeedWriter(FeedWriterOptions? options = null)
        : base(options)
    {
    }

    /// <inheritdoc />
    public override string MediaType => "application/rss+xml";

    /// <inheritdoc />
    public override string FileExtension => "rss";

    private protected override FeedFormat Format => FeedFormat.Rss;

    private protected override void WriteDocument(NormalizedFeed feed, XmlWriter xml)
    {
        var info = feed.Info;
        xml.WriteStartDocument();
        xml.WriteStartElement("rss");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteAttributeString("xmlns", "atom", XmlnsNs, AtomNs);
        xml.WriteAttributeString("xmlns", "content", XmlnsNs, ContentNs);
        xml.WriteAttributeString("xmlns", "dc", XmlnsNs, DcNs);
        xml.WriteStartElement("channel");
        xml.WriteElementString("title", feed.Title);
        xml.WriteElementString("link", info.SiteLink.AbsoluteUri);
        xml.WriteElementString("description", feed.Subtitle ?? feed.Title);
        if (feed.Language is not null)
        {
            xml.WriteElementString("language", feed.Language.Value);
        }

        if (!string.IsNullOrWhiteSpace(info.Rights))
        {
            xml.WriteElementString("copyright", info.Rights);
        }

        xml.WriteElementString("lastBuildDate", Dates.Rfc822(feed.Updated));
        if (!string.IsNullOrWhiteSpace(info.Generator))
        {
            xml.WriteElementString("generator", info.Generator);
        }

        if (info.SelfLink is not null)
        {
            xml.WriteStartElement("atom", "link", AtomNs);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", MediaType);
            xml.WriteAttributeString("href", info.SelfLink.AbsoluteUri);
            xml.WriteEndElement();
        }

        if ((info.Logo ?? info.Icon) is { } image)
        {
            xml.WriteStartElement("image");
            xml.WriteElementString("url", image.AbsoluteUri);
            xml.WriteElementString("title", feed.Title);
            xml.WriteElementString("link", info.SiteLink.AbsoluteUri);
            xml.WriteEndElement();
        }

        foreach (var article in feed.Articles)
        {
            WriteItem(xml, article, info.Authors);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteItem(XmlWriter xml, NormalizedArticle article, ImmutableArray<Author> feedAuthors)
    {
        var source = article.Source;
        var authors = source.Authors.IsEmpty ? feedAuthors : source.Authors;
        xml.WriteStartElement("item");
        xml.WriteElementString("title", article.Headline);
        if (source.Url is not null)
        {
            xml.WriteElementString("link", source.Url.AbsoluteUri);
        }

        if (article.StandfirstHtml is not null)
        {
            xml.WriteElementString("description", article.StandfirstHtml);
        }

        if (article.BodyHtml is not null)
        {
            xml.WriteElementString("encoded", ContentNs, article.BodyHtml);
        }

        if (authors is [{ Email: { } email } single] && !string.IsNullOrWhiteSpace(email))
        {
            xml.WriteElementString("author", $"{email} ({single.Name})");
        }
        else
        {
            foreach (var author in authors)
            {
                xml.WriteElementString("creator", DcNs, author.Name);
            }
        }

        foreach (var tag in source.Tags)
        {
            xml.WriteElementString("category", tag);
        }

        xml.WriteStartElement("guid");
        xml.WriteAttributeString("isPermaLink", article.IdIsUrl ? "true" : "false");
        xml.WriteString(article.Id);
        xml.WriteEndElement();
        xml.WriteElementString("pubDate", Dates.Rfc822(source.Published));
        if (article.Language is not null)
        {
            xml.WriteElementString("language", DcNs, article.Language.Value);
        }

        xml.WriteEndElement();
    }
}
