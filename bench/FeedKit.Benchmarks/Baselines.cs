using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using FeedKit.Model;

namespace FeedKit.Benchmarks;

/// <summary>
/// What FeedKit's writers are measured against: the same Atom (and JSON Feed) for the same articles, written by
/// hand with no validation, no normalization and no language or direction rules: the cost of the bytes alone.
/// The HTML of each body is rendered the same way FeedKit renders it (a dir/lang wrapper, one element per block),
/// so that the comparison is of like with like.
/// </summary>
internal static class Baselines
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    /// <summary>Hand-written Atom on <see cref="XmlWriter"/> (UTF-8).</summary>
    public static void AtomOnXmlWriter(FeedInfo info, IReadOnlyList<Article> articles, Stream output)
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n", CloseOutput = false });
        var html = new StringBuilder(8192);
        xml.WriteStartElement("feed", AtomNs);
        xml.WriteAttributeString("xml", "lang", null, "ar");
        xml.WriteElementString("title", AtomNs, info.Title);
        xml.WriteElementString("id", AtomNs, info.SiteUrl.AbsoluteUri);
        xml.WriteElementString("updated", AtomNs, info.Updated!.Value.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ssK", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var article in articles)
        {
            xml.WriteStartElement("entry", AtomNs);
            xml.WriteAttributeString("xml", "lang", null, "ar");
            xml.WriteElementString("title", AtomNs, article.Headline);
            xml.WriteStartElement("link", AtomNs);
            xml.WriteAttributeString("href", article.Url!.AbsoluteUri);
            xml.WriteEndElement();
            xml.WriteElementString("id", AtomNs, article.Url.AbsoluteUri);
            xml.WriteElementString("published", AtomNs, article.Published.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ssK", System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteElementString("updated", AtomNs, (article.Updated ?? article.Published).ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ssK", System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteStartElement("author", AtomNs);
            xml.WriteElementString("name", AtomNs, article.Authors[0].Name);
            xml.WriteEndElement();
            foreach (var tag in article.Tags)
            {
                xml.WriteStartElement("category", AtomNs);
                xml.WriteAttributeString("term", tag);
                xml.WriteEndElement();
            }

            html.Clear().Append("<div dir=\"rtl\" lang=\"ar\"><p>");
            AppendHtml(html, article.Standfirst!);
            xml.WriteStartElement("summary", AtomNs);
            xml.WriteAttributeString("type", "html");
            xml.WriteString(html.Append("</p></div>").ToString());
            xml.WriteEndElement();

            xml.WriteStartElement("content", AtomNs);
            xml.WriteAttributeString("type", "html");
            xml.WriteString(RenderBody(html, article));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>The body as FeedKit renders it for an Arabic article: a dir/lang wrapper, one element per block.</summary>
    private static string RenderBody(StringBuilder html, Article article)
    {
        html.Clear().Append("<div dir=\"rtl\" lang=\"ar\">");
        foreach (var block in article.Body)
        {
            var (open, close, text) = block switch
            {
                Subheading s => ("<h2>", "</h2>", s.Text),
                Paragraph p => ("<p>", "</p>", p.Text),
                _ => ("<p>", "</p>", string.Empty),
            };
            AppendHtml(html.Append(open), text).Append(close).Append('\n');
        }

        return html.Append("</div>").ToString();
    }

    private static StringBuilder AppendHtml(StringBuilder html, string text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                _ => html.Append(c),
            };
        }

        return html;
    }

    /// <summary>Hand-written JSON Feed on <see cref="Utf8JsonWriter"/>.</summary>
    public static void JsonFeedOnUtf8JsonWriter(FeedInfo info, IReadOnlyList<Article> articles, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true });
        var html = new StringBuilder(8192);
        json.WriteStartObject();
        json.WriteString("version", "https://jsonfeed.org/version/1.1");
        json.WriteString("title", info.Title);
        json.WriteString("home_page_url", info.SiteUrl.AbsoluteUri);
        json.WriteString("language", "ar");
        json.WriteStartArray("items");
        foreach (var article in articles)
        {
            json.WriteStartObject();
            json.WriteString("id", article.Url!.AbsoluteUri);
            json.WriteString("url", article.Url.AbsoluteUri);
            json.WriteString("title", article.Headline);
            json.WriteString("content_html", RenderBody(html, article));
            json.WriteString("summary", article.Standfirst);
            json.WriteString("date_published", article.Published);
            json.WriteString("date_modified", article.Updated ?? article.Published);
            json.WriteStartArray("authors");
            json.WriteStartObject();
            json.WriteString("name", article.Authors[0].Name);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("tags");
            foreach (var tag in article.Tags)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
            json.WriteString("language", "ar");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// The floor: UTF-16 to UTF-8 transcoding of the text fields alone (no markup, no escaping), into a pooled
    /// buffer that is then written to the stream.
    /// </summary>
    public static void TranscodeOnly(IReadOnlyList<Article> articles, Stream output)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var used = 0;
            foreach (var article in articles)
            {
                Transcode(article.Headline);
                Transcode(article.Standfirst!);
                foreach (var block in article.Body)
                {
                    Transcode(block switch { Paragraph p => p.Text, Subheading s => s.Text, _ => string.Empty });
                }
            }

            output.Write(buffer, 0, used);

            void Transcode(string text)
            {
                if (used + (text.Length * 3) > buffer.Length)
                {
                    output.Write(buffer, 0, used);
                    used = 0;
                }

                used += Encoding.UTF8.GetBytes(text, buffer.AsSpan(used));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
