using System.Text;
using System.Xml;
using FeedKit.Text;

namespace FeedKit.Formats;

/// <summary>The XML formats' shared plumbing: one <see cref="XmlWriter"/> with FeedKit's fixed settings.</summary>
internal abstract class XmlFeedDocument : FeedDocument
{
    protected const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    private readonly Stream _output;
    private readonly Uri? _stylesheet;

    protected XmlFeedDocument(Stream output, FeedWriterOptions options)
    {
        _output = output;
        _stylesheet = options.Stylesheet;
        Xml = XmlWriter.Create(output, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = options.Indent,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            CheckCharacters = true,
            CloseOutput = false,
        });
    }

    protected XmlWriter Xml { get; }

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

    protected void WriteXmlLang(LanguageTag? language)
    {
        if (language is not null)
        {
            Xml.WriteAttributeString("xml", "lang", XmlNamespace, language.Value);
        }
    }
}
