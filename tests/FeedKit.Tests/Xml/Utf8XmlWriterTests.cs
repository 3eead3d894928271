using System.Text;
using System.Xml;
using FeedKit.Xml;

namespace FeedKit.Tests.Xml;

public sealed class Utf8XmlWriterTests
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string XmlNs = "http://www.w3.org/XML/1998/namespace";

    private static readonly Dictionary<string, string> Namespaces = new()
    {
        ["media"] = "http://search.yahoo.com/mrss/",
        ["dc"] = "http://purl.org/dc/elements/1.1/",
        ["fh"] = "http://purl.org/syndication/history/1.0",
    };

    private static readonly string[] RootNames = ["feed", "rss"];

    private static readonly string[] ElementNames =
        ["entry", "title", "link", "content", "summary", "author", "name", "x", "media:content", "media:thumbnail", "dc:creator", "fh:archive"];

    private static readonly string[] AttributeNames =
        ["href", "rel", "type", "length", "term", "a", "xml:lang", "xml:base", "media:url", "dc:title"];

    private static readonly string[] InstructionNames = ["xml-stylesheet", "pi", "x.y"];

    /// <summary>Pieces random text is made of; the long ones cross the writers' buffer boundaries.</summary>
    private static readonly string[] TextPieces =
    [
        "abc", "Hello", "feed", " ", "  ", "مرحبا بالعالم", "الخبر", "שלום עולם", "עברית",
        "&", "<", ">", "\"", "'", "&amp;", "<p dir=\"rtl\">", "\n", "\r", "\r\n", "\t", "]]>", "?>", "??>", "?",
        "\u00A0", "\u200F", "\u200C", "\uFFFD", "\u0085", "\u2028", "\u007F", "\uE000", "\uFB50", "\uFEFF",
        "😀", "👩‍👩‍👧", "\U0010FFFF", "𝔸",
    ];

    private static readonly string[] LongPieces =
    [
        new string('ب', 20_000),
        new string('x', 20_001),
        string.Concat(Enumerable.Repeat("😀", 10_500)),
        string.Concat(Enumerable.Repeat("abc & مرحبا <x>\r\n😀 \"q\" \t", 1_000)),
        string.Concat(Enumerable.Repeat("نص عربي طويل، ", 1_600)),
    ];

    private enum OpKind
    {
        StartDocument,
        Instruction,
        StartElement,
        Attribute,
        Text,
        ElementString,
        EndElement,
        EndDocument,
        Flush,
    }

    /// <summary>Texts with a character XML 1.0 cannot carry, by name (test data with lone surrogates would not
    /// survive xunit's serialization).</summary>
    private static readonly Dictionary<string, string> Invalid = new()
    {
        ["U+0001"] = "\u0001",
        ["U+001F after text"] = "ok\u001F",
        ["U+FFFE"] = "\uFFFE",
        ["U+FFFF inside text"] = "ok\uFFFF ok",
        ["lone high surrogate at the end"] = "ok\uD83D",
        ["lone low surrogate"] = "\uDE00ok",
        ["high surrogate before a letter"] = "\uD83Dx",
        ["two high surrogates"] = "\uD83D\uD83D\uDE00",
        ["U+0000"] = "\u0000",
        ["lone high surrogate after 20,000 characters"] = new string('ب', 20_000) + "\uD83D",
        ["U+0001 after 20,000 characters and line breaks"] = string.Concat(Enumerable.Repeat("a\r\n😀", 5_000)) + "\u0001",
    };

    public static TheoryData<string> InvalidTexts => new(Invalid.Keys);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Writes_the_same_bytes_as_XmlWriter_for_random_documents(bool indent)
    {
        for (var seed = 0; seed < 3000; seed++)
        {
            var ops = Generate(seed);
            var expected = WithXmlWriter(indent, ops);
            var actual = WithUtf8XmlWriter(indent, ops);
            if (!expected.AsSpan().SequenceEqual(actual))
            {
                Assert.Fail(Difference(seed, indent, expected, actual));
            }
        }
    }

    [Theory]
    [MemberData(nameof(InvalidTexts))]
    public void Invalid_characters_in_text_throw_ArgumentException_like_XmlWriter(string name)
    {
        var text = Invalid[name];
        Assert.Throws<ArgumentException>(() => WithXmlWriter(false, [Start("a"), Text("ok"), Text(text)]));

        var output = new MemoryStream();
        var writer = new Utf8XmlWriter(output, indent: false);
        writer.WriteStartElement("a");
        writer.WriteString("ok");
        Assert.Throws<ArgumentException>(() => writer.WriteString(text));
        Assert.Throws<InvalidOperationException>(() => writer.WriteString("more"));
        writer.Dispose();

        using var spans = new Utf8XmlWriter(Stream.Null, indent: true);
        spans.WriteStartElement("a");
        Assert.Throws<ArgumentException>(() => spans.WriteString(text.AsSpan()));

        // Nothing of the failed call was written, and the open element was not closed (as XmlWriter, in error state).
        Assert.Equal("<?xml version=\"1.0\" encoding=\"utf-8\"?><a>ok", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Theory]
    [MemberData(nameof(InvalidTexts))]
    public void Invalid_characters_in_attribute_values_throw_ArgumentException_like_XmlWriter(string name)
    {
        var value = Invalid[name];
        Assert.Throws<ArgumentException>(() => WithXmlWriter(false, [Start("a"), Attribute("v", value)]));

        var output = new MemoryStream();
        var writer = new Utf8XmlWriter(output, indent: false);
        writer.WriteStartElement("a");
        writer.WriteAttributeString("ok", "1");
        Assert.Throws<ArgumentException>(() => writer.WriteAttributeString("v", value));
        writer.Dispose();
        Assert.Equal("<?xml version=\"1.0\" encoding=\"utf-8\"?><a ok=\"1\"", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Theory]
    [MemberData(nameof(InvalidTexts))]
    public void Invalid_characters_in_element_strings_and_instructions_throw_ArgumentException_like_XmlWriter(string name)
    {
        var text = Invalid[name];
        Assert.Throws<ArgumentException>(() => WithXmlWriter(false, [Start("a"), ElementString("b", text)]));
        Assert.Throws<ArgumentException>(() => WithXmlWriter(false, [new Op(OpKind.Instruction, "pi", text)]));

        using var writer = new Utf8XmlWriter(Stream.Null, indent: false);
        writer.WriteStartElement("a");
        Assert.Throws<ArgumentException>(() => writer.WriteElementString("b", text));
        using var instructions = new Utf8XmlWriter(Stream.Null, indent: false);
        Assert.Throws<ArgumentException>(() => instructions.WriteProcessingInstruction("pi", text));
    }

    [Fact]
    public void Writes_an_Atom_like_document_with_indentation()
    {
        const string expected = """
            <?xml version="1.0" encoding="utf-8"?>
            <?xml-stylesheet type="text/xsl" href="feed.xsl"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="ar">
              <title>أخبار &amp; تقارير</title>
              <link rel="self" href="https://example.com/feed?a=1&amp;b=2" />
              <entry>
                <id>urn:x</id>
                <summary type="html">&lt;p dir="rtl"&gt;نص "مقتبس"&lt;/p&gt;</summary>
                <media:content url="https://example.com/a.jpg" medium="image" />
                <category term="&quot;أ&quot; &lt;ب&gt;" />
                <rights></rights>
              </entry>
            </feed>
            """;
        Assert.Equal(expected, Encoding.UTF8.GetString(WithUtf8XmlWriter(true, AtomLike())));
        Assert.Equal(expected, Encoding.UTF8.GetString(WithXmlWriter(true, AtomLike())));
    }

    [Fact]
    public void Writes_an_Atom_like_document_without_indentation()
    {
        const string expected =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<?xml-stylesheet type=\"text/xsl\" href=\"feed.xsl\"?>"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:media=\"http://search.yahoo.com/mrss/\" xml:lang=\"ar\">"
            + "<title>أخبار &amp; تقارير</title>"
            + "<link rel=\"self\" href=\"https://example.com/feed?a=1&amp;b=2\" />"
            + "<entry>"
            + "<id>urn:x</id>"
            + "<summary type=\"html\">&lt;p dir=\"rtl\"&gt;نص \"مقتبس\"&lt;/p&gt;</summary>"
            + "<media:content url=\"https://example.com/a.jpg\" medium=\"image\" />"
            + "<category term=\"&quot;أ&quot; &lt;ب&gt;\" />"
            + "<rights></rights>"
            + "</entry>"
            + "</feed>";
        Assert.Equal(expected, Encoding.UTF8.GetString(WithUtf8XmlWriter(false, AtomLike())));
        Assert.Equal(expected, Encoding.UTF8.GetString(WithXmlWriter(false, AtomLike())));
    }

    [Fact]
    public void Mixed_content_is_not_indented_and_line_breaks_are_normalized_per_call()
    {
        var ops = new List<Op>
        {
            new(OpKind.StartDocument),
            Start("feed"), Attribute("xmlns", AtomNs),
            Start("summary"), Text("a\r"), Text("\nb\r\nc\rd\n"), Start("x"), Start("name"), End(), End(), End(),
            Start("author"), ElementString("name", ""), ElementString("name", "n"), Start("x"), Text(""), End(), End(),
            Attribute2("link", "title", "\t\r\n\r\n"),
            new(OpKind.EndDocument),
        };
        const string expected = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <summary>a

            b
            c
            d
            <x><name /></x></summary>
              <author>
                <name />
                <name>n</name>
                <x></x>
              </author>
              <link title="&#x9;&#xD;&#xA;&#xD;&#xA;" />
            </feed>
            """;
        Assert.Equal(expected, Encoding.UTF8.GetString(WithXmlWriter(true, ops)));
        Assert.Equal(expected, Encoding.UTF8.GetString(WithUtf8XmlWriter(true, ops)));
    }

    [Fact]
    public void Processing_instructions_keep_their_text_but_break_up_the_end_marker()
    {
        List<Op> ops = [new(OpKind.Instruction, "pi", "a?>b\r\nc&<>\"??>"), new(OpKind.Instruction, "empty", ""), Start("a"), Attribute("xmlns", AtomNs), End()];
        const string expected = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<?pi a? >b\nc&<>\"?? >?>\n<?empty?>\n<a xmlns=\"http://www.w3.org/2005/Atom\" />";
        Assert.Equal(expected, Encoding.UTF8.GetString(WithXmlWriter(true, ops)));
        Assert.Equal(expected, Encoding.UTF8.GetString(WithUtf8XmlWriter(true, ops)));
    }

    [Fact]
    public void Dispose_closes_the_open_elements_and_returns_nothing_to_the_stream_twice()
    {
        var output = new NoFlushStream();
        var writer = new Utf8XmlWriter(output, indent: true);
        writer.WriteStartDocument();
        writer.WriteStartElement("a");
        writer.WriteStartElement("b");
        writer.WriteAttributeString("x", "1");
        writer.Dispose();
        writer.Dispose();
        writer.Flush();
        Assert.Equal("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<a>\n  <b x=\"1\" />\n</a>", Encoding.UTF8.GetString(output.ToArray()));
        Assert.Throws<ObjectDisposedException>(() => writer.WriteStartElement("c"));
    }

    [Fact]
    public void Misplaced_calls_throw_InvalidOperationException_like_XmlWriter()
    {
        List<List<Op>> cases =
        [
            [new(OpKind.StartDocument), Text("x")],
            [new(OpKind.StartDocument), End()],
            [new(OpKind.StartDocument), new(OpKind.EndDocument)],
            [Start("a"), End(), Start("b")],
            [Start("a"), Text("t"), Attribute("x", "1")],
            [Start("a"), new(OpKind.StartDocument)],
            [Start("a"), new(OpKind.EndDocument), new(OpKind.Instruction, "p", "x")],
        ];
        foreach (var ops in cases)
        {
            Assert.Throws<InvalidOperationException>(() => WithXmlWriter(false, ops));
            Assert.Throws<InvalidOperationException>(() => WithUtf8XmlWriter(false, ops));
        }

        Assert.Throws<ArgumentException>(() => WithXmlWriter(false, [Start("a b")]));
        Assert.Throws<ArgumentException>(() => WithUtf8XmlWriter(false, [Start("a b")]));
        Assert.Throws<ArgumentException>(() => WithUtf8XmlWriter(false, [Start("1a")]));
        Assert.Throws<ArgumentException>(() => WithUtf8XmlWriter(false, [Start("a:")]));
        Assert.Throws<ArgumentException>(() => WithUtf8XmlWriter(false, [Start("a:b:c")]));
        Assert.Throws<ArgumentException>(() => WithUtf8XmlWriter(false, [Start("")]));
        Assert.Throws<ArgumentException>(() => WithUtf8XmlWriter(false, [new(OpKind.Instruction, "XML", "")]));
    }

    [Fact]
    public void Text_of_one_to_four_byte_characters_is_encoded_as_UTF8_wherever_the_buffer_ends()
    {
        // Ranges without markup characters or CR: ASCII, two-byte (Arabic, Hebrew, Latin-1), three-byte, pairs.
        (int From, int To)[] ranges = [(0x20, 0x25), (0x27, 0x3B), (0x3F, 0x7F), (0x80, 0x800), (0x600, 0x700), (0x800, 0xD800), (0xE000, 0xFFFE), (0x10000, 0x110000)];
        var random = new Random(7);
        for (var i = 0; i < 3000; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(40) == 0 ? random.Next(16_000, 40_000) : random.Next(0, 80);
            // Mostly one range at a time, as real text is, with switches.
            var range = ranges[random.Next(ranges.Length)];
            while (text.Length < length)
            {
                if (random.Next(12) == 0)
                {
                    range = ranges[random.Next(ranges.Length)];
                }

                text.Append(char.ConvertFromUtf32(random.Next(range.From, range.To)));
            }

            // A prefix of random length moves where the text starts relative to the buffer's end.
            var prefix = new string('p', random.Next(0, 40));
            var output = new MemoryStream();
            using (var writer = new Utf8XmlWriter(output, indent: false))
            {
                writer.WriteStartElement("a");
                writer.WriteString(prefix);
                writer.WriteString(text.ToString());
                writer.WriteEndElement();
            }

            var expected = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"utf-8\"?><a>{prefix}{text}</a>");
            Assert.True(expected.AsSpan().SequenceEqual(output.ToArray()), $"case {i}: {text.Length} characters");
        }
    }

    [Fact]
    public void Writing_allocates_nothing_once_warm()
    {
        var output = new MemoryStream(capacity: 4 << 20);
        using (var warm = new Utf8XmlWriter(output, indent: true))
        {
            WriteSample(warm);
        }

        // The writer itself (the object, its element stack; the pooled buffer) is allocated once per document; the
        // writes allocate nothing.
        output.Position = 0;
        using var writer = new Utf8XmlWriter(output, indent: true);
        var before = GC.GetAllocatedBytesForCurrentThread();
        WriteSample(writer);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);

        static void WriteSample(Utf8XmlWriter writer)
        {
            writer.WriteStartDocument();
            writer.WriteProcessingInstruction("xml-stylesheet", "type=\"text/xsl\" href=\"feed.xsl\"");
            writer.WriteStartElement("feed");
            writer.WriteAttributeString("xml:lang", "ar");
            for (var i = 0; i < 2000; i++)
            {
                writer.WriteStartElement("entry");
                writer.WriteElementString("title", "عنوان الخبر & <تفاصيل>\r\n😀 \u200F");
                writer.WriteStartElement("content");
                writer.WriteAttributeString("type", "html");
                writer.WriteString("<p dir=\"rtl\">فقرة أولى من نص الخبر، وفيها ما يكفي من الكلمات.</p>\n<p>English text too.</p>");
                writer.WriteEndElement();
                writer.WriteStartElement("media:content");
                writer.WriteAttributeString("url", "https://example.com/a?b=1&c=\"2\"");
                writer.WriteEndElement();
                writer.WriteEndElement();
                if (i % 100 == 0)
                {
                    writer.Flush();
                }
            }

            writer.WriteEndDocument();
        }
    }

    private static List<Op> AtomLike() =>
    [
        new(OpKind.StartDocument),
        new(OpKind.Instruction, "xml-stylesheet", "type=\"text/xsl\" href=\"feed.xsl\""),
        Start("feed"),
        Attribute("xmlns", AtomNs),
        Attribute("xmlns:media", Namespaces["media"]),
        Attribute("xml:lang", "ar"),
        ElementString("title", "أخبار & تقارير"),
        Start("link"), Attribute("rel", "self"), Attribute("href", "https://example.com/feed?a=1&b=2"), End(),
        Start("entry"),
        ElementString("id", "urn:x"),
        Start("summary"), Attribute("type", "html"), Text("<p dir=\"rtl\">نص \"مقتبس\"</p>"), End(),
        Start("media:content"), Attribute("url", "https://example.com/a.jpg"), Attribute("medium", "image"), End(),
        Start("category"), Attribute("term", "\"أ\" <ب>"), End(),
        Start("rights"), Text(""), End(),
        End(),
        new(OpKind.EndDocument),
    ];

    private static Op Start(string name) => new(OpKind.StartElement, name);

    private static Op End() => new(OpKind.EndElement);

    private static Op Text(string? text, bool span = false) => new(OpKind.Text, "", text, span);

    private static Op Attribute(string name, string value) => new(OpKind.Attribute, name, value);

    private static Op ElementString(string name, string value) => new(OpKind.ElementString, name, value);

    /// <summary>An element with one attribute: start, attribute, end.</summary>
    private static Op Attribute2(string element, string name, string value) =>
        new(OpKind.ElementString, element, value, Span: false, AttributeName: name);

    /// <summary>A random document: the declaration (mostly), maybe an instruction, a root declaring the namespaces,
    /// nested elements with attributes, text, element strings, instructions and flushes.</summary>
    private static List<Op> Generate(int seed)
    {
        var random = new Random(seed);
        var ops = new List<Op>();
        if (random.Next(10) != 0)
        {
            ops.Add(new(OpKind.StartDocument));
        }

        if (random.Next(3) == 0)
        {
            ops.Add(new(OpKind.Instruction, Pick(random, InstructionNames), RandomText(random)));
        }

        ops.Add(Start(Pick(random, RootNames)));
        ops.Add(Attribute("xmlns", AtomNs));
        foreach (var (prefix, ns) in Namespaces)
        {
            ops.Add(Attribute("xmlns:" + prefix, ns));
        }

        Content(random, ops, depth: 1);
        switch (random.Next(4))
        {
            case 0:
                // Left open: Dispose closes it.
                break;
            case 1:
                ops.Add(End());
                if (random.Next(2) == 0)
                {
                    ops.Add(new(OpKind.Instruction, Pick(random, InstructionNames), RandomText(random)));
                }

                ops.Add(new(OpKind.EndDocument));
                break;
            default:
                ops.Add(new(OpKind.EndDocument));
                break;
        }

        return ops;
    }

    /// <summary>Attributes and content of the element just started, then (but for the root) its end.</summary>
    private static void Content(Random random, List<Op> ops, int depth)
    {
        foreach (var name in AttributeNames.OrderBy(_ => random.Next()).Take(random.Next(5)))
        {
            ops.Add(Attribute(name, RandomText(random)));
        }

        if (random.Next(8) == 0)
        {
            ops.Add(new(OpKind.Flush));
        }

        // Mostly elements only (indented), some text only, some mixed, some empty.
        var mode = random.Next(10);
        var count = mode == 0 ? 0 : random.Next(1, 6);
        for (var i = 0; i < count; i++)
        {
            var what = mode switch
            {
                < 5 => random.Next(3) == 0 ? 1 : 2,
                < 7 => 0,
                _ => random.Next(4),
            };
            if (what != 0 && depth >= 5)
            {
                what = 1;
            }

            switch (what)
            {
                case 0:
                    ops.Add(Text(random.Next(40) == 0 ? null : RandomText(random), span: random.Next(2) == 0));
                    break;
                case 1:
                    ops.Add(ElementString(Pick(random, ElementNames), RandomText(random)));
                    break;
                case 2:
                    ops.Add(Start(Pick(random, ElementNames)));
                    Content(random, ops, depth + 1);
                    ops.Add(End());
                    break;
                default:
                    ops.Add(new(OpKind.Instruction, Pick(random, InstructionNames), RandomText(random)));
                    break;
            }

            if (random.Next(12) == 0)
            {
                ops.Add(new(OpKind.Flush));
            }
        }
    }

    private static string RandomText(Random random)
    {
        if (random.Next(6) == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        for (var i = random.Next(1, 7); i > 0; i--)
        {
            text.Append(random.Next(150) == 0 ? Pick(random, LongPieces) : Pick(random, TextPieces));
        }

        return text.ToString();
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static byte[] WithXmlWriter(bool indent, List<Op> ops)
    {
        var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = indent,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            CheckCharacters = true,
            CloseOutput = false,
        }))
        {
            foreach (var op in ops)
            {
                Apply(writer, op);
            }
        }

        return output.ToArray();
    }

    private static byte[] WithUtf8XmlWriter(bool indent, List<Op> ops)
    {
        var output = new NoFlushStream();
        using (var writer = new Utf8XmlWriter(output, indent))
        {
            foreach (var op in ops)
            {
                Apply(writer, op);
            }
        }

        return output.ToArray();
    }

    /// <summary>The qualified-name calls in XmlWriter's terms: prefixes resolved to the namespaces the root declares.</summary>
    private static void Apply(XmlWriter writer, Op op)
    {
        switch (op.Kind)
        {
            case OpKind.StartDocument:
                writer.WriteStartDocument();
                break;
            case OpKind.Instruction:
                writer.WriteProcessingInstruction(op.Name, op.Text);
                break;
            case OpKind.StartElement:
                var (prefix, local, ns) = ElementName(op.Name);
                writer.WriteStartElement(prefix, local, ns);
                break;
            case OpKind.Attribute:
                WriteAttribute(writer, op.Name, op.Text!);
                break;
            case OpKind.Text:
                writer.WriteString(op.Text);
                break;
            case OpKind.ElementString when op.AttributeName is not null:
                (prefix, local, ns) = ElementName(op.Name);
                writer.WriteStartElement(prefix, local, ns);
                WriteAttribute(writer, op.AttributeName, op.Text!);
                writer.WriteEndElement();
                break;
            case OpKind.ElementString:
                (prefix, local, ns) = ElementName(op.Name);
                writer.WriteElementString(prefix, local, ns, op.Text);
                break;
            case OpKind.EndElement:
                writer.WriteEndElement();
                break;
            case OpKind.EndDocument:
                writer.WriteEndDocument();
                break;
            default:
                writer.Flush();
                break;
        }

        static (string? Prefix, string Local, string Ns) ElementName(string name)
        {
            var colon = name.IndexOf(':');
            return colon < 0 ? (null, name, AtomNs) : (name[..colon], name[(colon + 1)..], Namespaces[name[..colon]]);
        }

        static void WriteAttribute(XmlWriter writer, string name, string value)
        {
            var colon = name.IndexOf(':');
            if (name == "xmlns")
            {
                writer.WriteAttributeString("xmlns", value);
            }
            else if (colon < 0)
            {
                writer.WriteAttributeString(name, value);
            }
            else
            {
                var prefix = name[..colon];
                var ns = prefix switch
                {
                    "xmlns" => null,
                    "xml" => XmlNs,
                    _ => Namespaces[prefix],
                };
                writer.WriteAttributeString(prefix, name[(colon + 1)..], ns, value);
            }
        }
    }

    private static void Apply(Utf8XmlWriter writer, Op op)
    {
        switch (op.Kind)
        {
            case OpKind.StartDocument:
                writer.WriteStartDocument();
                break;
            case OpKind.Instruction:
                writer.WriteProcessingInstruction(op.Name, op.Text);
                break;
            case OpKind.StartElement:
                writer.WriteStartElement(op.Name);
                break;
            case OpKind.Attribute:
                writer.WriteAttributeString(op.Name, op.Text);
                break;
            case OpKind.Text when op.Span && op.Text is not null:
                writer.WriteString(op.Text.AsSpan());
                break;
            case OpKind.Text:
                writer.WriteString(op.Text);
                break;
            case OpKind.ElementString when op.AttributeName is not null:
                writer.WriteStartElement(op.Name);
                writer.WriteAttributeString(op.AttributeName, op.Text);
                writer.WriteEndElement();
                break;
            case OpKind.ElementString:
                writer.WriteElementString(op.Name, op.Text);
                break;
            case OpKind.EndElement:
                writer.WriteEndElement();
                break;
            case OpKind.EndDocument:
                writer.WriteEndDocument();
                break;
            default:
                writer.Flush();
                break;
        }
    }

    private static string Difference(int seed, bool indent, byte[] expected, byte[] actual)
    {
        var at = expected.AsSpan().CommonPrefixLength(actual);
        return $"Seed {seed}, indent {indent}: the outputs differ from byte {at} on "
            + $"(XmlWriter {expected.Length} bytes, Utf8XmlWriter {actual.Length} bytes).\n"
            + $"XmlWriter:\n{Show(expected, at)}\nUtf8XmlWriter:\n{Show(actual, at)}";

        // Whole outputs when short; otherwise the part around the first difference.
        static string Show(byte[] bytes, int at)
        {
            var from = bytes.Length <= 4000 ? 0 : Math.Max(0, at - 1500);
            var to = bytes.Length <= 4000 ? bytes.Length : Math.Min(bytes.Length, at + 1500);
            var text = Encoding.UTF8.GetString(bytes, from, to - from);
            return (from > 0 ? "…" : "") + text.Replace("\r", "␍", StringComparison.Ordinal).Replace("\t", "⇥", StringComparison.Ordinal) + (to < bytes.Length ? "…" : "");
        }
    }

    /// <summary>One call: for elements and attributes, the name as Utf8XmlWriter takes it (qualified).</summary>
    private sealed record Op(OpKind Kind, string Name = "", string? Text = null, bool Span = false, string? AttributeName = null);

    /// <summary>A memory stream that fails when flushed: the writer must only ever call Write.</summary>
    private sealed class NoFlushStream : MemoryStream
    {
        public override void Flush() => throw new InvalidOperationException("Utf8XmlWriter flushed the stream.");
    }
}
