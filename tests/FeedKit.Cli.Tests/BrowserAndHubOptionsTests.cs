using FeedKit.Browser;

namespace FeedKit.Cli.Tests;

/// <summary><c>feedkit stylesheet</c>, and <c>build --stylesheet</c> / <c>--hub</c> (issue 7).</summary>
public sealed class BrowserAndHubOptionsTests
{
    [Fact]
    public void Stylesheet_prints_the_packaged_xslt_or_writes_it_to_a_file()
    {
        var (code, output, errors) = CliRunner.Run("stylesheet");
        Assert.True(code == 0, errors);
        Assert.Equal(FeedStylesheet.Text, output);

        var directory = Directory.CreateTempSubdirectory("feedkit-xsl-");
        try
        {
            var path = Path.Combine(directory.FullName, "public", "feed.xsl");
            Assert.Equal(0, CliRunner.Run("stylesheet", "--out", path).Code);
            Assert.Equal(FeedStylesheet.Text, File.ReadAllText(path));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("atom", "<link rel=\"hub\" href=\"https://hub.example.net/\" />")]
    [InlineData("rss", "<atom:link rel=\"hub\" href=\"https://hub.example.net/\" />")]
    public void Build_adds_the_stylesheet_instruction_and_hub_links(string format, string hubLink)
    {
        var (code, output, errors) = CliRunner.Run("build", CliRunner.SeedDirectory, "--format", format, "--stylesheet", "/feed.xsl", "--hub", "https://hub.example.net/");
        Assert.True(code == 0, errors);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"/feed.xsl\"?>\n", output, StringComparison.Ordinal);
        Assert.Contains(hubLink, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_gets_hubs()
    {
        var (code, output, errors) = CliRunner.Run("build", CliRunner.SeedDirectory, "--format", "json", "--hub", "https://hub.example.net/");
        Assert.True(code == 0, errors);
        Assert.Contains("\"hubs\": [", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--hub", "/relative-hub")]
    [InlineData("--hub", "ftp://example.com/hub")]
    [InlineData("--stylesheet", "javascript:alert(1)")]
    public void Bad_urls_are_usage_errors(string option, string value)
    {
        var (code, _, errors) = CliRunner.Run("build", CliRunner.SeedDirectory, option, value);
        Assert.Equal(2, code);
        Assert.Contains($"error: {option}:", errors, StringComparison.Ordinal);
    }
}
