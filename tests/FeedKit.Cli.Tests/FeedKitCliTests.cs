using System.Text;
using FeedKit.Cli;

namespace FeedKit.Cli.Tests;

/// <summary>FeedKit's main job: the seed article in, its feeds out.</summary>
public sealed class FeedKitCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        // The public entry point, as a host program would call it.
        using var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var code = FeedKitCli.Run(args, stdout, stderr);
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    private static class TestFeeds
    {
        public static string SeedDirectory => CliRunner.SeedDirectory;

        public static string SeedFile => CliRunner.SeedFile;
    }

    [Fact]
    public async Task Seed_atom()
    {
        var (code, output, errors) = Run("build", TestFeeds.SeedDirectory);
        Assert.True(code == 0, errors);
        Assert.Equal(string.Empty, errors);
        await Verifier.Verify(output, "xml");
    }

    [Fact]
    public async Task Seed_rss()
    {
        var (code, output, errors) = Run("build", TestFeeds.SeedDirectory, "--format", "rss");
        Assert.True(code == 0, errors);
        await Verifier.Verify(output, "xml");
    }

    [Fact]
    public async Task Seed_json()
    {
        var (code, output, errors) = Run("build", TestFeeds.SeedDirectory, "--format", "json");
        Assert.True(code == 0, errors);
        await Verifier.Verify(output, "json");
    }

    [Fact]
    public void A_file_and_its_folder_give_the_same_feed()
    {
        Assert.Equal(Run("build", TestFeeds.SeedDirectory).Out, Run("build", TestFeeds.SeedFile).Out);
    }

    [Fact]
    public void Out_writes_the_file_and_nothing_on_stdout()
    {
        var directory = Directory.CreateTempSubdirectory("feedkit-cli-");
        try
        {
            var target = Path.Combine(directory.FullName, "feed.atom");
            var (code, output, errors) = Run("build", TestFeeds.SeedDirectory, "--out", target);
            Assert.Equal(0, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains("wrote 1 article(s)", errors, StringComparison.Ordinal);
            Assert.Equal(Run("build", TestFeeds.SeedDirectory).Out, File.ReadAllText(target));
            Assert.Equal(["feed.atom"], directory.GetFiles().Select(f => f.Name));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_date_is_an_article_error_naming_the_file_never_the_clock()
    {
        var directory = Directory.CreateTempSubdirectory("feedkit-cli-");
        try
        {
            File.Copy(TestFeeds.SeedFile, Path.Combine(directory.FullName, "story.txt"));
            var (code, output, errors) = Run("build", directory.FullName, "--title", "T", "--site-url", "https://example.com/", "--language", "ar");
            Assert.Equal(1, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains("story.txt: no publication date", errors, StringComparison.Ordinal);

            (code, output, _) = Run("build", directory.FullName, "--title", "T", "--site-url", "https://example.com/", "--language", "ar", "--author", "Desk", "--published", "2021-06-16T19:30:00Z");
            Assert.Equal(0, code);
            Assert.Contains("<id>https://example.com/story</id>", output, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--language", "ar_SA")]
    [InlineData("--published", "2021-06-16 19:30")]
    [InlineData("--format", "pdf")]
    [InlineData("--direction", "up")]
    public void Bad_options_exit_2_with_a_message(string option, string value)
    {
        var (code, output, errors) = Run("build", TestFeeds.SeedDirectory, option, value);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(value, errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_exits_2()
    {
        var (code, _, errors) = Run("build", "no/such/folder");
        Assert.Equal(2, code);
        Assert.Contains("no/such/folder: no such file or folder", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_articles_exit_1_naming_the_file()
    {
        var (code, output, errors) = Run("build", TestFeeds.SeedDirectory, "--site-url", "https://example.com/news/", "--self-url", "https://example.com/feed");
        Assert.Equal(0, code);
        Assert.NotEmpty(output);

        (code, output, errors) = Run("build", TestFeeds.SeedDirectory, "--title", " ");
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("error: feed.Title: is empty", errors, StringComparison.Ordinal);
    }
}
