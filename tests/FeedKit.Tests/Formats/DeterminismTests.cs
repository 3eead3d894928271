using System.Diagnostics;
using System.Globalization;
using FeedKit.Formats;
using FeedKit.Formats.Atom;
using FeedKit.Formats.Rss;

namespace FeedKit.Tests.Formats;

/// <summary>The same input gives the same bytes, whatever the culture and whether ICU is there at all.</summary>
public sealed class DeterminismTests
{
    public static TheoryData<string> Cultures => ["ar-SA", "fa-IR", "he-IL", "th-TH"];

    private static byte[] WriteAll(FeedWriter writer)
    {
        using var stream = new MemoryStream();
        foreach (var name in TestFeeds.CaseNames)
        {
            writer.Write(TestFeeds.Cases[name](), stream);
        }

        return stream.ToArray();
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Bytes_do_not_depend_on_the_current_culture(string culture)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        byte[] invariantAtom, invariantRss;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            invariantAtom = WriteAll(new AtomFeedWriter());
            invariantRss = WriteAll(new RssFeedWriter());

            var specific = new CultureInfo(culture);

            // The culture is real (ICU data is there): its long date differs from the invariant one
            // (Hijri or Solar Hijri calendar, Hebrew or Thai month names), so a culture leak would show.
            Assert.NotEqual(
                TestFeeds.Morning.ToString("D", CultureInfo.InvariantCulture),
                TestFeeds.Morning.ToString("D", specific));

            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = specific;
            Assert.Equal(invariantAtom, WriteAll(new AtomFeedWriter()));
            Assert.Equal(invariantRss, WriteAll(new RssFeedWriter()));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Fact]
    public void Writing_twice_gives_the_same_bytes()
    {
        Assert.Equal(WriteAll(new AtomFeedWriter()), WriteAll(new AtomFeedWriter()));
        Assert.Equal(WriteAll(new RssFeedWriter()), WriteAll(new RssFeedWriter()));
    }

    /// <summary>
    /// Runs the CLI in a separate process with .NET's invariant globalization mode (no ICU, no culture data):
    /// language and direction come from FeedKit's own data, so the seed's feeds are byte for byte the same.
    /// </summary>
    [Theory]
    [InlineData("atom")]
    [InlineData("rss")]
    [InlineData("json")]
    public async Task Seed_feed_is_identical_under_InvariantGlobalization(string format)
    {
        Assert.Equal(await RunCli(invariant: false, "build", TestFeeds.SeedDirectory, "--format", format), await RunCli(invariant: true, "build", TestFeeds.SeedDirectory, "--format", format));
    }

    /// <summary>
    /// Decomposed input (e + combining acute, alef + combining hamza) comes out in NFC with or without ICU:
    /// .NET's own string.Normalize does nothing under InvariantGlobalization, FeedKit's normalizer does not depend on it.
    /// </summary>
    [Fact]
    public async Task Text_is_put_in_NFC_without_ICU_too()
    {
        var folder = Directory.CreateTempSubdirectory("feedkit-nfc-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "a.txt"), "Cafe\u0301 \u0627\u0654\u0643\u062F\n\nStand.\n\nBody.\n");
            string[] args = ["build", folder.FullName, "--title", "T", "--site-url", "https://example.com/", "--published", "2026-01-01T00:00:00Z", "--author", "A", "--language", "ar"];
            var icu = await RunCli(invariant: false, args);
            var invariant = await RunCli(invariant: true, args);
            Assert.Equal(icu, invariant);
            Assert.Contains("Caf\u00E9 \u0623\u0643\u062F", System.Text.Encoding.UTF8.GetString(invariant), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<byte[]> RunCli(bool invariant, params string[] args)
    {

        var cli = Path.Combine(AppContext.BaseDirectory, "FeedKit.Cli.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = invariant ? "true" : "false";
        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_PREDEFINED_CULTURES_ONLY"] = "false";
        start.Environment["LANG"] = "ar_SA.UTF-8";
        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        await copy;
        var errorText = await errors;
        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}: {errorText}");
        return output.ToArray();
    }
}
