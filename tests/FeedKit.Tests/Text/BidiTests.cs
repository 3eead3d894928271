using System;
using FeedKit.Text;
using Xunit;

namespace FeedKit.Tests.Text;

public class BidiTests
{
    [Theory]
    [InlineData('A', BidiCategory.LeftToRight)]
    [InlineData('z', BidiCategory.LeftToRight)]
    [InlineData('0', BidiCategory.Neutral)] // EN
    [InlineData(' ', BidiCategory.Neutral)] // WS
    [InlineData('@', BidiCategory.Neutral)] // ON
    [InlineData(0x00E9, BidiCategory.LeftToRight)] // é
    [InlineData(0x0627, BidiCategory.ArabicLetter)] // ا
    [InlineData(0x05D0, BidiCategory.RightToLeft)] // א
    [InlineData(0x0663, BidiCategory.Neutral)] // ٣ ARABIC-INDIC DIGIT THREE is AN
    [InlineData(0x064B, BidiCategory.Neutral)] // ARABIC FATHATAN is NSM
    [InlineData(0x0710, BidiCategory.ArabicLetter)] // Syriac
    [InlineData(0x0780, BidiCategory.ArabicLetter)] // Thaana
    [InlineData(0x07CA, BidiCategory.RightToLeft)] // N'Ko
    [InlineData(0x200F, BidiCategory.RightToLeft)] // RLM
    [InlineData(0x200E, BidiCategory.LeftToRight)] // LRM
    [InlineData(0x061C, BidiCategory.ArabicLetter)] // ALM
    [InlineData(0x202B, BidiCategory.Neutral)] // RLE
    [InlineData(0x2067, BidiCategory.Neutral)] // RLI
    [InlineData(0x4E2D, BidiCategory.LeftToRight)] // 中
    [InlineData(0xFB1D, BidiCategory.RightToLeft)]
    [InlineData(0xFEFC, BidiCategory.ArabicLetter)]
    [InlineData(0x05FF, BidiCategory.RightToLeft)] // unassigned, Hebrew block default
    [InlineData(0x0893, BidiCategory.ArabicLetter)] // unassigned, Arabic Extended-B default
    [InlineData(0x089F, BidiCategory.Neutral)] // NSM
    [InlineData(0xD800, BidiCategory.Neutral)] // surrogate
    [InlineData(0xE000, BidiCategory.LeftToRight)] // private use
    [InlineData(0x10D00, BidiCategory.ArabicLetter)] // Hanifi Rohingya
    [InlineData(0x1E900, BidiCategory.RightToLeft)] // Adlam
    [InlineData(0x1EE00, BidiCategory.ArabicLetter)] // Arabic Mathematical Alphabetic Symbols
    [InlineData(0x1F600, BidiCategory.Neutral)] // 😀 ON
    [InlineData(0x20000, BidiCategory.LeftToRight)] // CJK Extension B
    [InlineData(0x10FFFD, BidiCategory.LeftToRight)] // private use
    [InlineData(0x10FFFF, BidiCategory.Neutral)] // noncharacter, BN
    public void GetCategory_samples(int codePoint, BidiCategory expected) =>
        Assert.Equal(expected, Bidi.GetCategory(codePoint));

