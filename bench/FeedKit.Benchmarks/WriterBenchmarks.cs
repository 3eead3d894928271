using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using FeedKit.Formats.Atom;
using FeedKit.Formats.Json;
using FeedKit.Formats.Rss;
using FeedKit.Interop;
using FeedKit.Model;

namespace FeedKit.Benchmarks;

/// <summary>
/// The same generated Arabic items written by FeedKit's three writers, by SSMS's two formatters, by hand on
/// XmlWriter and on Utf8JsonWriter, and the transcoding floor. Output goes to one reused stream whose buffer is
/// already grown, so that only the writing is measured.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 2, iterationCount: 7)]
public class WriterBenchmarks
{
    private readonly MemoryStream _output = new();
    private List<Article> _articles = [];
    private Feed _feed = null!;
    private FeedInfo _info = null!;
    private SyndicationFeed _ssms = null!;
    private AtomFeedWriter _atom = null!;
    private RssFeedWriter _rss = null!;
    private JsonFeedWriter _json = null!;

    /// <summary>Items in the feed: 100, 1,000, 10,000 and 100,000, or the list in FEEDKIT_BENCH_N (e.g. "1000").</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes =>
        (Environment.GetEnvironmentVariable("FEEDKIT_BENCH_N") ?? "100,1000,10000,100000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture));

    [GlobalSetup]
    public void Setup()
    {
        var generator = new ArticleGenerator(ArticleGenerator.DefaultSeedFile);
        _articles = [.. generator.CreateMany(N)];
        _info = ArticleGenerator.Info();
        _feed = new Feed(_info, _articles);
        _ssms = _feed.ToSyndicationFeed();
        _atom = new AtomFeedWriter();
        _rss = new RssFeedWriter();
        _json = new JsonFeedWriter();

        // Grow the reused buffer once.
        _atom.Write(_feed, _output);
        _output.Position = 0;
    }

    [Benchmark(Description = "FeedKit Atom")]
    public long FeedKitAtom() => Run(s => _atom.Write(_feed, s));

    [Benchmark(Description = "FeedKit RSS")]
    public long FeedKitRss() => Run(s => _rss.Write(_feed, s));

    /// <summary>
    /// The same Atom, streamed (WriteAsync from an IAsyncEnumerable): each article is checked just before it is
    /// written, so its text is read while still in the caches, where the whole-feed Write checks every article
    /// before writing any.
    /// </summary>
    [Benchmark(Description = "FeedKit Atom, streamed")]
    public long FeedKitAtomStreamed() => Run(s => _atom.WriteAsync(new Feed(_info, Stream(_articles)), s).GetAwaiter().GetResult());

    [Benchmark(Description = "FeedKit JSON Feed")]
    public long FeedKitJson() => Run(s => _json.Write(_feed, s));

    [Benchmark(Description = "SSMS Atom10FeedFormatter")]
    public long SsmsAtom() => Run(s => WriteSsms(new Atom10FeedFormatter(_ssms), s));

    [Benchmark(Description = "SSMS Rss20FeedFormatter")]
    public long SsmsRss() => Run(s => WriteSsms(new Rss20FeedFormatter(_ssms), s));

    [Benchmark(Description = "hand-written Atom on XmlWriter")]
    public long HandWrittenAtom() => Run(s => Baselines.AtomOnXmlWriter(_info, _articles, s));

    [Benchmark(Baseline = true, Description = "hand-written Atom straight to UTF-8")]
    public long DirectUtf8() => Run(s => DirectUtf8Atom.Write(_info, _articles, s));

    [Benchmark(Description = "hand-written JSON Feed on Utf8JsonWriter")]
    public long HandWrittenJson() => Run(s => Baselines.JsonFeedOnUtf8JsonWriter(_info, _articles, s));

    [Benchmark(Description = "UTF-16 to UTF-8 of the text alone (floor)")]
    public long TranscodeFloor() => Run(s => Baselines.TranscodeOnly(_articles, s));

#pragma warning disable CS1998 // an async iterator over a list: it never waits, as an in-memory source would not
    private static async IAsyncEnumerable<Article> Stream(List<Article> articles)
    {
        foreach (var article in articles)
        {
            yield return article;
        }
    }
#pragma warning restore CS1998

    private long Run(Action<Stream> write)
    {
        _output.Position = 0;
        write(_output);
        return _output.Position;
    }

    private static void WriteSsms(SyndicationFeedFormatter formatter, Stream output)
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
        formatter.WriteTo(xml);
    }
}
