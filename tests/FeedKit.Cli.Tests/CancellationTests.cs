namespace FeedKit.Cli.Tests;

/// <summary>Ctrl+C (the token Program.cs cancels) stops a run without leaving a half-written feed.</summary>
public sealed class CancellationTests
{
    [Fact]
    public void A_cancelled_build_exits_130_and_leaves_the_previous_file_alone()
    {
        using var folder = new TempFolder();
        var target = folder.Write("feed.atom", "previous");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var (code, output, errors) = CliRunner.Run(new CliContext(Cancellation: cancelled.Token), "build", CliRunner.SeedDirectory, "--out", target);
        Assert.Equal(130, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal("feedkit: cancelled\n", errors);
        Assert.Equal("previous", File.ReadAllText(target));
        Assert.Equal(["feed.atom"], folder.FileNames());
    }

    [Fact]
    public void Cancelling_while_the_file_is_written_removes_the_temporary_file()
    {
        using var folder = new TempFolder();
        var target = folder.Write("feed.atom", "previous");
        using var cancellation = new CancellationTokenSource();

        // Cancelled once every article was read (the last progress line), so the writing itself is cut short.
        var stderr = new CancellingWriter(cancellation, "reading 1/1");
        using var stdout = new MemoryStream();
        var code = FeedKitCli.Run(["build", CliRunner.SeedDirectory, "--out", target, "--progress"], stdout, stderr, new CliContext(Cancellation: cancellation.Token));
        Assert.Equal(130, code);
        Assert.True(stderr.Cancelled);
        Assert.Equal("previous", File.ReadAllText(target));
        Assert.Equal(["feed.atom"], folder.FileNames());
    }

    [UnixFact]
    public void Cancelling_while_the_files_are_collected_exits_130_before_any_is_read()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", "---\ntitle: A\npublished: 2026-01-02T03:04:05Z\n---\nA.\n");
        folder.Write("sub/b.md", "---\ntitle: B\npublished: 2026-01-02T03:04:05Z\n---\nB.\n");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "sub", "up"), "..");
        using var cancellation = new CancellationTokenSource();

        // Cancelled by the line about the link, which the walk writes before it has finished.
        var stderr = new CancellingWriter(cancellation, "not followed");
        using var stdout = new MemoryStream();
        var code = FeedKitCli.Run(
            ["build", Path.Combine(folder.Path, "**", "*.md"), "--title", "T", "--site-url", "https://example.com/", "--author", "A", "--progress"],
            stdout,
            stderr,
            new CliContext(Cancellation: cancellation.Token));
        Assert.Equal(130, code);
        Assert.True(stderr.Cancelled);
        Assert.Equal(0, stdout.Length);
        Assert.DoesNotContain("reading", stderr.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("feedkit: cancelled\n", stderr.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    private sealed class CancellingWriter(CancellationTokenSource source, string trigger) : StringWriter
    {
        public bool Cancelled { get; private set; }

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value is not null && value.Contains(trigger, StringComparison.Ordinal))
            {
                Cancelled = true;
                source.Cancel();
            }
        }
    }
}
