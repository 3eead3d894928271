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

    [UnixFact]
    public void Links_to_folders_are_not_followed_so_each_file_comes_once_and_link_cycles_end()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", Article("A"));
        folder.Write("sub/b.md", Article("B"));
        folder.Write("c1/c.md", Article("C"));
        folder.Write("c2/d.md", Article("D"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "sub", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "c1", "next"), "../c2");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "c2", "next"), "../c1");
        var glob = Path.Combine(folder.Path, "**", "*.md");

        var notices = new StringWriter { NewLine = "\n" };
        var collecting = Task.Run(() => InputFiles.Collect([glob], notices));
        Assert.True(collecting.Wait(TimeSpan.FromSeconds(60)), "the walk did not end");
        Assert.Equal(["a.md", "c1/c.md", "c2/d.md", "sub/b.md"], collecting.Result.Select(f => Path.GetRelativePath(folder.Path, f).Replace('\\', '/')));
        Assert.Equal(
            $"feedkit: {folder.Path}/c1/next: a link to a folder, not followed\n"
            + $"feedkit: {folder.Path}/c2/next: a link to a folder, not followed\n"
            + $"feedkit: {folder.Path}/sub/up: a link to a folder, not followed\n",
            notices.ToString());

        // The whole run: every article once, so no duplicate ids.
        var building = Task.Run(() => CliRunner.Run("build", glob, "--title", "T", "--site-url", "https://example.com/", "--author", "A"));
        Assert.True(building.Wait(TimeSpan.FromSeconds(60)), "the build did not end");
        var (code, output, errors) = building.Result;
        Assert.True(code == 0, errors);
        Assert.Equal(4, output.Split("<entry", StringSplitOptions.None).Length - 1);
    }

    [UnixFact]
    public void A_named_pipe_is_skipped_with_a_message_instead_of_blocking_the_run()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", Article("A"));
        var pipe = Path.Combine(folder.Path, "x.txt");
        CliRunner.Exec("mkfifo", pipe);

        foreach (var path in new[] { folder.Path, Path.Combine(folder.Path, "*"), Path.Combine(folder.Path, "**", "*.txt") })
        {
            var building = Task.Run(() => CliRunner.Run("build", path, "--title", "T", "--site-url", "https://example.com/", "--author", "A"));
            Assert.True(building.Wait(TimeSpan.FromSeconds(60)), $"{path}: the build blocked on the pipe");
            var (code, output, errors) = building.Result;
            Assert.StartsWith($"feedkit: {pipe}: not a regular file, skipped\n", errors, StringComparison.Ordinal);
            if (path.EndsWith(".txt", StringComparison.Ordinal))
            {
                Assert.Equal(2, code);
                Assert.Contains("no article files match", errors, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(code == 0, errors);
                Assert.Contains("<title>A</title>", output, StringComparison.Ordinal);
            }
        }
    }

    private static string Article(string title) => $"---\ntitle: {title}\npublished: 2026-01-02T03:04:05Z\n---\nText of {title}.\n";
}