    [Theory]
    [MemberData(nameof(BidiSamples.All), MemberType = typeof(BidiSamples))]
    public void GetCategory_agrees_with_DerivedBidiClass(int codePoint, string bidiClass)
    {
        var expected = bidiClass switch
        {
            "L" => BidiCategory.LeftToRight,
            "R" => BidiCategory.RightToLeft,
            "AL" => BidiCategory.ArabicLetter,
            _ => BidiCategory.Neutral,
        };

        Assert.Equal(expected, Bidi.GetCategory(codePoint));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0x110000)]
    [InlineData(int.MinValue)]
    public void GetCategory_rejects_non_code_points(int codePoint) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Bidi.GetCategory(codePoint));

    [Fact]
    public void Generated_runs_are_sorted_cover_everything_and_are_mostly_L()
    {
        var runs = BidiData.Runs;
        Assert.Equal(0u, runs[0] >> 2);
        long left = 0, rightToLeft = 0;
        for (var i = 0; i < runs.Length; i++)
        {
            var start = runs[i] >> 2;
            var end = i + 1 < runs.Length ? (runs[i + 1] >> 2) - 1 : 0x10FFFF;
            Assert.True(start <= end, $"run {i} is empty or out of order");
            Assert.True(end <= 0x10FFFF);
            if (i > 0)
            {
                Assert.NotEqual(runs[i - 1] & 3, runs[i] & 3); // adjacent runs of one class are merged
            }

            var category = (BidiCategory)(runs[i] & 3);
            if (category == BidiCategory.LeftToRight)
            {
                left += end - start + 1;
            }
            else if (category != BidiCategory.Neutral)
            {
                rightToLeft += end - start + 1;
            }
        }

        Assert.True(left >= 100_000, $"only {left} code points are L");
        Assert.True(rightToLeft >= 5_000, $"only {rightToLeft} code points are R or AL");
        Assert.Matches(@"^\d+\.\d+\.\d+$", Bidi.UnicodeVersion);
    }

    [Fact]
    public void Generated_script_lists_are_sorted_and_disjoint()
    {
        AssertSorted(BidiData.LeftToRightScripts);
        AssertSorted(BidiData.RightToLeftScripts);
        Assert.Empty(System.Linq.Enumerable.Intersect(BidiData.LeftToRightScripts, BidiData.RightToLeftScripts));
        Assert.Contains("Arab", BidiData.RightToLeftScripts);
        Assert.Contains("Latn", BidiData.LeftToRightScripts);

        static void AssertSorted(string[] values)
        {
            for (var i = 1; i < values.Length; i++)
            {
                Assert.True(string.CompareOrdinal(values[i - 1], values[i]) < 0, values[i]);
            }
        }
    }

    [Theory]
    [InlineData("iPhone 17 يصل", TextDirection.LeftToRight)]
    [InlineData("2026: العام", TextDirection.RightToLeft)]
    [InlineData("«שלום» world", TextDirection.RightToLeft)]
    [InlineData("\u2067abc\u2069 שלום", TextDirection.RightToLeft)]
    [InlineData("\u2066\u2067abc\u2069 def\u2069 שלום", TextDirection.RightToLeft)] // nested isolates
    [InlineData("\u2069abc", TextDirection.LeftToRight)] // PDI without initiator is ignored
    [InlineData("\u202Babc", TextDirection.LeftToRight)] // embeddings are not skipped
    [InlineData("\u200Fabc", TextDirection.RightToLeft)]
    [InlineData("\u200Eשלום", TextDirection.LeftToRight)]
    [InlineData("\U0001F600 \U0001E900", TextDirection.RightToLeft)] // emoji is neutral, Adlam is R
    [InlineData("\U00010D00", TextDirection.RightToLeft)] // Hanifi Rohingya
    [InlineData("\U00020000", TextDirection.LeftToRight)]
    [InlineData("123 ...", null)]
    [InlineData("", null)]
    [InlineData("\u2067abc", null)] // unmatched initiator hides the rest
    public void FirstStrongDirection_cases(string text, TextDirection? expected) =>
        Assert.Equal(expected, Bidi.FirstStrongDirection(text));

    [Fact]
    public void Lone_surrogates_are_neutral()
    {
        // Built in code: attribute arguments cannot carry lone surrogates (they are stored as UTF-8).
        var high = new string('\uD83D', 1);
        var low = new string('\uDE00', 1);

        Assert.Null(Bidi.FirstStrongDirection(low + high));
        Assert.Equal(TextDirection.RightToLeft, Bidi.FirstStrongDirection(high + " \u05D0"));
        Assert.Equal(TextDirection.LeftToRight, Bidi.FirstStrongDirection(low + high + "a"));
        Assert.Equal(StrongDirections.None, Bidi.ScanStrong(high + "1" + low));
        Assert.Null(Bidi.FirstStrongDirection(high + low)); // the pair is U+1F600, an emoji (ON)
    }

    [Theory]
    [InlineData("", StrongDirections.None)]
    [InlineData("2026 — 12:30", StrongDirections.None)]
    [InlineData("Hello", StrongDirections.LeftToRight)]
    [InlineData("مرحبا ١٢", StrongDirections.RightToLeft)]
    [InlineData("iPhone 17 يصل", StrongDirections.Both)]
    [InlineData("\u2067abc\u2069 שלום", StrongDirections.Both)]
    public void ScanStrong_cases(string text, StrongDirections expected) =>
        Assert.Equal(expected, Bidi.ScanStrong(text));

    [Theory]
    [InlineData(0x202A, true, true)]
    [InlineData(0x202B, true, true)]
    [InlineData(0x202C, true, true)]
    [InlineData(0x202D, true, true)]
    [InlineData(0x202E, true, true)]
    [InlineData(0x2066, false, true)]
    [InlineData(0x2069, false, true)]
    [InlineData(0x200E, false, true)]
    [InlineData(0x200F, false, true)]
    [InlineData(0x061C, false, true)]
    [InlineData(0x2029, false, false)]
    [InlineData(0x202F, false, false)]
    [InlineData(0x206A, false, false)]
    [InlineData('a', false, false)]
    [InlineData(-5, false, false)]
    public void Control_predicates(int codePoint, bool embedding, bool control)
    {
        Assert.Equal(embedding, Bidi.IsEmbeddingControl(codePoint));
        Assert.Equal(control, Bidi.IsBidiControl(codePoint));
    }
}
