using System.Diagnostics;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using FeedKit.Formats;
using FeedKit.Formats.Atom;
using FeedKit.Formats.Json;
using FeedKit.Formats.Rss;
using FeedKit.Interop;
using FeedKit.Model;

namespace FeedKit.Benchmarks;

/// <summary>
/// Peak working-set growth while writing N items to a file, one fresh process per writer (peak memory only
/// ever grows, so writers must not share a process). FeedKit's writers stream from an IAsyncEnumerable;
/// SSMS needs a SyndicationFeed with every item in memory, built from a list as its users do.
/// </summary>
internal static class MemoryCheck
{
    public static readonly string[] Writers = ["feedkit-atom", "feedkit-rss", "feedkit-json", "ssms-atom", "ssms-rss"];

    /// <summary>Runs each writer in its own child process and prints a Markdown table.</summary>
    public static async Task<int> RunAllAsync(int items)
    {
        Console.WriteLine($"Peak working-set growth writing {items:N0} items to a file (one process per writer):");
        Console.WriteLine();
        Console.WriteLine("| writer | file size | peak working set before | peak after | growth |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var writer in Writers)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!)
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            {
                start.ArgumentList.Add(typeof(MemoryCheck).Assembly.Location);
            }

            start.ArgumentList.Add("memory-one");
            start.ArgumentList.Add(writer);
            start.ArgumentList.Add(items.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var process = Process.Start(start)!;
            var line = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"{writer} failed with exit code {process.ExitCode}");
                return process.ExitCode;
            }

            Console.Write(line);
        }

        return 0;
    }

    /// <summary>Measures one writer in this process and prints one table row.</summary>
    public static async Task<int> RunOneAsync(string writer, int items)
    {
        var generator = new ArticleGenerator(ArticleGenerator.DefaultSeedFile);
        var path = Path.Combine(Path.GetTempPath(), $"feedkit-memory-{Environment.ProcessId}.{writer}");
        try
        {
            // Warm up: the same code paths on a small feed, so JIT and first-use allocations are in the baseline.
            await WriteAsync(writer, generator, 50, path);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = PeakWorkingSet();

            await WriteAsync(writer, generator, items, path);
            var after = PeakWorkingSet();
            var size = new FileInfo(path).Length;
            Console.WriteLine($"| {writer} | {Mb(size)} | {Mb(before)} | {Mb(after)} | **{Mb(after - before)}** |");
            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task WriteAsync(string writer, ArticleGenerator generator, int items, string path)
    {
        switch (writer)
        {
            case "feedkit-atom":
                await new AtomFeedWriter().WriteToFileAsync(new Feed(ArticleGenerator.Info(), generator.CreateAsync(items)), path);
                break;
            case "feedkit-rss":
                await new RssFeedWriter().WriteToFileAsync(new Feed(ArticleGenerator.Info(), generator.CreateAsync(items)), path);
                break;
            case "feedkit-json":
                await new JsonFeedWriter().WriteToFileAsync(new Feed(ArticleGenerator.Info(), generator.CreateAsync(items)), path);
                break;
            case "ssms-atom":
            case "ssms-rss":
                var feed = new Feed(ArticleGenerator.Info(), generator.CreateMany(items).ToList()).ToSyndicationFeed();
                using (var stream = File.Create(path))
                using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
                {
                    SyndicationFeedFormatter formatter = writer == "ssms-atom" ? new Atom10FeedFormatter(feed) : new Rss20FeedFormatter(feed);
                    formatter.WriteTo(xml);
                }

                break;
            default:
                throw new ArgumentException($"unknown writer {writer}; use one of {string.Join(", ", Writers)}");
        }
    }

    private static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }

    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):0.0} MB";
}
