using System.Text;
using FeedKit.Readers;

namespace FeedKit.Markdown.Tests;

/// <summary>Input meant to break a reader gives a clear error naming the file, never an unhandled exception.</summary>
public sealed class HostileMarkdownTests
{
    [Fact]
    public void A_flow_mapping_cut_short_is_a_front_matter_error_not_an_escaping_exception()
    {
        // Found by fuzzing in CI: YamlDotNet threw ArgumentException ("unsupported type") out of the reader.
        var bytes = File.ReadAllBytes(Fixture.PathOf("fuzz/flow-mapping-cut-short.md"));
        var error = Assert.Throws<ArticleReadException>(() => new MarkdownArticleReader().Read("cut.md", bytes));
        Assert.Contains("front matter", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("audio: http:::::::.com/ep-3.    mp3\naudio_type: audio/mpeg\naudio_length: 100\n", "Media[0].Url", 3)]
    [InlineData("image: \"http:::x/a.jpg\"\n", "LeadImage.Url", 3)]
    public void A_link_that_cannot_be_resolved_is_an_error_at_its_line_not_an_escaping_exception(string key, string field, int line)
    {
        // Found by fuzzing (markdown target, podcast corpus): "http:::::::.com/…" is a relative reference to Uri, but
        // resolving it against the article's URL threw UriFormatException out of ArticleSource.ToArticle.
        var source = new MarkdownArticleReader().Read("ep-3.md", Encoding.UTF8.GetBytes("---\ntitle: حلقة\n" + key + "date: 2026-03-14\n---\nنص.\n"));
        var error = Assert.Throws<ArticleReadException>(() => Assert.Single(source.Articles).ToArticle(Fixture.Defaults));
        Assert.Equal("ep-3.md", error.File);
        Assert.Equal(field, error.Field);
        Assert.Equal(line, error.Position?.Line);
        Assert.Contains("is not a URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quotes_nested_past_markdigs_limit_are_an_error_with_the_file()
    {
        var error = Assert.Throws<ArticleReadException>(() => Fixture.ReadText("# T\n\n" + new string('>', 128) + " deep\n", "deep.md"));
        Assert.StartsWith("deep.md: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void Deeply_nested_flow_collections_are_refused_before_they_overflow_the_stack(string open, string close)
    {
        // 200,000 levels overflowed YamlDotNet's recursive scanner and killed the process.
        var text = "---\ntitle: T\nx: " + string.Concat(Enumerable.Repeat(open, 200_000)) + string.Concat(Enumerable.Repeat(close, 200_000)) + "\n---\nx\n";
        var error = Assert.Throws<ArticleReadException>(() => Fixture.ReadText(text, "deep.md"));
        Assert.StartsWith("deep.md:3: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("more than 32 deep", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title: T\ntags: [a,\n> b]\n")]
    [InlineData("tags: [a,\n>]\n")]
    [InlineData("x: [\n>\n]\n")]
    public void A_block_scalar_indicator_inside_a_flow_sequence_is_a_front_matter_error(string yaml)
    {
        // Found by fuzzing (the markdown target): YamlDotNet's scanner threw InvalidOperationException, which escaped
        // the reader instead of an ArticleReadException.
        var error = Assert.Throws<ArticleReadException>(() => Fixture.ReadText("---\n" + yaml + "---\n\ntext\n", "flow.md"));
        Assert.StartsWith("flow.md:2: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Brackets_in_quoted_text_and_comments_do_not_count_as_nesting()
    {
        var brackets = new string('[', 100);
        var source = Assert.Single(Fixture.ReadText($"---\ntitle: \"{brackets}\" # {brackets}\n---\nx\n").Articles);
        Assert.Equal(brackets, source.Headline);
    }

    [Fact]
    public void Yaml_aliases_that_multiply_are_refused()
    {
        var yaml = new StringBuilder("---\ntitle: T\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 0; i < 8; i++)
        {
            yaml.Append((char)('b' + i)).Append(": &").Append((char)('b' + i)).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*" + (char)('a' + i), 10))).Append("]\n");
        }

        yaml.Append("---\nx\n");
        var error = Assert.Throws<ArticleReadException>(() => Fixture.ReadText(yaml.ToString(), "bomb.md"));
        Assert.Contains("too large", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("---\ntitle: \"a\uFFFEb\"\n---\nx\n", 2, 10, "U+FFFE")]
    [InlineData("# T\n\n\U0002FFFF\n", 3, 1, "U+2FFFF")]
    public void Noncharacters_name_their_line_and_column(string text, int line, int column, string what)
    {
        var error = Assert.Throws<ArticleReadException>(() => Fixture.ReadText(text, "nc.md"));
        Assert.Equal(new SourcePosition(line, column), error.Position);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_escape_in_a_double_quoted_yaml_value_is_checked_too()
    {
        var error = Assert.Throws<ArticleReadException>(() => Fixture.ReadText("---\ntitle: \"a\\uFFFEb\"\n---\nx\n", "esc.md"));
        Assert.Equal(2, error.Position!.Value.Line);
        Assert.Contains("U+FFFE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_files_are_refused()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("# T\n")).ToArray();
        var error = Assert.Throws<ArticleReadException>(() => new MarkdownArticleReader().Read("u16.md", bytes));
        Assert.Contains("UTF-16", error.Message, StringComparison.Ordinal);
    }
}
