using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using FeedKit.Validation;
using FeedKit.Model;
using FeedKit.Readers;
using FeedKit.Text;

namespace FeedKit.Cli;

/// <summary>What <c>build</c> and <c>lint</c> share: the feed's options, from the command line and the settings file.</summary>
internal sealed record FeedOptions(
    IReadOnlyList<string> Paths,
    string? SettingsPath = null,
    string? Title = null,
    string? SiteUrl = null,
    string? SelfUrl = null,
    string? Language = null,
    string? Direction = null,
    string? Author = null,
    string? Published = null);

/// <summary>One article read from its file, and where its fields are in that file.</summary>
/// <param name="Categories">The categories the file names apart from its tags (front matter's <c>categories</c>); empty when none.</param>
internal sealed record ArticleEntry(string File, Article Article, ArticleLocations Locations, ImmutableArray<string> Categories);

/// <summary>
/// The feed built from the files: the articles that could be read (newest first), the errors of the others, and
/// the readers' notes (skipped drafts, ignored front-matter keys, dropped chrome).
/// </summary>
internal sealed class AssembledFeed(FeedInfo info, List<ArticleEntry> articles, List<string> errors, List<ReaderNote> notes, List<string> settingsWarnings)
{
    public FeedInfo Info { get; } = info;

    public List<ArticleEntry> Articles { get; } = articles;

    /// <summary>Errors of files that could not be read or whose metadata is wrong, each as <c>file:line: message</c>.</summary>
    public List<string> Errors { get; } = errors;

    /// <summary>What the readers skipped or ignored, printed as <c>note: file:line: message</c>.</summary>
    public List<ReaderNote> Notes { get; } = notes;

    /// <summary>What is wrong but harmless in the settings file (an <c>articles</c> key that matches no file), as <c>file:line: message</c>.</summary>
    public List<string> SettingsWarnings { get; } = settingsWarnings;

    /// <summary>The lines dropped as page chrome, each as <c>file:line: dropped "text": why</c>.</summary>
    public IEnumerable<ReaderNote> DroppedLines => Notes.Where(n => n.Kind == ReaderNoteKind.DroppedLines);

    /// <summary>The same feed with only <paramref name="articles"/> (a subset of <see cref="Articles"/>), for <c>--limit</c> and <c>--split-by</c>.</summary>
    public AssembledFeed With(FeedInfo info, IEnumerable<ArticleEntry> articles) => new(info, [.. articles], Errors, Notes, SettingsWarnings);

    /// <summary>
    /// The notes worth a line each: skipped drafts and list pages, and each ignored front-matter key once (a site's <c>layout</c>
    /// is in every post). Chrome dropped from scraped text is routine: <c>build --verbose</c> and <c>lint</c> print it.
    /// </summary>
    public IEnumerable<ReaderNote> NotesToPrint()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var note in Notes)
        {
            if (note.Kind is ReaderNoteKind.SkippedDraft or ReaderNoteKind.SkippedPage || (note.Kind == ReaderNoteKind.IgnoredKey && keys.Add(note.Message)))
            {
                yield return note;
            }
        }
    }

    public Feed ToFeed() => new(Info, Articles.Select(a => a.Article));

    /// <summary>
    /// The feed's problems less those that only follow from files that could not be read: a feed whose every article
    /// failed has "no articles", but its files' own errors already say what to fix.
    /// </summary>
    public IEnumerable<FeedProblem> WithoutFollowOnErrors(IEnumerable<FeedProblem> problems) =>
        Errors.Count > 0 && Articles.Count == 0
            ? problems.Where(p => p.Code != FeedProblemCodes.NeedsUpdated)
            : problems;

    /// <summary>A problem of the feed as <c>file:line: path: message</c> when it belongs to an article.</summary>
    public string Locate(FeedProblem problem)
    {
        if (problem.Path.ArticleIndex is { } index && index < Articles.Count)
        {
            return Articles[index].Locations.Prefix(problem.Path.Member) + problem;
        }

        return problem.ToString();
    }
}

/// <summary>
/// Reads the article files and the settings into a <see cref="Feed"/>, the same way for <c>build</c> and
/// <c>lint</c>. An article's metadata comes from, in order: its own file (front matter, JSON fields), its entry
/// under <c>articles</c> in the settings, the options (<c>--published</c>), the settings' defaults. Never from
/// the clock or the file system's times.
/// </summary>
internal static partial class FeedAssembler
{
    public const string SettingsFileName = "feedkit.json";

