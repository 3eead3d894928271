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

    /// <inheritdoc />
    public override FeedFormat Format => FeedFormat.Atom;

    private protected override FeedDocument CreateDocument(Stream output) => new Document(output, Options);

    private sealed class Document(Stream output, FeedWriterOptions options) : XmlFeedDocument(output, options)
    {
        public override void WriteStart(NormalizedHeader feed)
        {
            var info = feed.Info;
            Xml.WriteStartDocument();
            Xml.WriteStartElement("feed", Ns);
            Xml.WriteAttributeString("xmlns", Ns);
            WriteXmlLang(feed.Language);
            Xml.WriteElementString("title", Ns, feed.Title);
            if (feed.Subtitle is not null)
            {
                Xml.WriteElementString("subtitle", Ns, feed.Subtitle);
            }

            WriteLink("alternate", "text/html", info.SiteLink);
            if (info.SelfLink is not null)
            {
                WriteLink("self", "application/atom+xml", info.SelfLink);
            }

            Xml.WriteElementString("id", Ns, feed.Id);
            Xml.WriteElementString("updated", Ns, Dates.Rfc3339(feed.Updated));
            foreach (var author in info.Authors)
            {
                WriteAuthor(author);
            }

            if (!string.IsNullOrWhiteSpace(info.Rights))
            {
                Xml.WriteElementString("rights", Ns, info.Rights);
            }

            if (info.Icon is not null)
            {
                Xml.WriteElementString("icon", Ns, info.Icon.AbsoluteUri);
            }

            if (info.Logo is not null)
            {
                Xml.WriteElementString("logo", Ns, info.Logo.AbsoluteUri);
            }

            if (!string.IsNullOrWhiteSpace(info.Generator))
            {
                Xml.WriteElementString("generator", Ns, info.Generator);
            }
        }

        public override void WriteArticle(NormalizedHeader feed, NormalizedArticle article)
        {
            var source = article.Source;
            Xml.WriteStartElement("entry", Ns);
            WriteXmlLang(article.Language);
            Xml.WriteStartElement("title", Ns);
            WriteXmlLang(article.Language);
            Xml.WriteString(article.Headline);
            Xml.WriteEndElement();
            if (source.Url is not null)
            {
                WriteLink("alternate", "text/html", source.Url);
            }

            Xml.WriteElementString("id", Ns, article.Id);
            Xml.WriteElementString("published", Ns, Dates.Rfc3339(source.Published));
            Xml.WriteElementString("updated", Ns, Dates.Rfc3339(article.Updated));
            foreach (var author in source.Authors)
            {
                WriteAuthor(author);
            }

            foreach (var tag in source.Tags)
            {
                Xml.WriteStartElement("category", Ns);
                Xml.WriteAttributeString("term", tag);
                Xml.WriteEndElement();
            }

            WriteHtml("summary", article.StandfirstHtml, article);
            WriteHtml("content", article.BodyHtml, article);
            Xml.WriteEndElement();
        }

        protected override void WriteEndCore() => Xml.WriteEndElement();

        private void WriteHtml(string element, string? html, NormalizedArticle article)
        {
            if (html is null)
            {
                return;
            }

            Xml.WriteStartElement(element, Ns);
            Xml.WriteAttributeString("type", "html");
            WriteXmlLang(article.Language);
            Xml.WriteString(html);
            Xml.WriteEndElement();
        }

        private void WriteLink(string rel, string type, Uri href)
        {
            Xml.WriteStartElement("link", Ns);
            Xml.WriteAttributeString("rel", rel);
            Xml.WriteAttributeString("type", type);
            Xml.WriteAttributeString("href", href.AbsoluteUri);
            Xml.WriteEndElement();
        }

        private void WriteAuthor(Author author)
        {
            Xml.WriteStartElement("author", Ns);
            Xml.WriteElementString("name", Ns, author.Name);
            if (!string.IsNullOrWhiteSpace(author.Email))
            {
                Xml.WriteElementString("email", Ns, author.Email);
            }

            if (author.Uri is not null)
            {
                Xml.WriteElementString("uri", Ns, author.Uri.AbsoluteUri);
            }

            Xml.WriteEndElement();
        }
    }
}
