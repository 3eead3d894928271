using FeedKit.Html;
using FeedKit.Model;
using FeedKit.Xml;

namespace FeedKit.Formats.Rss;

/// <summary>
/// Writes RSS 2.0 documents, with the Dublin Core, content and Atom namespaces declared once on <c>rss</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Language: the channel's <c>language</c> (its primary subtag must be ISO 639) and <c>dc:language</c> on every item.</item>
/// <item><c>description</c> is the standfirst as HTML in the <c>dir</c>/<c>lang</c> wrapper (the first paragraph when there is no standfirst, since validators want a description before <c>content:encoded</c>); <c>content:encoded</c> the whole body.</item>
/// <item><c>guid</c> is the article id, <c>isPermaLink="true"</c> only when it is the article's URL.</item>
/// <item><c>pubDate</c> is RFC 822 in GMT. RSS has no field for an item's update date, so it is not written.</item>
/// <item><c>author</c> is written only for a single author with an e-mail address (what RSS allows); otherwise each author is a <c>dc:creator</c>. An item without authors takes the feed's.</item>
/// <item>The channel's <c>description</c> is the feed's subtitle, or its title when it has none (RSS requires one).</item>
/// <item>Media: one <c>enclosure</c> per item (what readers handle): the first attachment, else the lead image, with
/// <c>length="0"</c> and a lint warning when the size is not known; every file is a Media RSS <c>media:content</c>
/// (<c>xmlns:media</c> declared on <c>rss</c> with the other prefixes).</item>
/// <item>WebSub hubs and RFC 5005 links are <c>atom:link</c> elements; archive documents have <c>fh:archive</c>.</item>
/// </list>
/// </remarks>
public sealed class RssFeedWriter : FeedWriter
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";

    /// <summary>Creates an RSS writer.</summary>
    /// <param name="options">Writer options; null for <see cref="FeedWriterOptions.Default"/>.</param>
    /// <exception cref="ArgumentException"><see cref="FeedWriterOptions.Stylesheet"/> is absolute but not http(s).</exception>
    public RssFeedWriter(FeedWriterOptions? options = null)
        : base(options)
    {
        XmlStylesheet.Validate(options);
    }

    /// <inheritdoc />
    public override string MediaType => "application/rss+xml";

    /// <inheritdoc />
    public override string FileExtension => "rss";

    /// <inheritdoc />
    public override FeedFormat Format => FeedFormat.Rss;

    private protected override FeedDocument CreateDocument(Stream output) => new Document(output, Options);

    private sealed class Document(Stream output, FeedWriterOptions options) : XmlFeedDocument(output, options)
    {
        public override void WriteStart(NormalizedHeader feed)
        {
            var info = feed.Info;
            WriteProlog();
            Xml.WriteStartElement("rss");
            Xml.WriteAttributeString("version", "2.0");
            Xml.WriteAttributeString("xmlns:atom", AtomNs);
            Xml.WriteAttributeString("xmlns:content", ContentNs);
            Xml.WriteAttributeString("xmlns:dc", DcNs);
            MediaRss.DeclareNamespace(Xml);
            DeclareHistoryNamespace(info);
            Xml.WriteStartElement("channel");
            Xml.WriteElementString("title", feed.Title);
            Xml.WriteElementString("link", info.SiteLink.AbsoluteUri);
            Xml.WriteElementString("description", feed.Subtitle ?? feed.Title);
            if (feed.Language is not null)
            {
                Xml.WriteElementString("language", feed.Language.Value);
            }

            if (!string.IsNullOrWhiteSpace(info.Rights))
            {
                Xml.WriteElementString("copyright", info.Rights);
            }

            WriteDate("lastBuildDate", feed.Updated, rfc822: true);
            if (!string.IsNullOrWhiteSpace(info.Generator))
            {
                Xml.WriteElementString("generator", info.Generator);
            }

            if (info.SelfLink is not null)
            {
                Xml.WriteStartElement("atom:link");
                Xml.WriteAttributeString("rel", "self");
                Xml.WriteAttributeString("type", "application/rss+xml");
                Xml.WriteAttributeString("href", info.SelfLink.AbsoluteUri);
                Xml.WriteEndElement();
            }

            foreach (var hub in info.Hubs)
            {
                WriteAtomLink("hub", null, hub);
            }

            if (info.History is { } history)
            {
                foreach (var (rel, href) in history.Links())
                {
                    WriteAtomLink(rel, "application/rss+xml", href);
                }

                WriteArchiveMarker(info);
            }

            if ((info.Logo ?? info.Icon) is { } image)
            {
                Xml.WriteStartElement("image");
                Xml.WriteElementString("url", image.AbsoluteUri);
                Xml.WriteElementString("title", feed.Title);
                Xml.WriteElementString("link", info.SiteLink.AbsoluteUri);
                Xml.WriteEndElement();
            }
        }

        public override void WriteArticle(NormalizedHeader feed, in NormalizedArticle article)
        {
            var source = article.Source;
            var authors = source.Authors.IsEmpty ? feed.Info.Authors : source.Authors;
            Xml.WriteStartElement("item");
            Xml.WriteElementString("title", article.Headline);
            if (source.Url is not null)
            {
                Xml.WriteElementString("link", source.Url.AbsoluteUri);
            }

            WriteHtml("description", ArticleHtml.RenderSummary(article), language: null, typeHtml: false);
            WriteHtml("content:encoded", ArticleHtml.RenderBody(article), language: null, typeHtml: false);

            if (authors is [{ Email: { } email } single] && !string.IsNullOrWhiteSpace(email))
            {
                // "email (name)", written in parts so that no string is built per item.
                Xml.WriteStartElement("author");
                Xml.WriteString(email);
                Xml.WriteString(" (");
                Xml.WriteString(single.Name);
                Xml.WriteString(")");
                Xml.WriteEndElement();
            }
            else
            {
                foreach (var author in authors)
                {
                    Xml.WriteElementString("dc:creator", author.Name);
                }
            }

            foreach (var tag in source.Tags)
            {
                Xml.WriteElementString("category", tag);
            }

            foreach (var media in article.Media)
            {
                if (media.IsRssEnclosure)
                {
                    // RSS requires length; unknown is written as 0 (the RSS Advisory Board's convention) and the
                    // normalizer warns about it, never a made-up size.
                    Xml.WriteStartElement("enclosure");
                    Xml.WriteAttributeString("url", media.Url.AbsoluteUri);
                    Xml.WriteNumberAttribute("length", media.Length ?? 0);
                    Xml.WriteAttributeString("type", media.MediaType);
                    Xml.WriteEndElement();
                }
            }

            Xml.WriteStartElement("guid");
            Xml.WriteAttributeString("isPermaLink", article.IdIsUrl ? "true" : "false");
            Xml.WriteString(article.Id);
            Xml.WriteEndElement();
            WriteDate("pubDate", source.Published, rfc822: true);
            if (article.Language is not null)
            {
                Xml.WriteElementString("dc:language", article.Language.Value);
            }

            MediaRss.WriteMedia(Xml, article);
            Xml.WriteEndElement();
        }

        private void WriteAtomLink(string rel, string? type, Uri href)
        {
            Xml.WriteStartElement("atom:link");
            Xml.WriteAttributeString("rel", rel);
            if (type is not null)
            {
                Xml.WriteAttributeString("type", type);
            }

            Xml.WriteAttributeString("href", href.AbsoluteUri);
            Xml.WriteEndElement();
        }

        protected override void WriteEndCore()
        {
            Xml.WriteEndElement();
            Xml.WriteEndElement();
        }
    }
}
