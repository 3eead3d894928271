using FeedKit.Html;
using FeedKit.Model;
using FeedKit.Text;
using FeedKit.Xml;

namespace FeedKit.Formats;

/// <summary>The XML formats' shared plumbing: one <see cref="Utf8XmlWriter"/> with FeedKit's fixed settings.</summary>
internal abstract class XmlFeedDocument : FeedDocument
{
    private const string HistoryNamespace = "http://purl.org/syndication/history/1.0";

    private readonly Stream _output;
    private readonly Uri? _stylesheet;

    protected XmlFeedDocument(Stream output, FeedWriterOptions options)
    {
        _output = output;
        _stylesheet = options.Stylesheet;
        Xml = new Utf8XmlWriter(output, options.Indent);
    }

    protected Utf8XmlWriter Xml { get; }

    /// <summary>The XML declaration and, when asked for, the <c>xml-stylesheet</c> instruction.</summary>
    protected void WriteProlog()
    {
        Xml.WriteStartDocument();
        XmlStylesheet.Write(Xml, _stylesheet);
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

    /// <summary>RFC 5005 §4: <c>xmlns:fh</c> on the root element of an archive document.</summary>
    protected void DeclareHistoryNamespace(FeedInfo info)
    {
        if (info.History is { IsArchive: true })
        {
            Xml.WriteAttributeString("xmlns:fh", HistoryNamespace);
        }
    }

    /// <summary>RFC 5005 §4: the empty <c>fh:archive</c> element that marks an archive document.</summary>
    protected void WriteArchiveMarker(FeedInfo info)
    {
        if (info.History is { IsArchive: true })
        {
            Xml.WriteElementString("fh:archive", string.Empty);
        }
    }

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
