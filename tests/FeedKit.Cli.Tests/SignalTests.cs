using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace FeedKit.Cli.Tests;

/// <summary>
/// A signal that ends the process while <c>--out</c> is written (SIGHUP when the terminal closes, SIGTERM from a
/// service manager) cancels the run: the temporary file is deleted, the old file stays, the exit code is 128 plus
/// the signal's number.
/// </summary>
public sealed class SignalTests : IClassFixture<SignalTests.BigArticles>
{
    private readonly BigArticles _articles;

    public SignalTests(BigArticles articles) => _articles = articles;

    [UnixFact]
    public void Sighup_while_out_is_written_deletes_the_temporary_file_and_exits_129() => Interrupt("HUP", 129);

    [UnixFact]
    public void Sigterm_while_out_is_written_deletes_the_temporary_file_and_exits_143() => Interrupt("TERM", 143);

    private void Interrupt(string signal, int exitCode)
    {
        using var target = new TempFolder();
        var path = target.Write("feed.atom", "previous");
        using var process = CliRunner.StartProcess(
            null,
            "build",
            _articles.Folder.Path,
            "--title",
            "T",
            "--site-url",
            "https://example.com/",
            "--author",
            "A",
            "--published",
            "2026-01-02T03:04:05Z",
            "--quiet",
            "--out",
            path);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        // The signal as soon as the temporary file is there: the writing has begun, some 20 MB are still to go.
        var clock = Stopwatch.StartNew();
        while (!target.FileNames().Any(name => name.EndsWith(".tmp", StringComparison.Ordinal)))
        {
            if (process.HasExited)
            {
                Assert.Fail($"feedkit ended (exit code {process.ExitCode}) before it wrote: {stderr.Result}");
            }

            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "no temporary file in 2 minutes");
            Thread.Sleep(1);
        }

        CliRunner.Exec("kill", "-" + signal, process.Id.ToString(CultureInfo.InvariantCulture));
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "feedkit did not end after the signal");
        Assert.Equal(exitCode, process.ExitCode);
        Assert.Equal("feedkit: cancelled\n", stderr.Result.ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, stdout.Result);
        Assert.Equal(["feed.atom"], target.FileNames());
        Assert.Equal("previous", File.ReadAllText(path));
    }

    /// <summary>1,200 plain-text articles of some 16 KB each, made once for the class.</summary>
    public sealed class BigArticles : IDisposable
    {
        public BigArticles()
        {
            var paragraph = string.Concat(Enumerable.Repeat("نص طويل للخبر ", 100));
            var body = new StringBuilder();
            for (var i = 0; i < 6; i++)
            {
                body.Append(paragraph).Append("\n\n");
            }

            for (var i = 0; i < 1200; i++)
            {
                Folder.Write($"a{i:D4}.txt", $"الخبر رقم {i}\n\nملخص الخبر.\n\n{body}");
            }
        }

        public TempFolder Folder { get; } = new();

        public void Dispose() => Folder.Dispose();
    }
}
