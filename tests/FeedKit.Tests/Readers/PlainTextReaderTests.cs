using System.Text;
using FeedKit.Model;
using FeedKit.Readers;

namespace FeedKit.Tests.Readers;

/// <summary>The plain-text reader behind IArticleReader: block lines, a note for dropped chrome, errors with file, line and column.</summary>
public sealed class PlainTextReaderTests
{
    private static ArticleReadResult Read(string text) => new PlainTextReader().Read("story.txt", Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Headline_standfirst_and_blocks_have_their_lines()
    {
        var source = Assert.Single(Read("\nHeadline\n\nStandfirst\nwrapped.\n\nSubheading\n\nA paragraph.\n").Articles);
        Assert.Equal("Headline", source.Headline);
        Assert.Equal(2, source.Locations.Find("Headline")!.Value.Line);
        Assert.Equal(4, source.Locations.Find("Standfirst")!.Value.Line);
        Assert.Equal(7, source.Locations.Find("Body[0]")!.Value.Line);
        Assert.Equal(9, source.Locations.Find("Body[1].Text")!.Value.Line);
        Assert.Equal("story", source.Slug);
    }

    [Fact]
    public void Each_dropped_chrome_line_is_a_note_with_its_line_text_and_reason()
    {
        var result = Read("Headline\n\nStandfirst.\n\nBody.\n\nRelated articles\nBack to top\n");
        Assert.All(result.Notes, n => Assert.Equal(ReaderNoteKind.DroppedLines, n.Kind));
        Assert.Equal([7, 8], result.Notes.Select(n => n.Position!.Value.Line));
        Assert.Equal(
            ["story.txt:7: dropped \"Related articles\": trailing page chrome: phrase \"related articles\" (en)", "story.txt:8: dropped \"Back to top\": trailing page chrome: phrase \"back to top\" (en)"],
            result.Notes.Select(n => n.ToString()));
        Assert.Equal(new Block[] { new Paragraph("Body.") }, Assert.Single(result.Articles).Body.ToArray());
    }

    [Fact]
    public void Blocks_after_leading_chrome_have_their_own_lines()
    {
        // A breadcrumb above the headline and a share line directly under it: the headline is line 2, the standfirst line 4.
        var source = Assert.Single(Read("Home › World\nHeadline\nShare | Facebook | WhatsApp\nStandfirst.\n\nBody.\n").Articles);
        Assert.Equal("Headline", source.Headline);
        Assert.Equal(2, source.Locations.Find("Headline")!.Value.Line);
        Assert.Equal(4, source.Locations.Find("Standfirst")!.Value.Line);
        Assert.Equal(6, source.Locations.Find("Body[0]")!.Value.Line);
    }

    [Fact]
    public void The_seed_reads_with_a_note_for_its_chrome()
    {
        var result = new ArticleReaders(new PlainTextReader()).ReadFile(TestFeeds.SeedFile);
        Assert.Equal(19, Assert.Single(result.Articles).Body.Length);
        Assert.Contains(result.Notes, n => n.Kind == ReaderNoteKind.DroppedLines);
    }

    [Theory]
    [InlineData("Headline\n\nab\u0001c\n", 3, 3, "U+0001")]
    [InlineData("Headline\n\n\uFFFE\n", 3, 1, "U+FFFE")]
    public void Characters_xml_cannot_carry_name_the_file_line_and_column(string text, int line, int column, string what)
    {
        var error = Assert.Throws<ArticleReadException>(() => Read(text));
        Assert.Equal(new SourcePosition(line, column), error.Position);
        Assert.StartsWith($"story.txt:{line}:{column}: {what}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_an_error_naming_the_file()
    {
        var error = Assert.Throws<ArticleReadException>(() => Read("\n\n"));
        Assert.StartsWith("story.txt:1:1: the text is empty", error.Message, StringComparison.Ordinal);
    }
}
