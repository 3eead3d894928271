using System.Text;
using FeedKit.Readers;

namespace FeedKit.Tests.Readers;

/// <summary>The one decoder every reader uses: strict UTF-8, what XML cannot carry refused with line and column, NFC without ICU.</summary>
public sealed class ArticleFileTextTests
{
    private static ArticleReadException Refuse(byte[] bytes) =>
        Assert.Throws<ArticleReadException>(() => ArticleFileText.Decode("a.md", bytes));

    [Fact]
    public void A_byte_order_mark_is_dropped_and_line_ends_become_lf()
    {
        var text = ArticleFileText.Decode("a.txt", [0xEF, 0xBB, 0xBF, .. "a\r\nb\rc\n"u8]);
        Assert.Equal("a\nb\nc\n", text);
    }

    [Fact]
    public void Text_is_put_in_nfc()
    {
        Assert.Equal("\u00E9", ArticleFileText.Decode("a.txt", Encoding.UTF8.GetBytes("e\u0301")));
    }

    [Fact]
    public void Invalid_utf8_names_its_line_and_column()
    {
        var error = Refuse([.. "ab\nسلام "u8, 0xC3, 0x28]);
        Assert.Equal(new SourcePosition(2, 6), error.Position);
        Assert.Contains("not valid UTF-8", error.Reason, StringComparison.Ordinal);
        Assert.StartsWith("a.md:2:6: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x61, 0x00 })]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x61 })]
    public void Utf16_is_refused(byte[] bytes)
    {
        var error = Refuse(bytes);
        Assert.Contains("UTF-16", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_without_a_byte_order_mark_is_refused_at_its_first_nul()
    {
        var error = Refuse(Encoding.Unicode.GetBytes("title\n"));
        Assert.Equal(new SourcePosition(1, 2), error.Position);
        Assert.Contains("U+0000", error.Reason, StringComparison.Ordinal);
        Assert.Contains("UTF-16", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x\nab\uFFFEc", 2, 3, "U+FFFE")]
    [InlineData("x\n\uFFFF", 2, 1, "U+FFFF")]
    [InlineData("\U0001FFFE", 1, 1, "U+1FFFE")]
    [InlineData("ok \U0010FFFF", 1, 4, "U+10FFFF")]
    [InlineData("a\u0000b", 1, 2, "U+0000")]
    [InlineData("a\r\nb\u0001", 2, 2, "U+0001")]
    public void Characters_xml_cannot_carry_name_their_line_and_column(string text, int line, int column, string what)
    {
        var error = Refuse(Encoding.UTF8.GetBytes(text));
        Assert.Equal(new SourcePosition(line, column), error.Position);
        Assert.Contains(what, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_supplementary_characters_pass()
    {
        Assert.Equal("😀 \U0001FFFD", ArticleFileText.Decode("a.txt", Encoding.UTF8.GetBytes("😀 \U0001FFFD")));
    }
}
