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
        var (code, output, errors) = CliRunner.Run("build", folder.Path, "--title", "T", "--site-url", "https://example.com/", "--published", "2026-01-01T00:00:00Z");
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"error: {file}:{line}:", errors, StringComparison.Ordinal);
        Assert.Contains(message, errors, StringComparison.Ordinal);
    }

    [Fact]
    public void The_settings_file_is_not_an_article()
    {
        Assert.False(ArticleFiles.IsArticleFile("posts/feedkit.json"));
        Assert.True(ArticleFiles.IsArticleFile("posts/summit.json"));
        Assert.True(ArticleFiles.IsArticleFile("posts/a.MD"));
        Assert.False(ArticleFiles.IsArticleFile("posts/a.html"));
    }
}
