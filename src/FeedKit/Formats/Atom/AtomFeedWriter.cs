using FeedKit.Html;
using FeedKit.Model;
using FeedKit.Xml;

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
/// <para>
/// Media: the lead image and each attachment are <c>link rel="enclosure"</c> (type and length when known) and Media
/// RSS <c>media:content</c>, with <c>xmlns:media</c> declared on <c>feed</c>. WebSub hubs are
/// <c>link rel="hub"</c>; RFC 5005 links are <c>link</c> elements, with <c>fh:archive</c> on archive documents.
/// </para>
/// </remarks>
public sealed class AtomFeedWriter : FeedWriter
{
    private const string Ns = "http://www.w3.org/2005/Atom";

    /// <summary>Creates an Atom writer.</summary>
    /// <param name="options">Writer options; null for <see cref="FeedWriterOptions.Default"/>.</param>
    /// <exception cref="ArgumentException"><see cref="FeedWriterOptions.Stylesheet"/> is absolute but not http(s).</exception>
    public AtomFeedWriter(FeedWriterOptions? options = null)
        : base(options)
    {
        XmlStylesheet.Validate(options);
    }

    /// <inheritdoc />
    public override string MediaType => "application/atom+xml";

    /// <inheritdoc />
    public override string FileExtension => "atom";

    /// <inheritdoc />
    public override FeedFormat Format => FeedFormat.Atom;

    private protected override FeedDocument CreateDocument(Stream output) => new Document(output, Options);

    private sealed class Document(Stream output, FeedWriterOptions options) : XmlFeedDocument(output, options)
    {
        public override void WriteStart(NormalizedHeader feed)
        {
            var info = feed.Info;
            WriteProlog();
            Xml.WriteStartElement("feed");
            Xml.WriteAttributeString("xmlns", Ns);
            MediaRss.DeclareNamespace(Xml);
            DeclareHistoryNamespace(info);

            WriteXmlLang(feed.Language);
            Xml.WriteElementString("title", feed.Title);
            if (feed.Subtitle is not null)
            {
                Xml.WriteElementString("subtitle", feed.Subtitle);
            }

            WriteLink("alternate", "text/html", info.SiteLink);
            if (info.SelfLink is not null)
            {
                WriteLink("self", "application/atom+xml", info.SelfLink);
            }

            foreach (var hub in info.Hubs)
            {
                WriteLink("hub", null, hub);
            }

            if (info.History is { } history)
            {
                WriteHistoryLinks(history);
            }

            Xml.WriteElementString("id", feed.Id);
            WriteDate("updated", feed.Updated);
            foreach (var author in info.Authors)
            {
                WriteAuthor(author);
            }

            if (!string.IsNullOrWhiteSpace(info.Rights))
            {
                Xml.WriteElementString("rights", info.Rights);
            }

            if (info.Icon is not null)
            {
                Xml.WriteElementString("icon", info.Icon.AbsoluteUri);
            }

            if (info.Logo is not null)
            {
                Xml.WriteElementString("logo", info.Logo.AbsoluteUri);
            }

            if (!string.IsNullOrWhiteSpace(info.Generator))
            {
                Xml.WriteElementString("generator", info.Generator);
            }

            WriteArchiveMarker(info);
        }

        public override void WriteArticle(NormalizedHeader feed, in NormalizedArticle article)
        {
            var source = article.Source;
            Xml.WriteStartElement("entry");
            WriteXmlLang(article.Language);
            Xml.WriteStartElement("title");
            WriteXmlLang(article.Language);
            Xml.WriteString(article.Headline);
            Xml.WriteEndElement();
            if (source.Url is not null)
            {
                WriteLink("alternate", "text/html", source.Url);
            }

            foreach (var media in article.Media)
            {
                WriteEnclosure(media);
            }

            Xml.WriteElementString("id", article.Id);
            WriteDate("published", source.Published);
            WriteDate("updated", article.Updated);
            foreach (var author in source.Authors)
            {
                WriteAuthor(author);
            }

            foreach (var tag in source.Tags)
            {
                Xml.WriteStartElement("category");
                Xml.WriteAttributeString("term", tag);
                Xml.WriteEndElement();
            }

            WriteHtml("summary", ArticleHtml.RenderSummary(article), article.Language, typeHtml: true);
            WriteHtml("content", ArticleHtml.RenderBody(article), article.Language, typeHtml: true);
            MediaRss.WriteMedia(Xml, article);
            Xml.WriteEndElement();
        }

        protected override void WriteEndCore() => Xml.WriteEndElement();

        private void WriteLink(string rel, string? type, Uri href)
        {
            Xml.WriteStartElement("link");
            Xml.WriteAttributeString("rel", rel);
            if (type is not null)
            {
                Xml.WriteAttributeString("type", type);
            }

            Xml.WriteAttributeString("href", href.AbsoluteUri);
            Xml.WriteEndElement();
        }

        /// <summary>RFC 5005: archived feeds (§4) and paged feeds (§3); same-format documents, so the type is Atom's.</summary>
        private void WriteHistoryLinks(FeedHistory history)
        {
            foreach (var (rel, href) in history.Links())
            {
                WriteLink(rel, "application/atom+xml", href);
            }
        }

        /// <summary>RFC 4287 §4.2.7.2: <c>rel="enclosure"</c>, with <c>length</c> only when known (never invented).</summary>
        private void WriteEnclosure(NormalizedMedia media)
        {
            Xml.WriteStartElement("link");
            Xml.WriteAttributeString("rel", "enclosure");
            if (media.MediaType is not null)
            {
                Xml.WriteAttributeString("type", media.MediaType);
            }

            Xml.WriteAttributeString("href", media.Url.AbsoluteUri);
            if (media.Length is { } length)
            {
                Xml.WriteNumberAttribute("length", length);
            }

            if (media.Title is not null)
            {
                Xml.WriteAttributeString("title", media.Title);
            }

            Xml.WriteEndElement();
        }

        private void WriteAuthor(Author author)
        {
            Xml.WriteStartElement("author");
            Xml.WriteElementString("name", author.Name);
            if (!string.IsNullOrWhiteSpace(author.Email))
            {
                Xml.WriteElementString("email", author.Email);
            }

            if (author.Uri is not null)
            {
                Xml.WriteElementString("uri", author.Uri.AbsoluteUri);
            }

            Xml.WriteEndElement();
        }
    }
}