    /// <exception cref="CliException">Bad options or settings (exit code 2).</exception>
    public static AssembledFeed Assemble(FeedOptions options, Progress.Factory progress, CancellationToken cancellationToken, TextWriter? notices = null)
    {
        if (options.Published is not null)
        {
            try
            {
                ParseDate(options.Published, "--published");
            }
            catch (FormatException e)
            {
                throw new CliException(e.Message);
            }
        }

        var files = InputFiles.Collect(options.Paths, notices, cancellationToken);
        var settingsPath = options.SettingsPath ?? FindSettings(options.Paths);
        if (options.SettingsPath is not null && !File.Exists(options.SettingsPath))
        {
            throw new CliException($"{options.SettingsPath}: no such settings file");
        }

        var settings = settingsPath is null ? new Settings() : Settings.Load(settingsPath);
        var readers = settings.Chrome is null ? ArticleFiles.Readers : ArticleFiles.For(settings.Chrome.ToOptions(settingsPath!));
        var info = BuildInfo(options, settings, settingsPath);
        var articles = new List<ArticleEntry>(files.Count);
        var errors = new List<string>();
        var notes = new List<ReaderNote>();
        var defaults = BuildDefaults(options, settings, info);
        var reading = progress(files.Count, "reading");
        for (var i = 0; i < files.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var result = readers.ReadFile(files[i]);
                notes.AddRange(result.Notes);
                foreach (var source in result.Articles)
                {
                    articles.Add(BuildArticle(source, settings, defaults));
                }
            }
            catch (ArticleReadException e)
            {
                errors.Add(e.Message);
            }

            reading.Report(i + 1);
        }

