using System.Xml;
using FeedKit.Model;

namespace FeedKit.Formats.Atom;

/// <summary>
/// Writes Atom 1.0 (RFC 4287) documents.
/// </summary>
/// <remarks>
/// Language goes on every element readers look at: <c>xml:lang</c> on <c>feed</c>, each <c>entry</c>, and
/// each entry's <c>title</c>, <c>summary</c> and <c>content</c>. Direction goes inside the HTML
/// (<c>&lt;div dir="rtl" lang="ar"&gt;</c>), never as a bare <c>dir</c> attribute on an Atom element, which the
/// schema does not allow. Summary and content are <c>type="html"</c>: the escaped HTML keeps its wrapper in every
/// parser, where the <c>xhtml</c> wrapper <c>div</c> is stripped by some.
/// </remarks>
public sealed class AtomFeedWriter : FeedWriter
{
    private const string Ns = "http://www.w3.org/2005/Atom";

    /// <summary>Creates an Atom writer.</summary>
    /// <param name="options">Writer options; null for <see cref="FeedWriterOptions.Default"/>.</param>
    public AtomFeedWriter(FeedWriterOptions? options = null)
        : base(options)
    {
    }

    /// <inheritdoc />
    public override string MediaType => "application/atom+xml";

    /// <inheritdoc />
    public override string FileExtension => "atom";

    private protected override FeedFormat Format => FeedFormat.Atom;

    private protected override void WriteDocument(NormalizedFeed feed, XmlWriter xml)
    {
        var info = feed.Info;
        xml.WriteStartDocument();
        xml.WriteStartElement("feed", Ns);
        xml.WriteAttributeString("xmlns", Ns);
        WriteXmlLang(xml, feed.Language);
        xml.WriteElementString("title", Ns, feed.Title);
        if (feed.Subtitle is not null)
        {
            xml.WriteElementString("subtitle", Ns, feed.Subtitle);
        }

        WriteLink(xml, "alternate", "text/html", info.SiteLink);
        if (info.SelfLink is not null)
        {
            WriteLink(xml, "self", MediaType, info.SelfLink);
        }

        xml.WriteElementString("id", Ns, feed.Id);
        xml.WriteElementString("updated", Ns, Dates.Rfc3339(feed.Updated));
        foreach (var author in info.Authors)
        {
            WriteAuthor(xml, author);
        }

        if (!string.IsNullOrWhiteSpace(info.Rights))
        {
            xml.WriteElementString("rights", Ns, info.Rights);
        }

        if (info.Icon is not null)
        {
            xml.WriteElementString("icon", Ns, info.Icon.AbsoluteUri);
        }

        if (info.Logo is not null)
        {
            xml.WriteElementString("logo", Ns, info.Logo.AbsoluteUri);
        }

        if (!string.IsNullOrWhiteSpace(info.Generator))
        {
            xml.WriteElementString("generator", Ns, info.Generator);
        }

        foreach (var article in feed.Articles)
        {
            WriteEntry(xml, article);
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteEntry(XmlWriter xml, NormalizedArticle article)
    {
        var source = article.Source;
        xml.WriteStartElement("entry", Ns);
        WriteXmlLang(xml, article.Language);
        xml.WriteStartElement("title", Ns);
        WriteXmlLang(xml, article.Language);
        xml.WriteString(article.Headline);
        xml.WriteEndElement();
        if (source.Url is not null)
        {
            WriteLink(xml, "alternate", "text/html", source.Url);
        }

        xml.WriteElementString("id", Ns, article.Id);
        xml.WriteElementString("published", Ns, Dates.Rfc3339(source.Published));
        xml.WriteElementString("updated", Ns, Dates.Rfc3339(article.Updated));
        foreach (var author in source.Authors)
        {
            WriteAuthor(xml, author);
        }

        foreach (var tag in source.Tags)
        {
            xml.WriteStartElement("category", Ns);
            xml.WriteAttributeString("term", tag);
            xml.WriteEndElement();
        }

        WriteHtml(xml, "summary", article.StandfirstHtml, article);
        WriteHtml(xml, "content", article.BodyHtml, article);
        xml.WriteEndElement();
    }

    private static void WriteHtml(XmlWriter xml, string element, string? html, NormalizedArticle article)
    {
        if (html is null)
        {
            return;
        }

        xml.WriteStartElement(element, Ns);
        xml.WriteAttributeString("type", "html");
        WriteXmlLang(xml, article.Language);
        xml.WriteString(html);
        xml.WriteEndElement();
    }

    private static void WriteLink(XmlWriter xml, string rel, string type, Uri href)
    {
        xml.WriteStartElement("link", Ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href.AbsoluteUri);
        xml.WriteEndElement();
    }

    private static void WriteAuthor(XmlWriter xml, Author author)
    {
        xml.WriteStartElement("author", Ns);
        xml.WriteElementString("name", Ns, author.Name);
        if (!string.IsNullOrWhiteSpace(author.Email))
        {
            xml.WriteElementString("email", Ns, author.Email);
        }

        if (author.Uri is not null)
        {
            xml.WriteElementString("uri", Ns, author.Uri.AbsoluteUri);
        }

        xml.WriteEndElement();
    }
}
