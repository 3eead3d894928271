namespace FeedKit.Cli.Tests;

/// <summary>
/// <c>build</c> prints the lint's warnings on stderr with what to do; <c>--strict</c> makes them fail the run; keys
/// under <c>articles</c> that match no file are warned about; one error does not drag in a false one; what a warning
/// asks for can be given.
/// </summary>
public sealed class BuildWarningsTests
{
    private const string Settings = """{ "title": "T", "siteUrl": "https://example.com/", "authors": [ { "name": "Desk" } ], "published": "2026-01-01T00:00:00Z" }""";

    [Fact]
    public void A_plain_text_articles_missing_language_is_a_warning_saying_how_to_set_it_in_the_settings()
    {
        using var folder = new TempFolder();
        folder.Write("feedkit.json", Settings);
        var file = folder.Write("story.txt", "العنوان\n\nالمقدمة.\n\nنص المقال.\n");
        var (code, output, errors) = CliRunner.Run("build", folder.Path);
        Assert.Equal(0, code);
        Assert.Contains("<entry>", output, StringComparison.Ordinal);
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"warning: {file}", lines[0], StringComparison.Ordinal);
        Assert.Contains("right-to-left text but no language", lines[0], StringComparison.Ordinal);
        Assert.Equal("  to fix: set the article's language in feedkit.json: \"articles\": { \"story\": { \"language\": \"ar\" } }; the whole feed's with \"language\" in feedkit.json or --language", lines[1]);
    }

    [Fact]
    public void A_markdown_articles_hint_names_its_front_matter()
    {
        using var folder = new TempFolder();
        folder.Write("feedkit.json", Settings);
        folder.Write("post.md", "---\ntitle: العنوان\n---\nنص المقال.\n");
        var (code, _, errors) = CliRunner.Run("build", folder.Path);
        Assert.Equal(0, code);
        Assert.Contains("  to fix: set the article's language in its front matter (\"lang: ar\")", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Following_the_hint_removes_the_warning()
    {
        using var folder = new TempFolder();
        folder.Write("feedkit.json", """{ "title": "T", "siteUrl": "https://example.com/", "authors": [ { "name": "Desk" } ], "published": "2026-01-01T00:00:00Z", "articles": { "story": { "language": "ar" } } }""");
        folder.Write("story.txt", "العنوان\n\nالمقدمة.\n\nنص المقال.\n");
        var (code, output, errors) = CliRunner.Run("build", folder.Path);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, errors);
        Assert.Contains("xml:lang=\"ar\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Quiet_hides_warnings_unless_strict()
    {
        using var folder = new TempFolder();
        folder.Write("feedkit.json", Settings);
        folder.Write("story.txt", "العنوان\n\nالمقدمة.\n\nنص المقال.\n");
        Assert.Equal(string.Empty, CliRunner.Run("build", folder.Path, "--quiet").Err);
        Assert.Contains("right-to-left text but no language", CliRunner.Run("build", folder.Path, "--quiet", "--strict").Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_makes_a_warning_fail_the_build_with_exit_code_1_and_nothing_written()
    {
        using var folder = new TempFolder();
        folder.Write("feedkit.json", Settings);
        folder.Write("story.txt", "العنوان\n\nالمقدمة.\n\nنص المقال.\n");
        var target = Path.Combine(folder.Path, "out", "feed.atom");
        var (code, output, errors) = CliRunner.Run("build", folder.Path, "--strict", "--out", target);
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.False(File.Exists(target));
        Assert.EndsWith("error: 1 warning(s) and --strict: nothing written\n", errors, StringComparison.Ordinal);

        var (stdoutCode, stdout, _) = CliRunner.Run("build", folder.Path, "--strict");
        Assert.Equal(1, stdoutCode);
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public void Strict_passes_a_clean_feed_and_lint_strict_fails_on_warnings()
    {
        Assert.Equal(0, CliRunner.Run("build", CliRunner.SeedDirectory, "--strict").Code);
        using var folder = new TempFolder();
        folder.Write("feedkit.json", Settings);
        folder.Write("story.txt", "العنوان\n\nالمقدمة.\n\nنص المقال.\n");
        Assert.Equal(0, CliRunner.Run("lint", folder.Path).Code);
        Assert.Equal(1, CliRunner.Run("lint", folder.Path, "--strict").Code);
    }

    [Fact]
    public void An_articles_key_that_matches_no_file_is_a_warning_with_its_line_and_the_nearest_name()
    {
        using var folder = new TempFolder();
        var settings = folder.Write("feedkit.json", """
            {
              "title": "T", "siteUrl": "https://example.com/", "authors": [ { "name": "Desk" } ], "published": "2026-01-01T00:00:00Z",
              "articles": {
                "story": { "language": "en" },
                "summitt": { "language": "en" }
              }
            }
            """);
        folder.Write("story.txt", "Headline\n\nBody.\n");
        folder.Write("summit.txt", "Headline\n\nBody.\n");
        const string Expected = ":5: articles.summitt: matches no article file; a key is a file's name without its extension (\"story\" for story.md); did you mean \"summit\"?";

        var (code, _, errors) = CliRunner.Run("build", folder.Path);
        Assert.Equal(0, code);
        Assert.Equal($"warning: {settings}{Expected}\n", errors);

        var lint = CliRunner.Run("lint", folder.Path);
        Assert.Equal(0, lint.Code);
        Assert.Equal($"warning: {settings}{Expected}\n", lint.Out);
        Assert.Contains("0 error(s), 1 warning(s)", lint.Err, StringComparison.Ordinal);

        Assert.Equal(1, CliRunner.Run("build", folder.Path, "--strict").Code);
    }

    [Fact]
    public void An_articles_key_with_the_files_extension_matches()
    {
        using var folder = new TempFolder();
        folder.Write("feedkit.json", """{ "title": "T", "siteUrl": "https://example.com/", "authors": [ { "name": "Desk" } ], "published": "2026-01-01T00:00:00Z", "articles": { "story.txt": { "language": "en" } } }""");
        folder.Write("story.txt", "Headline\n\nBody.\n");
        var (code, _, errors) = CliRunner.Run("build", folder.Path);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, errors);
    }

    [Theory]
    [InlineData("build")]
    [InlineData("lint")]
    public void An_article_without_a_date_gets_its_error_and_no_false_needs_updated_one(string command)
    {
        using var folder = new TempFolder();
        folder.Write("feedkit.json", """{ "title": "T", "siteUrl": "https://example.com/", "authors": [ { "name": "Desk" } ] }""");
        var file = folder.Write("post.md", "---\ntitle: Hello\n---\nBody.\n");
        var (code, output, errors) = CliRunner.Run(command, folder.Path);
        Assert.Equal(1, code);
        var report = (command == "lint" ? output : errors).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var error = Assert.Single(report);
        Assert.StartsWith($"error: {file}: no publication date", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Updated", output + errors, StringComparison.Ordinal);
    }

    [Fact]
    public void An_images_byte_length_from_front_matter_silences_the_rss_warning()
    {
        using var folder = new TempFolder();
        folder.Write("feedkit.json", Settings);
        var post = folder.Write("post.md", "---\ntitle: Hello\nlang: en\nimage: https://example.com/a.jpg\n---\nBody.\n");
        var (code, output, errors) = CliRunner.Run("build", folder.Path, "--format", "rss");
        Assert.Equal(0, code);
        Assert.Contains($"warning: {post}", errors, StringComparison.Ordinal);
        Assert.Contains("LeadImage.Length: the file's size is not known", errors, StringComparison.Ordinal);
        Assert.Contains("  to fix: give the image's size in bytes in the front matter: \"image_length: 48213\"", errors, StringComparison.Ordinal);

        folder.Write("post.md", "---\ntitle: Hello\nlang: en\nimage: https://example.com/a.jpg\nimage_length: 48213\n---\nBody.\n");
        (code, output, errors) = CliRunner.Run("build", folder.Path, "--format", "rss");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, errors);
        Assert.Contains("<enclosure url=\"https://example.com/a.jpg\" length=\"48213\" type=\"image/jpeg\" />", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_images_byte_length_from_a_json_article_silences_the_rss_warning()
    {
        using var folder = new TempFolder();
        folder.Write("feedkit.json", Settings);
        var article = folder.Write("post.json", """{ "headline": "Hello", "language": "en", "leadImage": { "url": "https://example.com/a.jpg" }, "body": [ { "type": "paragraph", "text": "Body." } ] }""");
        var (code, _, errors) = CliRunner.Run("build", folder.Path, "--format", "rss");
        Assert.Equal(0, code);
        Assert.Contains($"warning: {article}", errors, StringComparison.Ordinal);
        Assert.Contains("  to fix: give the image's size in bytes: \"length\": 48213 in its \"leadImage\"", errors, StringComparison.Ordinal);

        folder.Write("post.json", """{ "headline": "Hello", "language": "en", "leadImage": { "url": "https://example.com/a.jpg", "length": 48213 }, "body": [ { "type": "paragraph", "text": "Body." } ] }""");
        var (fixedCode, output, fixedErrors) = CliRunner.Run("build", folder.Path, "--format", "rss");
        Assert.Equal(0, fixedCode);
        Assert.Equal(string.Empty, fixedErrors);
        Assert.Contains("length=\"48213\"", output, StringComparison.Ordinal);
    }
}
