using System.Text;
using System.Xml;
using FeedKit.Xml;

namespace FeedKit.Fuzz;

/// <summary>
/// Utf8XmlWriter against System.Xml.XmlWriter: the input's bytes are decoded into a sequence of writer calls (names
/// from the feeds' vocabulary; texts from the input, any UTF-16 code unit at all, or from pieces that matter), played
/// on both. Both must write the same bytes, or both refuse (ArgumentException, InvalidOperationException or
/// XmlException; not necessarily at the same call, since XmlWriter buffers).
/// </summary>
public static class XmlWriterDifferential
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string XmlNs = "http://www.w3.org/XML/1998/namespace";

    private static readonly Dictionary<string, string> Namespaces = new(StringComparer.Ordinal)
    {
        ["media"] = "http://search.yahoo.com/mrss/",
        ["dc"] = "http://purl.org/dc/elements/1.1/",
    };

    private static readonly string[] ElementNames = ["entry", "title", "link", "content", "x", "media:content", "dc:creator"];

    private static readonly string[] AttributeNames = ["href", "rel", "type", "a", "xml:lang", "xml:base", "media:url", "dc:title"];

    private static readonly string[] InstructionNames = ["xml-stylesheet", "pi", "x.y"];

    private static readonly string[] Pieces =
    [
        "abc", " ", "مرحبا", "שלום", "&", "<", ">", "\"", "'", "\n", "\r", "\r\n", "\t", "]]>", "?>", "?", "--",
        "\u00A0", "\u200F", "\u0085", "\u2028", "\u007F", "\uFEFF", "😀", "\U0010FFFF", "\uFFFE", "\uD83D", "\uDE00", "\u0000",
        new string('ب', 5000), new string('x', 9000),
    ];

    private enum Call
    {
        Text,
        StartElement,
        EndElement,
        Attribute,
        ElementString,
        Instruction,
        Flush,
        EndDocument,
    }

    /// <summary>Runs one input.</summary>
    /// <param name="input">The bytes the calls are decoded from.</param>
    public static void Run(byte[] input)
    {
        if (input.Length == 0)
        {
            return;
        }

        var indent = (input[0] & 1) != 0;
        var startDocument = (input[0] & 2) == 0;
        var calls = Decode(input.AsSpan(1));
        var (expected, expectedError) = WithXmlWriter(indent, startDocument, calls);
        var (actual, actualError) = WithUtf8XmlWriter(indent, startDocument, calls);
        Targets.Outcome = expectedError is null ? $"wrote {actual.Length} bytes" : $"refused: {expectedError.GetType().Name}, {actualError?.GetType().Name}";
        if (expectedError is not null && actualError is not null)
        {
            return;
        }

        if (expectedError is not null || actualError is not null)
        {
            throw new PropertyViolationException(
                $"only one writer refused (indent {indent}): XmlWriter {expectedError?.GetType().Name ?? "wrote"} {expectedError?.Message}; "
                + $"Utf8XmlWriter {actualError?.GetType().Name ?? "wrote"} {actualError?.Message}\n"
                + $"XmlWriter:     {Show(expected)}\nUtf8XmlWriter: {Show(actual)}", (actualError ?? expectedError)!);
        }

        if (!expected.AsSpan().SequenceEqual(actual))
        {
            var at = expected.AsSpan().CommonPrefixLength(actual);
            throw new PropertyViolationException($"outputs differ from byte {at} on (indent {indent}):\nXmlWriter:     {Show(expected)}\nUtf8XmlWriter: {Show(actual)}");
        }
    }

    /// <summary>Calls decoded from bytes: one byte picks the call, then its name and text.</summary>
    private static List<(Call Call, string Name, string? Text)> Decode(ReadOnlySpan<byte> bytes)
    {
        var calls = new List<(Call, string, string?)>();
        var at = 0;
        while (at < bytes.Length && calls.Count < 200)
        {
            var op = bytes[at++];
            var call = (Call)(op % 8);
            var name = call switch
            {
                Call.StartElement or Call.ElementString => ElementNames[Next(bytes, ref at) % ElementNames.Length],
                Call.Attribute => AttributeNames[Next(bytes, ref at) % AttributeNames.Length],
                Call.Instruction => InstructionNames[Next(bytes, ref at) % InstructionNames.Length],
                _ => "",
            };
            var text = call is Call.Text or Call.Attribute or Call.ElementString or Call.Instruction ? Text(bytes, ref at, op >= 0x80) : null;
            calls.Add((call, name, text));
        }

        return calls;
    }

    private static byte Next(ReadOnlySpan<byte> bytes, ref int at) => at < bytes.Length ? bytes[at++] : (byte)0;

    /// <summary>A length byte, then that many UTF-16 code units (two bytes each) or, when <paramref name="pieces"/>,
    /// that many pieces picked by one byte each.</summary>
    private static string Text(ReadOnlySpan<byte> bytes, ref int at, bool pieces)
    {
        var length = Next(bytes, ref at) % 32;
        var text = new StringBuilder();
        for (var i = 0; i < length && at < bytes.Length; i++)
        {
            if (pieces)
            {
                text.Append(Pieces[bytes[at++] % Pieces.Length]);
            }
            else
            {
                var low = Next(bytes, ref at);
                text.Append((char)(low | (Next(bytes, ref at) << 8)));
            }
        }

        return text.ToString();
    }

    private static (byte[] Output, Exception? Error) WithXmlWriter(bool indent, bool startDocument, List<(Call Call, string Name, string? Text)> calls)
    {
        var output = new MemoryStream();
        try
        {
            using var writer = XmlWriter.Create(output, new XmlWriterSettings
            {
                Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
                Indent = indent,
                IndentChars = "  ",
                NewLineChars = "\n",
                NewLineHandling = NewLineHandling.Replace,
                CheckCharacters = true,
                CloseOutput = false,
            });
            if (startDocument)
            {
                writer.WriteStartDocument();
            }

            writer.WriteStartElement(null, "feed", AtomNs);
            writer.WriteAttributeString("xmlns", AtomNs);
            foreach (var (prefix, ns) in Namespaces)
            {
                writer.WriteAttributeString("xmlns", prefix, null, ns);
            }

            foreach (var (call, name, text) in calls)
            {
                switch (call)
                {
                    case Call.Text:
                        writer.WriteString(text);
                        break;
                    case Call.StartElement:
                        var (prefix, local, ns) = ElementName(name);
                        writer.WriteStartElement(prefix, local, ns);
                        break;
                    case Call.EndElement:
                        writer.WriteEndElement();
                        break;
                    case Call.Attribute:
                        var colon = name.IndexOf(':', StringComparison.Ordinal);
                        if (colon < 0)
                        {
                            writer.WriteAttributeString(name, text);
                        }
                        else
                        {
                            var p = name[..colon];
                            writer.WriteAttributeString(p, name[(colon + 1)..], p == "xml" ? XmlNs : Namespaces[p], text);
                        }

                        break;
                    case Call.ElementString:
                        (prefix, local, ns) = ElementName(name);
                        writer.WriteElementString(prefix, local, ns, text);
                        break;
                    case Call.Instruction:
                        writer.WriteProcessingInstruction(name, text);
                        break;
                    case Call.Flush:
                        writer.Flush();
                        break;
                    default:
                        writer.WriteEndDocument();
                        break;
                }
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or XmlException)
        {
            return (output.ToArray(), e);
        }

        return (output.ToArray(), null);

        static (string? Prefix, string Local, string Ns) ElementName(string name)
        {
            var colon = name.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (null, name, AtomNs) : (name[..colon], name[(colon + 1)..], Namespaces[name[..colon]]);
        }
    }

    private static (byte[] Output, Exception? Error) WithUtf8XmlWriter(bool indent, bool startDocument, List<(Call Call, string Name, string? Text)> calls)
    {
        var output = new MemoryStream();
        try
        {
            using var writer = new Utf8XmlWriter(output, indent);
            if (startDocument)
            {
                writer.WriteStartDocument();
            }

            writer.WriteStartElement("feed");
            writer.WriteAttributeString("xmlns", AtomNs);
            foreach (var (prefix, ns) in Namespaces)
            {
                writer.WriteAttributeString("xmlns:" + prefix, ns);
            }

            foreach (var (call, name, text) in calls)
            {
                switch (call)
                {
                    case Call.Text:
                        writer.WriteString(text);
                        break;
                    case Call.StartElement:
                        writer.WriteStartElement(name);
                        break;
                    case Call.EndElement:
                        writer.WriteEndElement();
                        break;
                    case Call.Attribute:
                        writer.WriteAttributeString(name, text);
                        break;
                    case Call.ElementString:
                        writer.WriteElementString(name, text);
                        break;
                    case Call.Instruction:
                        writer.WriteProcessingInstruction(name, text);
                        break;
                    case Call.Flush:
                        writer.Flush();
                        break;
                    default:
                        writer.WriteEndDocument();
                        break;
                }
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or XmlException)
        {
            return (output.ToArray(), e);
        }

        return (output.ToArray(), null);
    }

    private static string Show(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return text.Length <= 600 ? text : text[..300] + "…" + text[^300..];
    }
}
