using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using FeedKit.Formats;
using FeedKit.Formats.Atom;
using FeedKit.Formats.Json;
using FeedKit.Formats.Rss;
using FeedKit.Import;
using FeedKit.Lint;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Cli;

/// <summary>The options of <c>feedkit build</c>, after parsing.</summary>
internal sealed record BuildRequest(
    IReadOnlyList<string> Paths,
    string Format,
    string? Out,
    string? SettingsPath,
    string? Title,
    string? SiteUrl,
    string? SelfUrl,
    string? Language,
    string? Direction,
    string? Author,
    string? Published,
    bool NoGuard);

/// <summary>Builds a feed from plain-text article files.</summary>
internal static partial class BuildCommand
{
    public const string SettingsFileName = "feedkit.json";

    public static int Run(BuildRequest request, Stream stdout, TextWriter stderr)
    {
        if (request.Published is not null)
        {
            ParseDate(request.Published, "--published");
        }

        var files = CollectFiles(request.Paths);
        var settingsPath = request.SettingsPath ?? FindSettings(request.Paths);
        var settings = settingsPath is null ? new Settings() : Settings.Load(settingsPath);
        var info = BuildInfo(request, settings, settingsPath);
        var articles = files.Select(f => BuildArticle(f, request, settings, info)).ToList();

        // Newest first; the file name breaks ties, so the order never depends on the file system.
        var ordered = articles
            .OrderByDescending(a => a.Article.Published.UtcDateTime)
            .ThenBy(a => a.File, StringComparer.Ordinal)
            .ToList();

        var options = new FeedWriterOptions { FirstStrongGuard = !request.NoGuard };
        FeedWriter writer = request.Format switch
        {
            "rss" => new RssFeedWriter(options),
            "json" => new JsonFeedWriter(options),
            _ => new AtomFeedWriter(options),
        };
        if (info.SelfLink is null)
        {
            info = info with { SelfLink = new Uri(info.SiteLink, "feed." + writer.FileExtension) };
        }

        var feed = new Feed(info, ordered.Select(a => a.Article));
        try
        {
            if (request.Out is null)
            {
                writer.Write(feed, stdout);
                stdout.Flush();
            }
            else
            {
                WriteAtomically(request.Out, stream => writer.Write(feed, stream));
                stderr.WriteLine($"feedkit: wrote {ordered.Count} article(s) to {request.Out}");
            }
        }
        catch (FeedValidationException e)
        {
            foreach (var problem in e.Problems)
            {
                stderr.WriteLine($"error: {WithFileName(problem, ordered)}");
            }

            return ExitCodes.InvalidFeed;
        }

        return ExitCodes.Ok;
    }

