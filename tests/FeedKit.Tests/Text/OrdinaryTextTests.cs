using FeedKit.Text;

namespace FeedKit.Tests.Text;

/// <summary>
/// The fast path of the text checks may only skip work, never change an answer: every ordinary character is checked
/// here against the data and rules the slow path uses.
/// </summary>
public sealed class OrdinaryTextTests
{
    private static readonly char[] Ordinary = Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(OrdinaryText.IsOrdinary).ToArray();

    [Fact]
    public void Ordinary_characters_are_valid_XML_and_nothing_the_lint_looks_at()
    {
        Assert.True(Ordinary.Length > 1000, "the ranges cover ASCII, Latin, Hebrew and Arabic");
        foreach (var c in Ordinary)
        {
            var text = c.ToString();
            Assert.True(XmlChars.IndexOfInvalid(text, out _) < 0, $"U+{(int)c:X4} is invalid XML");
            Assert.False(c is >= '\u0080' and <= '\u009F', $"U+{(int)c:X4} is a C1 control");
            Assert.False(Bidi.IsEmbeddingControl(c), $"U+{(int)c:X4} is a bidi embedding");
            Assert.False(c is '\u2028' or '\u2029' or '\u0085', $"U+{(int)c:X4} is a line break");
            Assert.True(!char.IsWhiteSpace(c) || c is ' ' or '\u00A0', $"U+{(int)c:X4} is white space the cleaner would collapse");
        }
    }

    [Fact]
    public void Any_string_of_ordinary_characters_is_already_NFC()
    {
        // Two characters are enough: an ordinary character neither decomposes nor combines with the one before it.
        var previous = Ordinary.Concat("\u0301\u064B\u05B0").ToArray();
        foreach (var c in Ordinary)
        {
            Assert.True(UnicodeNormalization.IsNfc(c.ToString()), $"U+{(int)c:X4} alone is not NFC");
            foreach (var p in previous)
            {
                var pair = string.Concat(p, c);
                if (UnicodeNormalization.IsNfc(p.ToString()) && !ReferenceEquals(UnicodeNormalization.ToNfc(pair), pair))
                {
                    Assert.Fail($"U+{(int)p:X4} U+{(int)c:X4} changes under NFC");
                }
            }
        }
    }

    [Fact]
    public void The_vectorized_scan_finds_the_same_first_character_as_a_plain_loop()
    {
        var random = new Random(5);
        char[] pool = ['a', ' ', 'ب', 'ש', '،', '\n', '\t', '\u064B', '\u0301', '\u202B', '\u0085', '\uD83D', '\uFFFE', '\u00A0', '\u06F5', '\u2014', '\u3000', 'é'];
        for (var i = 0; i < 5000; i++)
        {
            var text = new char[random.Next(0, 200)];
            for (var j = 0; j < text.Length; j++)
            {
                text[j] = random.Next(10) == 0 ? pool[random.Next(pool.Length)] : Ordinary[random.Next(Ordinary.Length)];
            }

            var expected = Array.FindIndex(text, c => !OrdinaryText.IsOrdinary(c));
            Assert.Equal(expected, OrdinaryText.IndexOfNotOrdinary(text));
        }
    }

    [Theory]
    [InlineData("مرحبا بالعالم", true, true)]
    [InlineData("Hello, «world» — 2026", true, true)]
    [InlineData("two  spaces", false, true)]
    [InlineData(" leading", false, false)]
    [InlineData("trailing\u00A0", false, false)]
    [InlineData("line\nbreak", false, false)]
    [InlineData("e\u0301", false, false)]
    [InlineData("", false, false)]
    public void Clean_text_is_what_the_cleaner_leaves_alone(string text, bool cleanLine, bool cleanBlock)
    {
        Assert.Equal(cleanLine, TextCleaner.IsClean(text, line: true));
        Assert.Equal(cleanBlock, TextCleaner.IsClean(text, line: false));
    }

    [Fact]
    public void Whenever_the_fast_path_says_clean_the_cleaner_returns_the_text_itself()
    {
        var random = new Random(11);
        string[] pieces = ["مقال", " ", "  ", "\u00A0", "Arabic", "،", ".", "\u064B", "\n", "\r\n", "ש", "\u202A", "x"];
        var clean = 0;
        for (var i = 0; i < 20000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => pieces[random.Next(pieces.Length)]));
            foreach (var line in new[] { true, false })
            {
                if (TextCleaner.IsClean(text, line))
                {
                    clean++;
                    Assert.Same(text, line ? TextCleaner.Line(text) : TextCleaner.Block(text));
                }
            }
        }

        Assert.InRange(clean, 1000, 39000);
    }
}
