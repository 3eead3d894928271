using FeedKit.Extensions;
using FeedKit.Html;
using FeedKit.Text;
using FeedKit.Validation;
using FeedKit.Xml;

namespace FeedKit.Formats;

/// <summary>
/// The XML formats' shared plumbing: one <see cref="Utf8XmlWriter"/> with FeedKit's fixed settings, the prolog, the
/// root's namespace declarations, and the extensions' writer.
/// </summary>
internal abstract class XmlFeedDocument : FeedDocument
{
    private readonly Stream _output;
    private readonly FeedWriterOptions _options;
    private readonly FeedFormat _format;
    private XmlExtensionWriter? _extensions;

    protected XmlFeedDocument(Stream output, FeedWriterOptions options, FeedFormat format)
    {
        _output = output;
        _options = options;
        _format = format;
        Xml = new Utf8XmlWriter(output, options.Indent);
    }

    protected Utf8XmlWriter Xml { get; }

    /// <summary>The XML declaration and, when asked for, the <c>xml-stylesheet</c> instruction.</summary>
    protected void WriteProlog()
    {
        Xml.WriteStartDocument();
        XmlStylesheet.Write(Xml, _options.Stylesheet);
    }

    /// <summary>
    /// Declares on the root element just started the format's prefixed namespaces and the extensions' (each once, for
    /// the whole document), and sets up the extensions' writer.
    /// </summary>
    protected void DeclareNamespaces(ResolvedHeader header)
    {
        foreach (var ns in Namespaces.Fixed(_format).AddRange(header.Namespaces))
        {
            Xml.WriteAttributeString("xmlns:" + ns.Prefix, ns.Uri);
        }

        _extensions = new XmlExtensionWriter(Xml, Namespaces.PrefixOf(_format, header.Namespaces));
    }

    /// <summary>The feed's extensions (FeedKit's own first), after its own elements.</summary>
    protected void WriteFeedExtensions(ResolvedHeader header)
    {
        var writer = _extensions!;
        writer.Set(_format, ExtensionTarget.Feed, header.Language, header.Direction, header.Authors, _options.FirstStrongGuard);
        foreach (var extension in header.Extensions)
        {
            writer.Write(extension);
        }
    }

    /// <summary>An article's extensions, at the end of its entry or item: <paramref name="builtIn"/> (if any), Media RSS, then its own.</summary>
    protected void WriteArticleExtensions(in ResolvedArticle article, FeedExtension? builtIn = null)
    {
        var writer = _extensions!;
        writer.Set(_format, ExtensionTarget.Article, article.Language, article.Direction, article.Authors, _options.FirstStrongGuard);
        writer.SetEnclosure(article.Enclosure);
        writer.SetSummaryText(article.SummaryText);
        if (builtIn is not null)
        {
            writer.Write(builtIn);
        }

        if (article.MediaRss is { } media)
        {
            writer.Write(media);
        }

        foreach (var extension in article.Extensions)
        {
            writer.Write(extension);
        }
    }

    public sealed override void WriteEnd()
    {
        WriteEndCore();
        Xml.WriteEndDocument();
        Xml.Flush();
        _output.WriteByte((byte)'\n');
    }

    public sealed override void Flush() => Xml.Flush();

    public sealed override void Dispose() => Xml.Dispose();

    protected abstract void WriteEndCore();

    protected void WriteXmlLang(LanguageTag? language)
    {
        if (language is not null)
        {
            Xml.WriteAttributeString("xml:lang", language.Value);
        }
    }

    /// <summary>An element holding a date, formatted without allocating: RFC 3339 (Atom) or RFC 822 (RSS).</summary>
    protected void WriteDate(string element, DateTimeOffset value, bool rfc822 = false)
    {
        Span<char> date = stackalloc char[Dates.MaxLength];
        Xml.WriteElementString(element, date[..(rfc822 ? Dates.FormatRfc822(value, date) : Dates.FormatRfc3339(value, date))]);
    }

    /// <summary>An element holding HTML (escaped as text); <c>type="html"</c> and <c>xml:lang</c> when given (Atom).</summary>
    protected void WriteHtml(string element, HtmlBuilder? html, LanguageTag? language, bool typeHtml)
    {
        if (html is null)
        {
            return;
        }

        Xml.WriteStartElement(element);
        if (typeHtml)
        {
            Xml.WriteAttributeString("type", "html");
        }

        WriteXmlLang(language);
        Xml.WriteString(html.Span);
        Xml.WriteEndElement();
    }
}
