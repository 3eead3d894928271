using System.Text;
using System.Xml.Linq;

namespace FeedKit.Cli.Tests;

/// <summary>
/// A folder of 1,000 generated articles (plain text, Markdown and JSON), built in-process and as a process:
/// progress on stderr, nothing but the feed on stdout, the same bytes both ways and on every run.
/// </summary>
public sealed class LargeRunTests : IClassFixture<LargeRunTests.Articles>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly Articles _articles;

    public LargeRunTests(Articles articles) => _articles = articles;

    [Fact]
    public void In_process_the_feed_has_every_article_newest_first_and_progress_goes_to_stderr()
    {
        var (code, output, errors) = CliRunner.Run("build", _articles.Folder.Path);
        Assert.True(code == 0, errors);
        var feed = XDocument.Parse(output);
        var entries = feed.Root!.Elements(Atom + "entry").ToList();
        Assert.Equal(1000, entries.Count);
        Assert.Equal("https://example.com/news/a0999", entries[0].Element(Atom + "id")!.Value);
        Assert.Equal("https://example.com/news/a0000", entries[^1].Element(Atom + "id")!.Value);
        Assert.Equal("ar", (string?)feed.Root!.Attribute(XNamespace.Xml + "lang"));

        // Not a terminal: ten plain lines, counting files, never times.
        var progress = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"feedkit: reading {i * 100}/1000 files"), progress);
    }

    [Fact]
    public void On_a_terminal_progress_is_a_bar_redrawn_in_place()
    {
        var (code, _, errors) = CliRunner.Run(new CliContext(StderrIsTerminal: true), "build", _articles.Folder.Path);
        Assert.Equal(0, code);
        Assert.StartsWith("\rreading [", errors, StringComparison.Ordinal);
        Assert.EndsWith("\rreading [##############################] 1000/1000\n", errors, StringComparison.Ordinal);
        Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Quiet_prints_nothing_and_small_runs_no_progress()
    {
        Assert.Equal(string.Empty, CliRunner.Run("build", _articles.Folder.Path, "--quiet").Err);
        Assert.Equal(string.Empty, CliRunner.Run("build", CliRunner.SeedDirectory).Err);
        Assert.Equal("feedkit: reading 1/1 files\n", CliRunner.Run("build", CliRunner.SeedDirectory, "--progress").Err);
    }

    [Fact]
    public void As_a_process_stdout_is_exactly_the_feed_and_matches_the_in_process_bytes()
    {
        var inProcess = CliRunner.Run("build", _articles.Folder.Path, "--format", "json");
        var (code, output, errors) = CliRunner.RunProcess(null, "build", _articles.Folder.Path, "--format", "json");
        Assert.True(code == 0, errors);
        Assert.Equal(inProcess.Out, Encoding.UTF8.GetString(output));
        Assert.Contains("feedkit: reading 1000/1000 files", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void As_a_process_out_writes_the_file_atomically_and_file_times_change_nothing()
    {
        using var target = new TempFolder();
        var path = Path.Combine(target.Path, "feed.rss");
        var (code, output, errors) = CliRunner.RunProcess(null, "build", _articles.Folder.Path, "--format", "rss", "--out", path);
        Assert.True(code == 0, errors);
        Assert.Empty(output);
        Assert.Contains($"feedkit: wrote 1000 article(s) to {path}", errors, StringComparison.Ordinal);
        var first = File.ReadAllBytes(path);

        foreach (var file in Directory.GetFiles(_articles.Folder.Path).Take(50))
        {
            File.SetLastWriteTimeUtc(file, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        Assert.Equal(0, CliRunner.RunProcess(null, "build", _articles.Folder.Path, "--format", "rss", "--out", path).Code);
        Assert.Equal(first, File.ReadAllBytes(path));
        Assert.Equal(["feed.rss"], target.FileNames());
        Assert.Equal(1000, XDocument.Parse(Encoding.UTF8.GetString(first)).Descendants("item").Count());
    }

    [Fact]
    public void As_a_process_lint_and_usage_errors_give_their_exit_codes()
    {
        var lint = CliRunner.RunProcess(null, "lint", _articles.Folder.Path, "--quiet");
        Assert.Equal(0, lint.Code);
        Assert.Empty(lint.Out);

        var usage = CliRunner.RunProcess(null, "build", _articles.Folder.Path, "--format", "pdf");
        Assert.Equal(2, usage.Code);
        Assert.Empty(usage.Out);
        Assert.Contains("pdf", usage.Err, StringComparison.Ordinal);

        var invalid = CliRunner.RunProcess(null, "build", _articles.Folder.Path, "--title", " ", "--quiet");
        Assert.Equal(1, invalid.Code);
        Assert.Empty(invalid.Out);
        Assert.Contains("error: feed.Title", invalid.Err, StringComparison.Ordinal);
    }

    /// <summary>1,000 articles, a third each plain text, Markdown and JSON, made once for the class.</summary>
    public sealed class Articles : IDisposable
    {
        public Articles()
        {
            // Plain text has no metadata of its own: its dates are under "articles" in the settings.
            var dates = new StringBuilder();
            var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(3));
            for (var i = 0; i < 1000; i++)
            {
                var date = start.AddMinutes(i).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
                var name = $"a{i:D4}";
                switch (i % 3)
                {
                    case 0:
                        Folder.Write(name + ".md", $"---\ntitle: الخبر رقم {i}\npublished: {date}\ntags: [عام]\n---\nفقرة أولى عن الخبر {i}.\n\n## تفاصيل\n\n- نقطة\n- أخرى\n");
                        break;
                    case 1:
                        Folder.Write(name + ".json", $$"""{ "headline": "الخبر رقم {{i}}", "published": "{{date}}", "body": [ { "type": "paragraph", "text": "نص الخبر {{i}}." } ] }""");
                        break;
                    default:
                        Folder.Write(name + ".txt", $"الخبر رقم {i}\n\nملخص الخبر.\n\nنص الخبر {i}.\n");
                        dates.Append(dates.Length == 0 ? "" : ",\n").Append($"    \"{name}\": {{ \"published\": \"{date}\" }}");
                        break;
                }
            }

            Folder.Write("feedkit.json", $$"""
                {
                  "title": "أخبار مولدة",
                  "siteUrl": "https://example.com/news/",
                  "language": "ar",
                  "authors": [ { "name": "غرفة الأخبار" } ],
                  "articles": {
                {{dates}}
                  }
                }
                """);
        }

        public TempFolder Folder { get; } = new();

        public void Dispose() => Folder.Dispose();
    }
}
