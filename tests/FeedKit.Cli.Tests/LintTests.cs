namespace FeedKit.Cli.Tests;

/// <summary><c>feedkit lint</c>: the feed is built as for <c>build</c> and checked for every format.</summary>
public sealed class LintTests
{
    [Fact]
    public void The_seed_is_clean()
    {
        var (code, output, errors) = CliRunner.Run("lint", CliRunner.SeedDirectory);
        Assert.True(code == 0, output + errors);
        // No problem; the two lines of page chrome the reader dropped are listed, so a wrongly dropped one is seen.
        var file = Path.Combine(CliRunner.SeedDirectory, "000_0a1375d98b8308ea.txt");
        Assert.Equal(
            $"note: {file}:43: dropped \"مقالات ذات صلة\": trailing page chrome: phrase \"مقالات ذات صلة\" (ar)\n"
            + $"note: {file}:45: dropped \"زر الذهاب إلى الأعلى\": trailing page chrome: phrase \"زر الذهاب إلى الأعلى\" (ar)\n",
            output);
        Assert.Equal("feedkit: 1 file(s) checked: 0 error(s), 0 warning(s), 2 line(s) dropped as page chrome\n", errors);
    }

    [Fact]
    public void Problems_of_every_format_and_unreadable_files_are_reported_together_with_files_and_lines()
    {
        using var folder = new TempFolder();
        folder.Write("feedkit.json", """{ "title": "T", "siteUrl": "https://example.com/", "authors": [ { "name": "Desk" } ], "published": "2026-01-01T00:00:00Z" }""");
        // "ckb" is fine for Atom and JSON Feed, but RSS's <language> needs an ISO 639-1 code.
        folder.Write("kurdish.md", "---\ntitle: سڵاو\nlanguage: ckb\n---\nدەق.\n");
        folder.Write("broken.json", "{ \"headline\": 3 }");
        folder.Write("fine.txt", "Headline\n\nStandfirst.\n\nBody.\n");
        var (code, output, errors) = CliRunner.Run("lint", folder.Path);
        Assert.Equal(1, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith($"error: {Path.Combine(folder.Path, "broken.json")}:1:15: headline: expected a string, found a number", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"error: {Path.Combine(folder.Path, "kurdish.md")}:3: articles[", StringComparison.Ordinal) && l.Contains("ckb", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("fine.txt", StringComparison.Ordinal));
        var problems = lines.Where(l => !l.StartsWith("  to fix: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(problems.Count, problems.Distinct().Count());
        Assert.Contains(lines, l => l.StartsWith("  to fix: RSS needs an ISO 639 language", StringComparison.Ordinal));
        Assert.Contains("3 file(s) checked: 2 error(s)", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_writes_no_file_and_quiet_prints_no_summary()
    {
        using var folder = new TempFolder();
        File.Copy(CliRunner.SeedFile, Path.Combine(folder.Path, "story.txt"));
        var (code, output, errors) = CliRunner.Run("lint", folder.Path, "--title", "T", "--site-url", "https://example.com/", "--published", "2026-01-01T00:00:00Z", "--author", "A", "--language", "ar", "--quiet");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(string.Empty, errors);
        Assert.Equal(["story.txt"], folder.FileNames());
    }

    [Fact]
    public void Warnings_are_reported_but_do_not_fail_the_lint()
    {
        using var folder = new TempFolder();
        File.Copy(CliRunner.SeedFile, Path.Combine(folder.Path, "story.txt"));
        var (code, output, errors) = CliRunner.Run("lint", folder.Path, "--title", "T", "--site-url", "https://example.com/", "--published", "2026-01-01T00:00:00Z", "--author", "A");
        Assert.Equal(0, code);
        Assert.StartsWith($"warning: {Path.Combine(folder.Path, "story.txt")}", output, StringComparison.Ordinal);
        Assert.Contains("right-to-left text but no language", output, StringComparison.Ordinal);
        Assert.Contains("1 file(s) checked: 0 error(s), 1 warning(s)", errors, StringComparison.Ordinal);
    }
}