        // Newest first; the file name breaks ties, so the order never depends on the file system.
        var ordered = articles
            .OrderByDescending(a => a.Article.Published.UtcDateTime)
            .ThenBy(a => a.File, StringComparer.Ordinal)
            .ToList();
        return new AssembledFeed(info, ordered, errors, notes, UnmatchedArticleKeys(settings, settingsPath, files));
    }

    /// <summary>
    /// Keys under <c>articles</c> that name none of the files read (a typo, a renamed file): their settings would
    /// silently apply to nothing.
    /// </summary>
    private static List<string> UnmatchedArticleKeys(Settings settings, string? settingsPath, IReadOnlyList<string> files)
    {
        var warnings = new List<string>();
        if (settings.Articles is not { Count: > 0 } articles || settingsPath is null)
        {
            return warnings;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            names.Add(Path.GetFileNameWithoutExtension(file));
            names.Add(Path.GetFileName(file));
        }

        var lines = SettingsLines.ArticleKeys(settingsPath);
        foreach (var key in articles.Keys.Order(StringComparer.Ordinal))
        {
            if (!names.Contains(key))
            {
                var where = lines.TryGetValue(key, out var line) ? FormattableString.Invariant($"{settingsPath}:{line}") : settingsPath;
                var near = Mistypes.Nearest(key, [.. files.Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!]);
                warnings.Add($"{where}: articles.{key}: matches no article file; a key is a file's name without its extension (\"story\" for story.md){(near is null ? string.Empty : $"; did you mean \"{near}\"?")}");
            }
        }

        return warnings;
    }

    private static string? FindSettings(IReadOnlyList<string> paths)
    {
        var first = paths[0];
        var folder = Directory.Exists(first) ? first : Path.GetDirectoryName(Path.GetFullPath(InputFiles.IsGlob(first) ? GlobRoot(first) : first));
        var candidate = folder is null ? null : Path.Combine(folder, SettingsFileName);
        return candidate is not null && File.Exists(candidate) ? candidate : null;
    }

    private static string GlobRoot(string glob)
    {
        var cut = glob.AsSpan().IndexOfAny('*', '?');
        var prefix = glob[..cut];
        var slash = prefix.LastIndexOfAny(['/', '\\']);
        return slash < 0 ? "./x" : prefix[..(slash + 1)] + "x";
    }

    private static FeedInfo BuildInfo(FeedOptions request, Settings settings, string? settingsPath)
    {
        var source = settingsPath ?? "options";
        var title = request.Title ?? settings.Title
            ?? throw new CliException($"the feed needs a title: pass --title or set \"title\" in {SettingsFileName}");
        var site = request.SiteUrl ?? settings.SiteUrl
            ?? throw new CliException($"the feed needs the site's URL: pass --site-url or set \"siteUrl\" in {SettingsFileName}");
        try
        {
            var authors = request.Author is not null
                ? [new Author(request.Author)]
                : ToAuthors(settings.Authors, $"{source}: authors");
            return new FeedInfo
            {
                Title = title,
                Subtitle = settings.Subtitle,
                SiteUrl = ParseUrl(site, "--site-url / siteUrl"),
                SelfUrl = (request.SelfUrl ?? settings.SelfUrl) is { } self ? ParseUrl(self, "--self-url / selfUrl") : null,
                Id = settings.Id,
                Language = ParseLanguage(request.Language ?? settings.Language, "--language / language"),
                Direction = ParseDirection(request.Direction ?? settings.Direction, "--direction / direction"),
                Authors = authors,
                Rights = settings.Rights,
                IconUrl = settings.Icon is null ? null : ParseUrl(settings.Icon, "icon"),
                LogoUrl = settings.Logo is null ? null : ParseUrl(settings.Logo, "logo"),
            };
        }
        catch (FormatException e)
        {
            throw new CliException(e.Message);
        }
    }

    /// <summary>
    /// What every article gets when its file and its settings entry say nothing: <c>--published</c>, else the
    /// settings' <c>published</c>; URLs below <c>articleBaseUrl</c> (else the site URL); <c>utcOffset</c> for dates
    /// written without one (front matter's <c>date: 2021-06-16</c>).
    /// </summary>
    private static ArticleDefaults BuildDefaults(FeedOptions request, Settings settings, FeedInfo info)
    {
        try
        {
            var published = request.Published ?? settings.Published;
            return new ArticleDefaults(settings.ArticleBaseUrl is null ? info.SiteUrl : ParseUrl(settings.ArticleBaseUrl, "articleBaseUrl"))
            {
                SiteUrl = info.SiteUrl,
                Published = published is null ? null : ArticleDate.FromInstant(ParseDate(published, request.Published is null ? "published" : "--published")),
                UtcOffset = settings.UtcOffset is null ? TimeSpan.Zero : ParseOffset(settings.UtcOffset),
            };
        }
        catch (FormatException e)
        {
            throw new CliException(e.Message);
        }
    }

    private static ArticleEntry BuildArticle(ArticleSource source, Settings settings, ArticleDefaults defaults)
    {
        var file = source.File;
        ArticleSettings? fromSettings = null;
        settings.Articles?.TryGetValue(Path.GetFileNameWithoutExtension(file), out fromSettings);
        if (fromSettings is null)
        {
            settings.Articles?.TryGetValue(Path.GetFileName(file), out fromSettings);
        }

        ArticleMetadata? overrides;
        try
        {
            overrides = fromSettings is null ? null : ToMetadata(fromSettings);
        }
        catch (FormatException e)
        {
            throw new ArticleReadException(file, null, null, $"{e.Message} (from {SettingsFileName} or the options)", e);
        }

        return new ArticleEntry(file, source.ToArticle(defaults, overrides), source.Locations, source.Metadata.Categories ?? []);
    }

    /// <summary>An article's entry under <c>articles</c> in the settings, parsed as strictly as the settings are.</summary>
    private static ArticleMetadata ToMetadata(ArticleSettings entry) => new()
    {
        Id = entry.Id,
        Url = entry.Url is null ? null : ParseUrl(entry.Url, "url"),
        Published = entry.Published is null ? null : ArticleDate.FromInstant(ParseDate(entry.Published, "published")),
        Updated = entry.Updated is null ? null : ArticleDate.FromInstant(ParseDate(entry.Updated, "updated")),
        Language = ParseLanguage(entry.Language, "language"),
        Direction = ParseDirection(entry.Direction, "direction"),
        Authors = entry.Authors is null ? null : ToAuthors(entry.Authors, "authors"),
        Tags = entry.Tags is null ? null : [.. entry.Tags],
    };

    private static TimeSpan ParseOffset(string value) =>
        OffsetPattern().IsMatch(value) && TimeSpan.TryParseExact(value[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var offset)
            ? (value[0] == '-' ? -offset : offset)
            : throw new FormatException($"utcOffset: \"{value}\" is not a UTC offset such as \"+03:00\" or \"-05:00\"");

    [GeneratedRegex(@"^[+-]\d{2}:\d{2}$")]
    private static partial Regex OffsetPattern();

    private static ImmutableArray<Author> ToAuthors(List<AuthorSettings>? authors, string where)
    {
        if (authors is null)
        {
            return [];
        }

        return [.. authors.Select((a, i) => new Author(
            (a ?? throw new FormatException(FormattableString.Invariant($"{where}[{i}]: is null; an author is an object with a \"name\""))).Name
            ?? throw new FormatException(FormattableString.Invariant($"{where}[{i}]: an author needs a \"name\"")))
        {
            Email = a.Email,
            Url = a.Uri is null ? null : ParseUrl(a.Uri, FormattableString.Invariant($"{where}[{i}].uri")),
        })];
    }

    private static Uri ParseUrl(string value, string what) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new FormatException($"{what}: \"{value}\" is not an absolute URL");

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
            throw new FormatException($"{what}: {e.Message}");
        }
    }

    private static TextDirection? ParseDirection(string? value, string what) => value switch
    {
        null => null,
        "rtl" => TextDirection.RightToLeft,
        "ltr" => TextDirection.LeftToRight,
        _ => throw new FormatException($"{what}: \"{value}\" is not a direction; use \"rtl\" or \"ltr\""),
    };

    /// <summary>RFC 3339 with an explicit offset: a date without one would depend on the machine's time zone.</summary>
    internal static DateTimeOffset ParseDate(string value, string what)
    {
        if (!Rfc3339().IsMatch(value)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new FormatException($"{what}: \"{value}\" is not an RFC 3339 date with a time zone, such as \"2021-06-16T19:00:00+03:00\" or \"2021-06-16T16:00:00Z\"");
        }

        return date;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
