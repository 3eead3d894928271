using System.Text;
using FeedKit.Readers;
using FeedKit.Model;

namespace FeedKit.Tests.Readers;

public sealed class PlainTextArticleReaderTests
{
    private static PlainTextArticle Seed() => PlainTextArticleReader.ReadFile(TestFeeds.SeedFile);

    [Fact]
    public void Seed_has_headline_standfirst_three_subheadings_and_sixteen_paragraphs()
    {
        var seed = Seed();
        Assert.Equal("ختام القمة الروسية الأمريكية في جنيف", seed.Headline);
        Assert.Equal("القمة ناقشت الاستقرار والأزمات الإقليمية والعلاقات التجارية", seed.Standfirst);
        Assert.Equal(["محادثات مصغرة", "اللقاء الأول", "مواضيع الخلاف"], seed.Body.OfType<Subheading>().Select(s => s.Text));
        Assert.Equal(16, seed.Body.OfType<Paragraph>().Count());
        Assert.Equal(19, seed.Body.Length);
        Assert.StartsWith("أكد الرئيس الروسي", ((Paragraph)seed.Body[0]).Text, StringComparison.Ordinal);
        Assert.StartsWith("وقد أثارت تلك الخلافات", ((Paragraph)seed.Body[^1]).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_chrome_is_removed()
    {
        var texts = Seed().Body.Select(b => b switch { Paragraph p => p.Text, Subheading s => s.Text, _ => "" }).ToList();
        Assert.DoesNotContain(texts, t => t.Contains("مقالات ذات صلة", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("زر الذهاب إلى الأعلى", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seed_model_snapshot()
    {
        var seed = Seed();
        var dump = new StringBuilder()
            .Append("Headline: ").AppendLine(seed.Headline)
            .Append("Standfirst: ").AppendLine(seed.Standfirst)
            .AppendLine("Body:");
        foreach (var block in seed.Body)
        {
            dump.AppendLine(block switch
            {
                Subheading s => $"  Subheading: {s.Text}",
                Paragraph p => $"  Paragraph: {p.Text}",
                _ => $"  {block.GetType().Name}",
            });
        }

        await Verifier.Verify(dump.ToString(), "txt");
    }

    [Fact]
    public void CRLF_BOM_and_decomposed_text_read_the_same_as_clean_text()
    {
        var clean = "عنوان\n\nتمهيد\n\nفقرة أولى.\n";
        var messy = "\uFEFF" + "عنوان\r\n\r\nتمهيد\r\n\r\nفقرة أولى.\r\n";
        Assert.Equal(Flatten(PlainTextArticleReader.Read(clean)), Flatten(PlainTextArticleReader.Read(messy)));

        // "é" as e + combining acute (NFD) becomes the single code point U+00E9 (NFC).
        var decomposed = PlainTextArticleReader.Read("Caf\u0065\u0301\n\nx");
        Assert.Equal("Caf\u00E9", decomposed.Headline);

        // Arabic: alef + hamza above (U+0627 U+0654) composes to U+0623.
        Assert.Equal("\u0623\u0643\u062F", PlainTextArticleReader.Read("\u0627\u0654\u0643\u062F").Headline);
    }

    [Fact]
    public void Lines_of_a_block_are_joined()
    {
        var article = PlainTextArticleReader.Read("Title\n\nStand\nfirst\n\nOne line\nand the next.\n");
        Assert.Equal("Stand first", article.Standfirst);
        Assert.Equal("One line and the next.", Assert.IsType<Paragraph>(Assert.Single(article.Body)).Text);
    }

    [Fact]
    public void A_short_block_is_a_subheading_only_when_a_paragraph_follows()
    {
        var article = PlainTextArticleReader.Read("T\n\nS\n\nFirst paragraph.\n\nA heading\n\nSecond paragraph.\n\nNot a heading either\n\nTwo short\n\nblocks in a row\n\nThird.\n\nLast short block");
        Assert.Equal(
            ["P:First paragraph.", "H:A heading", "P:Second paragraph.", "P:Not a heading either", "P:Two short", "H:blocks in a row", "P:Third.", "P:Last short block"],
            article.Body.Select(b => b switch { Subheading s => "H:" + s.Text, Paragraph p => "P:" + p.Text, _ => "?" }));
    }

    [Theory]
    [InlineData("ما الذي حدث؟")]
    [InlineData("قال: «نعم».")]
    [InlineData("He said “yes.”")]
    [InlineData("نقطة، ثم فاصلة،")]
    public void A_short_block_with_closing_punctuation_is_a_paragraph(string block)
    {
        var article = PlainTextArticleReader.Read($"T\n\nS\n\n{block}\n\nA paragraph.");
        Assert.IsType<Paragraph>(article.Body[0]);
    }

    [Fact]
    public void Chrome_is_removed_only_at_the_ends_and_is_configurable()
    {
        var article = PlainTextArticleReader.Read("T\n\nS\n\nFirst.\n\nRelated articles\n\nBody text.\n\nRelated Articles\n\nBACK TO TOP\n");
        // Inside the text the same words stay (here, short and followed by a paragraph, as a subheading).
        Assert.Equal(["P:First.", "H:Related articles", "P:Body text."], article.Body.Select(b => b switch { Subheading s => "H:" + s.Text, Paragraph p => "P:" + p.Text, _ => "?" }));

        var custom = PlainTextArticleReader.Read("T\n\nS\n\nBody.\n\nSubscribe to the print edition", new PlainTextOptions { AddedChromePhrases = ["Subscribe to the print edition"] });
        Assert.Equal(["Body."], custom.Body.Select(b => ((Paragraph)b).Text));
    }

    [Fact]
    public void A_character_XML_cannot_carry_is_an_error_naming_the_line()
    {
        var error = Assert.Throws<PlainTextFormatException>(() => PlainTextArticleReader.Read("عنوان\r\n\r\nتمهيد\r\n\r\nفقرة\u0007 أولى"));
        Assert.Equal(5, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Equal("line 5, column 5: U+0007 (a control character) cannot be carried by XML; remove it from the text", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_UTF8_is_an_error_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"feedkit-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(path, [0x54, 0x0A, 0x0A, 0xFF, 0xFE]);
        try
        {
            var error = Assert.Throws<PlainTextFormatException>(() => PlainTextArticleReader.ReadFile(path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Equal(3, error.Line);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Empty_text_is_an_error()
    {
        var error = Assert.Throws<PlainTextFormatException>(() => PlainTextArticleReader.Read("\n \n\nمقالات ذات صلة\n"));
        Assert.Contains("headline", error.Message, StringComparison.Ordinal);
    }

    private static string Flatten(PlainTextArticle a) =>
        a.Headline + "|" + a.Standfirst + "|" + string.Join("|", a.Body.Select(b => ((Paragraph)b).Text));
}
