using System.Diagnostics;
using FeedKit.Formats.Atom;

namespace FeedKit.Tests.Formats;

/// <summary>
/// Every Atom document FeedKit's tests produce is checked against RFC 4287's RELAX NG schema with jing
/// (Debian's <c>jing</c> package, which <c>.ci/run</c> installs). Without jing the test fails under CI=true
/// and says how to get it elsewhere.
/// </summary>
public sealed class AtomSchemaTests
{
    private static readonly string Schema = Path.Combine(AppContext.BaseDirectory, "Schemas", "atom.rnc");

    [Fact]
    public async Task Every_case_and_the_seed_are_valid_RFC_4287()
    {
        var jing = FindJing();
        if (jing is null)
        {
            Assert.Fail("jing is not installed (apt-get install jing); .ci/run installs it. The Atom schema check cannot run without it.");
        }

        var directory = Directory.CreateTempSubdirectory("feedkit-rnc-");
        try
        {
            var files = new List<string>();
            foreach (var name in TestFeeds.CaseNames)
            {
                var path = Path.Combine(directory.FullName, name + ".atom");
                await File.WriteAllTextAsync(path, new AtomFeedWriter().WriteToString(TestFeeds.Cases[name]()));
                files.Add(path);
            }

            var seed = Path.Combine(directory.FullName, "seed.atom");
            using (var stream = File.Create(seed))
            {
                Assert.Equal(0, FeedKit.Cli.FeedKitCli.Run(["build", TestFeeds.SeedDirectory], stream, TextWriter.Null));
            }

            files.Add(seed);

            // The check must be able to fail: a document the schema rejects.
            var broken = Path.Combine(directory.FullName, "broken.atom");
            await File.WriteAllTextAsync(broken, "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title dir=\"rtl\">x</title></feed>");

            var (code, output) = await RunJing(jing, files);
            Assert.True(code == 0, $"jing rejected FeedKit's output:\n{output}");
            var (brokenCode, brokenOutput) = await RunJing(jing, [broken]);
            Assert.NotEqual(0, brokenCode);
            Assert.Contains("dir", brokenOutput, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string? FindJing()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(folder, "jing");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static async Task<(int Code, string Output)> RunJing(string jing, IEnumerable<string> files)
    {
        var start = new ProcessStartInfo(jing) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Schema);
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
