namespace FeedKit.Cli.Tests;

/// <summary>Files, folders and globs on the command line.</summary>
public sealed class InputFilesTests
{
    [Fact]
    public void Folders_give_their_article_files_and_globs_match_across_folders()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", "# A\n");
        folder.Write("b.txt", "B\n");
        folder.Write("c.json", "{}");
        folder.Write("feedkit.json", "{}");
        folder.Write("notes.html", "<p>");
        folder.Write("2026/03/d.md", "# D\n");
        folder.Write("2026/e.txt", "E\n");

        Assert.Equal(["a.md", "b.txt", "c.json"], InputFiles.Collect([folder.Path]).Select(Path.GetFileName));
        Assert.Equal(["d.md"], InputFiles.Collect([Path.Combine(folder.Path, "2026", "*", "*.md")]).Select(Path.GetFileName));
        Assert.Equal(["2026/03/d.md", "a.md"], InputFiles.Collect([Path.Combine(folder.Path, "**", "*.md")]).Select(f => Path.GetRelativePath(folder.Path, f)));
        Assert.Equal(["b.txt", "2026/e.txt"], InputFiles.Collect([Path.Combine(folder.Path, "?.txt"), Path.Combine(folder.Path, "**/*.txt")]).Select(f => Path.GetRelativePath(folder.Path, f)));
    }

    [Fact]
    public void A_glob_that_matches_nothing_is_a_usage_error()
    {
        using var folder = new TempFolder();
        var (code, output, errors) = CliRunner.Run("build", Path.Combine(folder.Path, "*.md"), "--title", "T", "--site-url", "https://example.com/");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("no article files match", errors, StringComparison.Ordinal);
    }
}
