using FeedKit.Cli.Readers;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Cli.Tests;

/// <summary>JSON article files: the documented schema, unknown fields refused, errors with lines.</summary>
public sealed class JsonArticleTests
{
    private const string Article = """
        {
          "headline": "ختام القمة",
          "standfirst": "القمة ناقشت الاستقرار",
          "id": "tag:example.com,2021:summit",
          "url": "https://example.com/news/summit",
          "published": "2021-06-16T21:30:00+02:00",
          "updated": "2021-06-17T08:00:00+02:00",
          "language": "ar",
          "authors": [ { "name": "غرفة الأخبار", "email": "news@example.com" } ],
          "tags": [ "جنيف" ],
          "leadImage": { "url": "https://example.com/summit.jpg", "alt": "القمة" },
          "body": [
            { "type": "paragraph", "text": "أكد الرئيس." },
            { "type": "subheading", "text": "محادثات" },
            { "type": "quote", "text": "We agreed.", "attribution": "Biden", "language": "en" },
            { "type": "list", "items": [ "أ", "ب" ], "ordered": true },
            { "type": "image", "url": "https://example.com/a.jpg", "caption": "جنيف" },
            { "type": "html", "html": "<table><tr><td>1</td></tr></table>" }
          ]
        }
        """;

    [Fact]
    public void Every_field_of_the_schema_is_read()
    {
        using var folder = new TempFolder();
        var source = ArticleReaders.Read(folder.Write("summit.json", Article));
        Assert.Equal("ختام القمة", source.Headline);
        Assert.Equal("القمة ناقشت الاستقرار", source.Standfirst);
        Assert.Equal("tag:example.com,2021:summit", source.Metadata.Id);
        Assert.Equal("2021-06-17T08:00:00+02:00", source.Metadata.Updated);
        Assert.Equal("news@example.com", source.Metadata.Authors![0].Email);
        Assert.Equal("القمة", source.LeadImage!.Alt);
        Assert.Equal(new Paragraph("أكد الرئيس."), source.Body[0]);
        Assert.Equal(new Subheading("محادثات"), source.Body[1]);
        Assert.Equal(new Quote("We agreed.") { Attribution = "Biden", Language = LanguageTag.Parse("en") }, source.Body[2]);
        Assert.Equal(new[] { "أ", "ب" }, Assert.IsType<ListBlock>(source.Body[3]).Items.ToArray());
        Assert.Equal("جنيف", Assert.IsType<ImageBlock>(source.Body[4]).Image.Caption);
        Assert.Equal(new RawHtml("<table><tr><td>1</td></tr></table>"), source.Body[5]);
        Assert.Equal(2, source.Lines.Find("Headline"));
        Assert.Equal(15, source.Lines.Find("Body[2].Language"));
    }

    [Fact]
    public async Task A_json_article_becomes_a_feed_entry()
    {
        using var folder = new TempFolder();
        folder.Write("summit.json", Article);
        var (code, output, errors) = CliRunner.Run("build", folder.Path, "--title", "أخبار", "--site-url", "https://example.com/news/", "--format", "rss");
        Assert.True(code == 0, errors);
        await Verifier.Verify(output, "xml");
    }

    [Theory]
    [InlineData("{\n  \"headline\": \"H\",\n  \"headlne\": \"typo\"\n}", 3, "headlne")]
    [InlineData("{\n  \"headline\": \"H\",\n  \"body\": [\n    { \"type\": \"para\", \"text\": \"x\" }\n  ]\n}", 4, "body[0].type: \"para\" is not a block type")]
    [InlineData("{\n  \"headline\": \"H\",\n  \"body\": [\n    { \"type\": \"quote\",\n      \"text\": \"x\",\n      \"language\": \"en_US\" }\n  ]\n}", 6, "body[0].language")]
    [InlineData("{\n  \"headline\": \"H\",\n  \"body\": [ { \"type\": \"list\" } ]\n}", 3, "a \"list\" block needs \"items\"")]
    [InlineData("{\n  \"headline\": \"H\"\n  \"tags\": []\n}", 3, "")]
    [InlineData("{\n  \"standfirst\": \"S\"\n}", 1, "no \"headline\"")]
    public void Errors_name_the_line(string json, int line, string message)
    {
        using var folder = new TempFolder();
        var file = folder.Write("bad.json", json);
        var error = Assert.Throws<ArticleException>(() => ArticleReaders.Read(file));
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_settings_file_is_not_an_article()
    {
        Assert.False(ArticleReaders.IsArticleFile("posts/feedkit.json"));
        Assert.True(ArticleReaders.IsArticleFile("posts/summit.json"));
        Assert.True(ArticleReaders.IsArticleFile("posts/a.MD"));
        Assert.False(ArticleReaders.IsArticleFile("posts/a.html"));
    }
}
