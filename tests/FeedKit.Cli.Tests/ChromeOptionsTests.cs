namespace FeedKit.Cli.Tests;

/// <summary>
/// Page chrome on the command line: every dropped line is printed by <c>build --verbose</c> and listed by
/// <c>lint</c>; <c>"chrome"</c> in feedkit.json adds and removes phrases or turns the rule off.
/// </summary>
public sealed class ChromeOptionsTests
{
    private const string Settings = """{ "title": "T", "siteUrl": "https://example.com/", "authors": [ { "name": "Desk" } ], "published": "2026-01-01T00:00:00Z", "language": "ar" """;

    private static string Story(TempFolder folder, string text, string chrome = "")
    {
        folder.Write("feedkit.json", Settings + (chrome.Length > 0 ? ", \"chrome\": " + chrome : string.Empty) + " }");
        return folder.Write("story.txt", text);
    }

    [Fact]
    public void Build_verbose_prints_each_dropped_line_with_file_line_text_and_why()
    {
        var (code, output, errors) = CliRunner.Run("build", CliRunner.SeedDirectory, "--verbose");
        Assert.Equal(0, code);
        Assert.DoesNotContain("مقالات ذات صلة", output, StringComparison.Ordinal);
        var file = Path.Combine(CliRunner.SeedDirectory, "000_0a1375d98b8308ea.txt");
        Assert.Equal(
            [
                $"note: {file}:43: dropped \"مقالات ذات صلة\": trailing page chrome: phrase \"مقالات ذات صلة\" (ar)",
                $"note: {file}:45: dropped \"زر الذهاب إلى الأعلى\": trailing page chrome: phrase \"زر الذهاب إلى الأعلى\" (ar)",
            ],
            errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Build_without_verbose_prints_no_dropped_line()
    {
        var (code, _, errors) = CliRunner.Run("build", CliRunner.SeedDirectory);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, errors);
    }

    [Fact]
    public void Adjacent_chrome_lines_are_each_reported_and_a_real_short_last_paragraph_stays()
    {
        using var folder = new TempFolder();
        var file = Story(folder, "العنوان\n\nالمقدمة.\n\nفقرة أولى.\n\nانتهى الاجتماع.\nمقالات ذات صلة\nشارك\nالعودة إلى الأعلى\n");
        var (code, output, _) = CliRunner.Run("lint", folder.Path);
        Assert.Equal(0, code);
        var dropped = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(" dropped ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, dropped.Count);
        Assert.StartsWith($"note: {file}:8: dropped \"مقالات ذات صلة\": trailing page chrome", dropped[0], StringComparison.Ordinal);
        Assert.StartsWith($"note: {file}:9: dropped \"شارك\"", dropped[1], StringComparison.Ordinal);
        Assert.StartsWith($"note: {file}:10: dropped \"العودة إلى الأعلى\"", dropped[2], StringComparison.Ordinal);
        var feed = CliRunner.Run("build", folder.Path).Out;
        Assert.Contains("انتهى الاجتماع", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("شارك", feed, StringComparison.Ordinal);
    }

    [Fact]
    public void Chrome_enabled_false_keeps_every_line()
    {
        using var folder = new TempFolder();
        Story(folder, "Headline\n\nStandfirst.\n\nBody.\n\nRelated articles\nBack to top\n", """{ "enabled": false }""");
        var (code, output, errors) = CliRunner.Run("build", folder.Path, "--verbose");
        Assert.Equal(0, code);
        Assert.Contains("Related articles", output, StringComparison.Ordinal);
        Assert.Contains("Back to top", output, StringComparison.Ordinal);
        Assert.DoesNotContain("dropped", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void An_added_phrase_drops_a_line_that_otherwise_stays()
    {
        using var folder = new TempFolder();
        const string Text = "العنوان\n\nالمقدمة.\n\nفقرة أولى.\n\nقصص أخرى من موقعنا\n";
        Story(folder, Text);
        Assert.Contains("قصص أخرى من موقعنا", CliRunner.Run("build", folder.Path).Out, StringComparison.Ordinal);

        var file = Story(folder, Text, """{ "add": [ "قصص أخرى من موقعنا" ] }""");
        var (code, output, errors) = CliRunner.Run("build", folder.Path, "--verbose");
        Assert.Equal(0, code);
        Assert.DoesNotContain("قصص أخرى من موقعنا", output, StringComparison.Ordinal);
        Assert.Equal($"note: {file}:7: dropped \"قصص أخرى من موقعنا\": trailing page chrome: added phrase \"قصص أخرى من موقعنا\"\n", errors);
    }

    [Fact]
    public void A_removed_phrase_keeps_a_line_that_otherwise_goes()
    {
        using var folder = new TempFolder();
        const string Text = "Headline\n\nStandfirst.\n\nBody.\n\nBack to top\n";
        Story(folder, Text);
        Assert.DoesNotContain("Back to top", CliRunner.Run("build", folder.Path).Out, StringComparison.Ordinal);

        Story(folder, Text, """{ "remove": [ "back to top" ] }""");
        var (code, output, errors) = CliRunner.Run("build", folder.Path, "--verbose");
        Assert.Equal(0, code);
        Assert.Contains("Back to top", output, StringComparison.Ordinal);
        Assert.DoesNotContain("dropped", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Unlisted_false_keeps_short_lines_the_structural_rule_would_drop()
    {
        using var folder = new TempFolder();
        const string Text = "Headline\n\nStandfirst.\n\nBody.\n\nOur newest stories\nBack to top\n";
        Story(folder, Text);
        var before = CliRunner.Run("build", folder.Path).Out;
        Assert.DoesNotContain("Our newest stories", before, StringComparison.Ordinal);

        Story(folder, Text, """{ "unlisted": false }""");
        var after = CliRunner.Run("build", folder.Path).Out;
        Assert.Contains("Our newest stories", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Back to top", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "add": [ "" ] }""", "chrome.add[0]: a chrome phrase cannot be empty or null")]
    [InlineData("""{ "enable": false }""", "enable")]
    [InlineData("""{ "add": "Share" }""", "chrome.add")]
    public void Bad_chrome_settings_are_usage_errors_naming_the_key(string chrome, string message)
    {
        using var folder = new TempFolder();
        Story(folder, "Headline\n\nBody.\n", chrome);
        var (code, _, errors) = CliRunner.Run("build", folder.Path);
        Assert.Equal(2, code);
        Assert.Contains(message, errors, StringComparison.Ordinal);
        Assert.StartsWith("error: ", errors, StringComparison.Ordinal);
    }
}
