using FeedKit.DublinCore;
using FeedKit.Validation;
using FeedKit.Xml;

namespace FeedKit.Formats.Rss;

/// <summary>
/// Writes RSS 2.0 documents, with the Dublin Core, content and Atom namespaces declared once on <c>rss</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Language: the channel's <c>language</c> (its primary subtag must be ISO 639) and <c>dc:language</c> on every item.</item>
/// <item><c>description</c> is the standfirst as HTML in the <c>dir</c>/<c>lang</c> wrapper (when there is none and the item has a body: the first paragraph, else the first other text of the body, else the headline, since validators want a description before <c>content:encoded</c>); <c>content:encoded</c> the whole body.</item>
/// <item><c>guid</c> is the article id, <c>isPermaLink="true"</c> only when it is the article's URL.</item>
/// <item><c>pubDate</c> is RFC 822 in GMT. RSS has no field for an item's update date, so it is not written.</item>
/// <item><c>author</c> is written only for a single author with an e-mail address (what RSS allows); otherwise each author is a <c>dc:creator</c> (the Dublin Core extension, with <c>dc:language</c>). An item without authors takes the feed's.</item>
/// <item>The channel's <c>description</c> is the feed's subtitle, or its title when it has none (RSS requires one).</item>
/// <item>Media: one <c>enclosure</c> per item (what readers handle): the first attachment, else the lead image, with
/// <c>length="0"</c> and a lint warning when the size is not known; every file is a Media RSS <c>media:content</c>
/// (<c>xmlns:media</c> declared on <c>rss</c> with the other prefixes).</item>
/// <item>Extensions come after the channel's and each item's own elements: WebSub hubs and RFC 5005 links as <c>atom:link</c> (archive documents with <c>fh:archive</c>), Dublin Core and Media RSS on items, then the feed's and articles' own.</item>
/// </list>
/// </remarks>
public sealed class RssFeedWriter : FeedWriter
{
    /// <summary>Creates an RSS writer.</summary>
    /// <param name="options">Writer options; null for <see cref="FeedWriterOptions.Default"/>.</param>
    /// <exception cref="ArgumentException"><see cref="FeedWriterOptions.Stylesheet"/> is absolute but not http(s).</exception>
    public RssFeedWriter(FeedWriterOptions? options = null)
        : base(options)
    {
        XmlStylesheet.Validate(options?.Stylesheet, nameof(options));
    }

    /// <inheritdoc />
    public override FeedFormat Format => FeedFormat.Rss;

    private protected override FeedDocument CreateDocument(Stream output) => new Document(output, Options);

    private sealed class Document(Stream output, FeedWriterOptions options) : XmlFeedDocument(output, options, FeedFormat.Rss)
    {
        public override void WriteStart(ResolvedHeader feed)
        {
            WriteProlog();
            Xml.WriteStartElement("rss");
            Xml.WriteAttributeString("version", "2.0");
            DeclareNamespaces(feed);
            Xml.WriteStartElement("channel");
            Xml.WriteElementString("title", feed.Title);
            Xml.WriteElementString("link", feed.SiteUrl.AbsoluteUri);
            Xml.WriteElementString("description", feed.Subtitle ?? feed.Title);
            if (feed.Language is not null)
            {
                Xml.WriteElementString("language", feed.Language.Value);
            }

            if (feed.Rights is not null)
            {
                Xml.WriteElementString("copyright", feed.Rights);
            }

            WriteDate("lastBuildDate", feed.Updated, rfc822: true);
            if (feed.Generator is not null)
            {
                Xml.WriteElementString("generator", feed.Generator);
            }

            if (feed.SelfUrl is not null)
            {
                Xml.WriteStartElement("atom:link");
                Xml.WriteAttributeString("rel", "self");
                Xml.WriteAttributeString("type", FeedFormat.Rss.MediaType());
                Xml.WriteAttributeString("href", feed.SelfUrl.AbsoluteUri);
                Xml.WriteEndElement();
            }

            if ((feed.LogoUrl ?? feed.IconUrl) is { } image)
            {
                Xml.WriteStartElement("image");
                Xml.WriteElementString("url", image.AbsoluteUri);
                Xml.WriteElementString("title", feed.Title);
                Xml.WriteElementString("link", feed.SiteUrl.AbsoluteUri);
                Xml.WriteEndElement();
            }

            WriteFeedExtensions(feed);
        }

        public override void WriteArticle(in ResolvedArticle article)
        {
            Xml.WriteStartElement("item");
            Xml.WriteElementString("title", article.Headline);
            if (article.Url is not null)
            {
                Xml.WriteElementString("link", article.Url.AbsoluteUri);
            }

            WriteHtml("description", article.RenderSummary(), language: null, typeHtml: false);
            WriteHtml("content:encoded", article.RenderBody(), language: null, typeHtml: false);

            if (DublinCoreItem.IsRssAuthor(article.Authors))
            {
                // "email (name)", written in parts so that no string is built per item.
                var single = article.Authors[0];
                Xml.WriteStartElement("author");
                Xml.WriteString(single.Email);
                Xml.WriteString(" (");
                Xml.WriteString(single.Name);
                Xml.WriteString(")");
                Xml.WriteEndElement();
            }

            foreach (var tag in article.Tags)
            {
                Xml.WriteElementString("category", tag);
            }

            foreach (var media in article.Media)
            {
                if (media.IsRssEnclosure)
                {
                    // RSS requires length; unknown is written as 0 (the RSS Advisory Board's convention) and the
                    // validation layer warns about it, never a made-up size.
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
            WriteDate("pubDate", article.Published, rfc822: true);
            WriteArticleExtensions(article, DublinCoreItem.Instance);
            Xml.WriteEndElement();
        }

        protected override void WriteEndCore()
        {
            Xml.WriteEndElement();
            Xml.WriteEndElement();
        }
    }
}
