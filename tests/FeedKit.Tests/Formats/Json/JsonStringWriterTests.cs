using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FeedKit.Formats.Json;

namespace FeedKit.Tests.Formats.Json;

/// <summary>
/// JsonStringWriter (JsonEscaping's one-pass escaping and transcoding) against what it replaces: the same properties
/// written with <see cref="Utf8JsonWriter.WriteString(string, ReadOnlySpan{char})"/> and
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> must come out byte for byte the same, in both indent modes.
/// </summary>
public sealed class JsonStringWriterTests
{
    private static readonly string[] Names = ["title", "content_html", "summary", "x"];

    /// <summary>Pieces random text is made of, besides random code points.</summary>
    private static readonly string[] Pieces =
    [
        "abc", " ", "مرحبا بالعالم", "الخبر، ", "שלום עולם", "Привет", "Ελληνικά", "é", "ß", "中文", "پیام‌ها",
        "\"", "\\", "/", "<p dir=\"rtl\" lang=\"ar\">", "</p>\n", "&amp;", "'", "+", "`", "\n", "\r", "\t", "\b", "\f",
        "\u0000", "\u001F", "\u007F", "\u0080", "\u009F", "\u00A0", "\u00AD", "\u0378", "\u061C", "\u06DD", "\u200C",
        "\u200F", "\u2028", "\u2029", "\u3000", "\uE000", "\uFEFF", "\uFFFD", "\uFFFE", "\uFFFF", "😀", "\U0010FFFF", "𝔸",
    ];

    [Fact]
    public void The_encoder_escapes_as_the_one_pass_path_expects()
    {
        // If this fails, every string goes to Utf8JsonWriter (correct, but slow) and the tests below prove nothing.
        Assert.True(JsonEscaping.Enabled);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Random_strings_of_all_of_Unicode_give_the_bytes_of_Utf8JsonWriter(bool indented)
    {
        var random = new Random(20261202);
        for (var document = 0; document < 400; document++)
        {
            var values = Enumerable.Range(0, random.Next(1, 6)).Select(_ => RandomText(random, random.Next(0, 400))).ToList();
            AssertSame(values, indented);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Long_strings_grow_the_scratch_buffer_and_give_the_same_bytes(bool indented)
    {
        var random = new Random(11);
        AssertSame(
            [
                new string('ب', 70_000),
                string.Concat(Enumerable.Repeat("😀", 20_000)),
                string.Concat(Enumerable.Repeat("\"\\\n", 20_000)),
                string.Concat(Enumerable.Repeat("<p dir=\"rtl\">نص عربي طويل، \u2028</p>\n", 3_000)),
                RandomText(random, 50_000),
                "short after long",
            ],
            indented);
    }

    /// <summary>Every BMP character, at every lane of a vector, between Arabic letters (the vector path's page check) and between ASCII.</summary>
    [Fact]
    public void Every_BMP_character_gives_the_bytes_of_Utf8JsonWriter()
    {
        var values = new List<string>();
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var lane = c % 8;
            values.Add(new string('ب', lane) + (char)c + new string('ت', 16 - lane) + (char)c + new string('a', 9) + (char)c);
            if (values.Count == 512)
            {
                AssertSame(values, indented: false);
                values.Clear();
            }
        }

        AssertSame(values, indented: false);
    }

    /// <summary>Characters outside the BMP, one in 61 of them and the first and last of every plane.</summary>
    [Fact]
    public void Characters_outside_the_BMP_give_the_bytes_of_Utf8JsonWriter()
    {
        var values = new List<string>();
        for (var c = 0x10000; c <= 0x10FFFF; c += 61)
        {
            values.Add("ب" + char.ConvertFromUtf32(c) + "a" + char.ConvertFromUtf32((c & ~0xFFFF) | 0xFFFF) + char.ConvertFromUtf32(c & ~0xFFFF));
            if (values.Count == 512)
            {
                AssertSame(values, indented: true);
                values.Clear();
            }
        }

        AssertSame(values, indented: true);
    }

    /// <summary>Validated text has none, but a lone surrogate is left to Utf8JsonWriter (which writes <c>\uFFFD</c>).</summary>
    [Fact]
    public void Lone_surrogates_give_the_bytes_of_Utf8JsonWriter()
    {
        AssertSame(["\uD800", "a\uDC00b", "مرحبا\uD83D", "\uDE00😀", new string('ب', 40) + "\uDBFF" + new string('x', 40)], indented: true);
    }

    private static void AssertSame(IReadOnlyList<string> values, bool indented)
    {
        var expected = Write(values, indented, (json, _, name, value) => json.WriteString(name, value));
        using var strings = new JsonStringWriter();
        var actual = Write(values, indented, (json, _, name, value) => strings.WriteString(json, name, value));
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            var at = expected.AsSpan().CommonPrefixLength(actual);
            Assert.Fail($"Bytes differ at {at}: expected …{Show(expected, at)}…, got …{Show(actual, at)}…");
        }
    }

    /// <summary>The values as properties of an object in an array, among other members, as JsonFeedWriter writes them.</summary>
    private static byte[] Write(IReadOnlyList<string> values, bool indented, Action<Utf8JsonWriter, int, string, string> writeString)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = indented }))
        {
            json.WriteStartObject();
            writeString(json, -1, "version", "1.1");
            json.WriteStartArray("items");
            for (var i = 0; i < values.Count; i++)
            {
                json.WriteStartObject();
                json.WriteString("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                writeString(json, i, Names[i % Names.Length], values[i]);
                json.WriteStartArray("tags");
                json.WriteStringValue("t");
                json.WriteEndArray();
                writeString(json, i, "summary", values[i]);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string RandomText(Random random, int length)
    {
        var text = new StringBuilder();
        while (text.Length < length)
        {
            switch (random.Next(4))
            {
                case 0:
                    text.Append(Pieces[random.Next(Pieces.Length)]);
                    break;
                case 1:
                    // Any scalar value, rarely outside the BMP.
                    var c = random.Next(8) == 0 ? random.Next(0x10000, 0x110000) : random.Next(0, 0x10000);
                    text.Append(c is >= 0xD800 and <= 0xDFFF ? "\uFFFD" : char.ConvertFromUtf32(c));
                    break;
                default:
                    // A run of one script, long enough for the vectors.
                    var run = random.Next(1, 40);
                    var from = random.Next(3) switch { 0 => 'a', 1 => 'ا', _ => 'א' };
                    for (var i = 0; i < run; i++)
                    {
                        text.Append((char)(from + random.Next(26)));
                    }

                    break;
            }
        }

        return text.ToString();
    }

    private static string Show(byte[] bytes, int at) =>
        Encoding.UTF8.GetString(bytes.AsSpan(Math.Max(0, at - 20), Math.Min(bytes.Length, at + 20) - Math.Max(0, at - 20)));
}
