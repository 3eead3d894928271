using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using FeedKit.Cli.Readers;
using FeedKit.Model;
using FeedKit.Text;
using FeedKit.Validation;

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

/// <summary>One article read from its file, and where its parts are in that file.</summary>
internal sealed record ArticleEntry(string File, Article Article, SourceLines Lines);

/// <summary>The feed built from the files: the articles that could be read (newest first) and the errors of the others.</summary>
internal sealed class AssembledFeed(FeedInfo info, List<ArticleEntry> articles, List<string> errors)
{
    public FeedInfo Info { get; } = info;

    public List<ArticleEntry> Articles { get; } = articles;

    /// <summary>Errors of files that could not be read or whose metadata is wrong, each as <c>file:line: message</c>.</summary>
    public List<string> Errors { get; } = errors;

    public Feed ToFeed() => new(Info, Articles.Select(a => a.Article));

    /// <summary>A problem of the feed as <c>file:line: path: message</c> when it belongs to an article.</summary>
    public string Locate(FeedProblem problem)
    {
        if (problem.Path.ArticleIndex is { } index && index < Articles.Count)
        {
            var entry = Articles[index];
            return entry.Lines.Find(problem.Path.Member) is { } line ? FormattableString.Invariant($"{entry.File}:{line}: {problem}") : $"{entry.File}: {problem}";
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
        var info = BuildInfo(options, settings, settingsPath);
        var articles = new List<ArticleEntry>(files.Count);
        var errors = new List<string>();
        var reading = progress(files.Count, "reading");
        for (var i = 0; i < files.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                articles.Add(BuildArticle(ArticleReaders.Read(files[i]), options, settings, info));
            }
            catch (ArticleException e)
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
        return new AssembledFeed(info, ordered, errors);
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

    private static ArticleEntry BuildArticle(ArticleSource source, FeedOptions request, Settings settings, FeedInfo info)
    {
        var file = source.File;
        var name = Path.GetFileName(file);
        var slug = Path.GetFileNameWithoutExtension(file);
        ArticleSettings? fromSettings = null;
        settings.Articles?.TryGetValue(slug, out fromSettings);
        if (fromSettings is null)
        {
            settings.Articles?.TryGetValue(name, out fromSettings);
        }

        var own = source.Metadata;
        var lines = source.Lines;

        // A value from the file names the file's line; one from the settings or options says so.
        T Parse<T>(bool fromFile, string field, Func<T> parse)
        {
            try
            {
                return parse();
            }
            catch (FormatException e)
            {
                var origin = fromFile ? string.Empty : $" (from {SettingsFileName} or the options)";
                throw new ArticleException(file, fromFile ? lines.Find(field) : null, e.Message + origin);
            }
        }

        var published = own.Published ?? fromSettings?.Published ?? request.Published ?? settings.Published
            ?? throw new ArticleException(file, null, $"no publication date; set \"published\" in the article, or for it under \"articles\" in {SettingsFileName}, or a default \"published\" or --published (FeedKit never takes a date from the clock or the file)");
        var baseUrl = settings.ArticleBaseUrl is null ? info.SiteUrl : Parse(false, "Url", () => ParseUrl(settings.ArticleBaseUrl, "articleBaseUrl"));
        var url = (own.Url ?? fromSettings?.Url) is not null
            ? Parse(own.Url is not null, "Url", () => ParseUrl((own.Url ?? fromSettings?.Url)!, "url"))
            : new Uri(WithTrailingSlash(baseUrl), Uri.EscapeDataString(slug));

        var body = source.Body.Select(b => b is ImageBlock { Image.Url.IsAbsoluteUri: false } image
            ? image with { Image = image.Image with { Url = new Uri(url, image.Image.Url) } }
            : b);
        Image? leadImage = null;
        if (source.LeadImage is { } lead)
        {
            var leadUrl = lead.Url is null
                ? throw new ArticleException(file, lines.Find("LeadImage"), "the lead image needs a URL (\"image\")")
                : Uri.TryCreate(lead.Url, UriKind.RelativeOrAbsolute, out var parsed) ? parsed
                : throw new ArticleException(file, lines.Find("LeadImage"), $"image: \"{lead.Url}\" is not a URL");
            leadImage = new Image(leadUrl.IsAbsoluteUri ? leadUrl : new Uri(url, leadUrl)) { AltText = lead.Alt, Caption = lead.Caption };
        }

        var authors = own.Authors ?? fromSettings?.Authors;
        var article = new Article
        {
            Id = own.Id ?? fromSettings?.Id,
            Url = url,
            Headline = source.Headline,
            Standfirst = source.Standfirst,
            Body = [.. body],
            LeadImage = leadImage,
            Published = Parse(own.Published is not null, "Published", () => ParseDate(published, "published")),
            Updated = (own.Updated ?? fromSettings?.Updated) is not null ? Parse(own.Updated is not null, "Updated", () => ParseDate((own.Updated ?? fromSettings?.Updated)!, "updated")) : null,
            Authors = Parse(own.Authors is not null, "Authors", () => ToAuthors(authors, "authors")),
            Tags = (own.Tags ?? fromSettings?.Tags) is { } tags ? [.. tags] : [],
            Language = (own.Language ?? fromSettings?.Language) is not null ? Parse(own.Language is not null, "Language", () => ParseLanguage(own.Language ?? fromSettings?.Language, "language")) : null,
            Direction = (own.Direction ?? fromSettings?.Direction) is not null ? Parse(own.Direction is not null, "Direction", () => ParseDirection(own.Direction ?? fromSettings?.Direction, "direction")) : null,
        };
        return new ArticleEntry(file, article, lines);
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private static ImmutableArray<Author> ToAuthors(List<AuthorSettings>? authors, string where)
    {
        if (authors is null)
        {
            return [];
        }

        return [.. authors.Select((a, i) => new Author(a.Name ?? throw new FormatException(FormattableString.Invariant($"{where}[{i}]: an author needs a \"name\"")))
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
