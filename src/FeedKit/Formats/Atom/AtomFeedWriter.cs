using FeedKit.Model;
using FeedKit.Validation;
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
/// Authors: every entry carries its authors, its own or else the feed's (RFC 4287 lets an entry inherit the feed's,
/// but readers such as Tiny Tiny RSS do not follow it).
/// </para>
/// <para>
/// Media: the lead image and each attachment are <c>link rel="enclosure"</c> (type and length when known) and Media
/// RSS <c>media:content</c>, with <c>xmlns:media</c> declared on <c>feed</c>. Extensions (WebSub hubs as
/// <c>link rel="hub"</c>, RFC 5005 links with <c>fh:archive</c>, Media RSS, and the feed's and articles' own) come after
/// the feed's and each entry's own elements.
/// </para>
/// </remarks>
public sealed class AtomFeedWriter : FeedWriter
{
    /// <summary>Creates an Atom writer.</summary>
    /// <param name="options">Writer options; null for <see cref="FeedWriterOptions.Default"/>.</param>
    /// <exception cref="ArgumentException"><see cref="FeedWriterOptions.Stylesheet"/> is absolute but not http(s).</exception>
    public AtomFeedWriter(FeedWriterOptions? options = null)
        : base(options)
    {
        XmlStylesheet.Validate(options?.Stylesheet, nameof(options));
    }

    /// <inheritdoc />
    public override FeedFormat Format => FeedFormat.Atom;

    private protected override FeedDocument CreateDocument(Stream output) => new Document(output, Options);

    private sealed class Document(Stream output, FeedWriterOptions options) : XmlFeedDocument(output, options, FeedFormat.Atom)
    {
        public override void WriteStart(ResolvedHeader feed)
        {
            WriteProlog();
            Xml.WriteStartElement("feed");
            Xml.WriteAttributeString("xmlns", Namespaces.Atom.Uri);
            DeclareNamespaces(feed);
            WriteXmlLang(feed.Language);
            Xml.WriteElementString("title", feed.Title);
            if (feed.Subtitle is not null)
            {
                Xml.WriteElementString("subtitle", feed.Subtitle);
            }

            WriteLink("alternate", "text/html", feed.SiteUrl);
            if (feed.SelfUrl is not null)
            {
                WriteLink("self", FeedFormat.Atom.MediaType(), feed.SelfUrl);
            }

            Xml.WriteElementString("id", feed.Id);
            WriteDate("updated", feed.Updated);
            foreach (var author in feed.Authors)
            {
                WriteAuthor(author);
            }

            if (feed.Rights is not null)
            {
                Xml.WriteElementString("rights", feed.Rights);
            }

            if (feed.IconUrl is not null)
            {
                Xml.WriteElementString("icon", feed.IconUrl.AbsoluteUri);
            }

            if (feed.LogoUrl is not null)
            {
                Xml.WriteElementString("logo", feed.LogoUrl.AbsoluteUri);
            }

            if (feed.Generator is not null)
            {
                Xml.WriteElementString("generator", feed.Generator);
            }

            WriteFeedExtensions(feed);
        }

        public override void WriteArticle(in ResolvedArticle article)
        {
            Xml.WriteStartElement("entry");
            WriteXmlLang(article.Language);
            Xml.WriteStartElement("title");
            WriteXmlLang(article.Language);
            Xml.WriteString(article.Headline);
            Xml.WriteEndElement();
            if (article.Url is not null)
            {
                WriteLink("alternate", "text/html", article.Url);
            }

            foreach (var media in article.Media)
            {
                WriteEnclosure(media);
            }

            Xml.WriteElementString("id", article.Id);
            WriteDate("published", article.Published);
            WriteDate("updated", article.Updated);
            foreach (var author in article.Authors)
            {
                WriteAuthor(author);
            }

            foreach (var tag in article.Tags)
            {
                Xml.WriteStartElement("category");
                Xml.WriteAttributeString("term", tag);
                Xml.WriteEndElement();
            }

            WriteHtml("summary", article.RenderSummary(), article.Language, typeHtml: true);
            WriteHtml("content", article.RenderBody(), article.Language, typeHtml: true);
            WriteArticleExtensions(article);
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

        /// <summary>RFC 4287 §4.2.7.2: <c>rel="enclosure"</c>, with <c>length</c> only when known (never invented).</summary>
        private void WriteEnclosure(Media.ResolvedMedia media)
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

            if (author.Url is not null)
            {
                Xml.WriteElementString("uri", author.Url.AbsoluteUri);
            }

            Xml.WriteEndElement();
        }
    }
}