    /// <summary>Writes to a temporary file beside the target, then moves it into place: never a half-written feed.</summary>
    internal static void WriteAtomically(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static string WithFileName(FeedProblem problem, List<(string File, Article Article)> ordered)
    {
        var match = ArticleIndex().Match(problem.Path);
        if (match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < ordered.Count)
        {
            return $"{ordered[index].File}: {problem}";
        }

        return problem.ToString();
    }

    [GeneratedRegex(@"^articles\[(\d+)\]")]
    private static partial Regex ArticleIndex();

    private static List<string> CollectFiles(IReadOnlyList<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path, "*.txt", SearchOption.TopDirectoryOnly);
                Array.Sort(found, StringComparer.Ordinal);
                files.AddRange(found);
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new CliException($"{path}: no such file or folder");
            }
        }

        if (files.Count == 0)
        {
            throw new CliException($"no article files (*.txt) in {string.Join(", ", paths)}");
        }

        return files;
    }

    private static string? FindSettings(IReadOnlyList<string> paths)
    {
        var first = paths[0];
        var folder = Directory.Exists(first) ? first : Path.GetDirectoryName(Path.GetFullPath(first));
        var candidate = folder is null ? null : Path.Combine(folder, SettingsFileName);
        return candidate is not null && File.Exists(candidate) ? candidate : null;
    }

    private static FeedInfo BuildInfo(BuildRequest request, Settings settings, string? settingsPath)
    {
        var source = settingsPath ?? "options";
        var title = request.Title ?? settings.Title
            ?? throw new CliException($"the feed needs a title: pass --title or set \"title\" in {SettingsFileName}");
        var site = request.SiteUrl ?? settings.SiteUrl
            ?? throw new CliException($"the feed needs the site's URL: pass --site-url or set \"siteUrl\" in {SettingsFileName}");
        var authors = request.Author is not null
            ? [new Author(request.Author)]
            : ToAuthors(settings.Authors, $"{source}: authors");
        return new FeedInfo
        {
            Title = title,
            Subtitle = settings.Subtitle,
            SiteLink = ParseUrl(site, "--site-url / siteUrl"),
            SelfLink = (request.SelfUrl ?? settings.SelfUrl) is { } self ? ParseUrl(self, "--self-url / selfUrl") : null,
            Id = settings.Id,
            Language = ParseLanguage(request.Language ?? settings.Language, "--language / language"),
            Direction = ParseDirection(request.Direction ?? settings.Direction, "--direction / direction"),
            Authors = authors,
            Rights = settings.Rights,
            Icon = settings.Icon is null ? null : ParseUrl(settings.Icon, "icon"),
            Logo = settings.Logo is null ? null : ParseUrl(settings.Logo, "logo"),
        };
    }

    private static (string File, Article Article) BuildArticle(string file, BuildRequest request, Settings settings, FeedInfo info)
    {
        var name = Path.GetFileName(file);
        var slug = Path.GetFileNameWithoutExtension(file);
        PlainTextArticle text;
        try
        {
            text = PlainTextArticleReader.ReadFile(file);
        }
        catch (PlainTextFormatException e)
        {
            throw new CliException(e.Message);
        }

        ArticleSettings? own = null;
        settings.Articles?.TryGetValue(slug, out own);
        if (own is null)
        {
            settings.Articles?.TryGetValue(name, out own);
        }

        var where = $"{file}";
        var published = own?.Published ?? request.Published ?? settings.Published
            ?? throw new CliException($"{where}: no publication date; set \"published\" for it under \"articles\" in {SettingsFileName}, or a default \"published\" or --published (FeedKit never takes a date from the clock or the file)");
        var baseUrl = settings.ArticleBaseUrl is null ? info.SiteLink : ParseUrl(settings.ArticleBaseUrl, "articleBaseUrl");
        var url = own?.Url is { } explicitUrl
            ? ParseUrl(explicitUrl, $"{where}: url")
            : new Uri(WithTrailingSlash(baseUrl), Uri.EscapeDataString(slug));

        var article = new Article
        {
            Id = own?.Id,
            Url = url,
            Headline = text.Headline,
            Standfirst = text.Standfirst,
            Body = text.Body,
            Published = ParseDate(published, $"{where}: published"),
            Updated = own?.Updated is { } updated ? ParseDate(updated, $"{where}: updated") : null,
            Authors = ToAuthors(own?.Authors, $"{where}: authors"),
            Tags = own?.Tags is { } tags ? [.. tags] : [],
            Language = ParseLanguage(own?.Language, $"{where}: language"),
            Direction = ParseDirection(own?.Direction, $"{where}: direction"),
        };
        return (file, article);
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private static ImmutableArray<Author> ToAuthors(List<AuthorSettings>? authors, string where)
    {
        if (authors is null)
        {
            return [];
        }

        return [.. authors.Select((a, i) => new Author(a.Name ?? throw new CliException($"{where}[{i}]: an author needs a \"name\""))
        {
            Email = a.Email,
            Uri = a.Uri is null ? null : ParseUrl(a.Uri, $"{where}[{i}].uri"),
        })];
    }

    private static Uri ParseUrl(string value, string what) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new CliException($"{what}: \"{value}\" is not an absolute URL");

    private static LanguageTag? ParseLanguage(string? value, string what)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return LanguageTag.Parse(value);
        }
        catch (FormatException e)
        {
            throw new CliException($"{what}: {e.Message}");
        }
    }

    private static TextDirection? ParseDirection(string? value, string what) => value switch
    {
        null => null,
        "rtl" => TextDirection.RightToLeft,
        "ltr" => TextDirection.LeftToRight,
        _ => throw new CliException($"{what}: \"{value}\" is not a direction; use \"rtl\" or \"ltr\""),
    };

    /// <summary>RFC 3339 with an explicit offset: a date without one would depend on the machine's time zone.</summary>
    internal static DateTimeOffset ParseDate(string value, string what)
    {
        if (!Rfc3339().IsMatch(value)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new CliException($"{what}: \"{value}\" is not an RFC 3339 date with a time zone, such as \"2021-06-16T19:00:00+03:00\" or \"2021-06-16T16:00:00Z\"");
        }

        return date;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
