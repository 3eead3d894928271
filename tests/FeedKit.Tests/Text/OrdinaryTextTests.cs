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
        char[] pool = ['a', ' ', 'ب', 'ש', '،', '\n', '\t', '\u064B', '\u064B', '\u0651', '\u064E', '\u0652', '\u0301', '\u202B', '\u0085', '\uD83D', '\uFFFE', '\u00A0', '\u06F5', '\u2014', '\u3000', 'é'];
        for (var i = 0; i < 5000; i++)
        {
            var text = new char[random.Next(0, 200)];
            for (var j = 0; j < text.Length; j++)
            {
                text[j] = random.Next(10) == 0 ? pool[random.Next(pool.Length)] : Ordinary[random.Next(Ordinary.Length)];
            }

            Assert.Equal(PlainLoop(text), OrdinaryText.IndexOfNotOrdinary(text));
        }
    }

    /// <summary>The rule, one character at a time: an Arabic vowel mark is ordinary only right after an ordinary non-mark.</summary>
    private static int PlainLoop(char[] text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var ok = OrdinaryText.IsMark(text[i])
                ? i > 0 && OrdinaryText.IsOrdinary(text[i - 1])
                : OrdinaryText.IsOrdinary(text[i]);
            if (!ok)
            {
                return i;
            }
        }

        return -1;
    }

    [Fact]
    public void A_lone_vowel_mark_after_an_ordinary_character_is_already_NFC_two_in_a_row_are_not_ordinary()
    {
        var marks = Enumerable.Range(0x064B, 8).Select(c => (char)c).ToArray();
        Assert.All(marks, m => Assert.False(OrdinaryText.IsOrdinary(m)));
        foreach (var m in marks)
        {
            foreach (var c in Ordinary)
            {
                var pair = string.Concat(c, m);
                Assert.True(ReferenceEquals(UnicodeNormalization.ToNfc(pair), pair), $"U+{(int)c:X4} U+{(int)m:X4} changes under NFC");
                Assert.Equal(-1, OrdinaryText.IndexOfNotOrdinary(pair));
            }

            Assert.Equal(0, OrdinaryText.IndexOfNotOrdinary(m.ToString()));
            foreach (var second in marks)
            {
                // Shadda then fatha reorders under NFC; any two marks in a row take the full check.
                Assert.Equal(2, OrdinaryText.IndexOfNotOrdinary(string.Concat("ب", m, second)));
                Assert.Equal(34, OrdinaryText.IndexOfNotOrdinary(new string('ب', 33) + m + second + new string('ب', 40)));
            }
        }

        Assert.Equal("\u0628\u064E\u0651", UnicodeNormalization.ToNfc("\u0628\u0651\u064E"));
        Assert.Equal(2, OrdinaryText.IndexOfNotOrdinary("\u0628\u0651\u064E"));
    }

    [Fact]
    public void The_NFC_quick_check_is_unchanged_by_the_vowel_mark_rule()
    {
        // Long ordinary runs (so the quick check skips them) ending on a lone mark, then a second mark, against ICU.
        var random = new Random(13);
        char[] pieces = ['ب', 'ت', ' ', '\u064B', '\u064E', '\u0651', '\u0650', '\u0652', '\u0654', 'ا'];
        for (var i = 0; i < 5000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 60)).Select(_ => random.Next(3) == 0 ? pieces[random.Next(pieces.Length)] : 'ب').ToArray());
            Assert.Equal(text.Normalize(System.Text.NormalizationForm.FormC), UnicodeNormalization.ToNfc(text));
        }
    }

    [Theory]
    [InlineData("أيضاً في جنيف", true, true)]
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
