using System.Text;
using System.Xml;
using FeedKit.Lint;
using FeedKit.Model;

namespace FeedKit.Formats;

/// <summary>
/// Writes a <see cref="Feed"/> in one format. Each format's writer lives in its own folder
/// (<c>Formats/Atom</c>, <c>Formats/Rss</c>); they share the validation and the language and direction rules.
/// </summary>
/// <remarks>
/// A writer validates the whole feed before it writes a byte: a feed with errors throws one
/// <see cref="FeedValidationException"/> listing all of them, and nothing is written. The same feed and options
/// always give the same bytes (UTF-8, no byte order mark, <c>\n</c> line ends), whatever the current culture.
/// </remarks>
public abstract class FeedWriter
{
    private protected FeedWriter(FeedWriterOptions? options)
    {
        Options = options ?? FeedWriterOptions.Default;
    }

    /// <summary>The options this writer was created with.</summary>
    public FeedWriterOptions Options { get; }

    /// <summary>The media type of the documents this writer produces, such as <c>application/atom+xml</c>.</summary>
    public abstract string MediaType { get; }

    /// <summary>The usual file extension, without the dot: <c>atom</c>, <c>rss</c>.</summary>
    public abstract string FileExtension { get; }

    private protected abstract FeedFormat Format { get; }

    /// <summary>Writes the feed to a stream as UTF-8. The stream is left open.</summary>
    /// <param name="feed">The feed to write.</param>
    /// <param name="output">Where to write it.</param>
    /// <exception cref="FeedValidationException">The feed has errors; nothing was written.</exception>
    public void Write(Feed feed, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var normalized = FeedNormalizer.Normalize(feed, Options, Format);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = Options.Indent,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            CheckCharacters = true,
            CloseOutput = false,
        };
        using (var xml = XmlWriter.Create(output, settings))
        {
            WriteDocument(normalized, xml);
        }

        output.WriteByte((byte)'\n');
    }

    /// <summary>Writes the feed to a string (the same characters <see cref="Write"/> encodes as UTF-8).</summary>
    /// <param name="feed">The feed to write.</param>
    /// <returns>The feed document.</returns>
    /// <exception cref="FeedValidationException">The feed has errors.</exception>
    public string WriteToString(Feed feed)
    {
        using var buffer = new MemoryStream();
        Write(feed, buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private protected abstract void WriteDocument(NormalizedFeed feed, XmlWriter xml);

    private protected const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    private protected static void WriteXmlLang(XmlWriter xml, Text.LanguageTag? language)
    {
        if (language is not null)
        {
            xml.WriteAttributeString("xml", "lang", XmlNamespace, language.Value);
        }
    }
}
