using FeedKit.Formats;
using FeedKit.Validation;
using FeedKit.Model;

namespace FeedKit.Cli;

/// <summary>The options of <c>feedkit build</c>, after parsing.</summary>
internal sealed record BuildRequest(
    FeedOptions Feed,
    string Format = "atom",
    string? Out = null,
    bool NoGuard = false,
    ProgressMode Progress = ProgressMode.Auto)
{
    /// <summary><c>--stylesheet</c>: the URL of an XSLT for browsers (Atom and RSS).</summary>
    public string? Stylesheet { get; init; }

    /// <summary><c>--hub</c>: WebSub hub URLs.</summary>
    public IReadOnlyList<string> Hubs { get; init; } = [];

    /// <summary><c>--verbose</c>: every line dropped as page chrome, on stderr.</summary>
    public bool Verbose { get; init; }

    /// <summary><c>--strict</c>: warnings fail the build (exit code 1, nothing written).</summary>
    public bool Strict { get; init; }

    /// <summary><c>--limit N</c>: only the newest N articles (of each feed, with <see cref="SplitBy"/>).</summary>
    public int? Limit { get; init; }

    /// <summary><c>--split-by</c>: one feed per tag, category or language, into the folder <see cref="BuildRequest.Out"/>.</summary>
    public SplitBy? SplitBy { get; init; }

    /// <summary><c>--content summary</c>: each article's standfirst (else its first paragraph) and no body.</summary>
    public bool SummaryOnly { get; init; }
}

/// <summary>How the CLI was started: whether stderr is a terminal (progress bar), and the token Ctrl+C cancels.</summary>
internal sealed record CliContext(bool StderrIsTerminal = false, CancellationToken Cancellation = default)
{
    /// <summary>
    /// Writes <c>--out</c>: <see cref="FeedWriter.WriteToFileAsync"/>, or, in tests, a stand-in that fails as a
    /// full disk would.
    /// </summary>
    public Func<FeedWriter, Feed, string, CancellationToken, Task> WriteFile { get; init; } =
        static (writer, feed, path, cancellationToken) => writer.WriteToFileAsync(feed, path, cancellationToken);
}

/// <summary>Builds a feed from article files.</summary>
internal static class BuildCommand
{
    public const string SettingsFileName = FeedAssembler.SettingsFileName;

    public static int Run(BuildRequest request, Stream stdout, TextWriter stderr, CliContext context)
    {
        var quiet = request.Progress == ProgressMode.Never;
        if (request.Out is "")
        {
            throw new CliException("--out: the file name is empty");
        }

        if (request.Limit is < 1)
        {
            throw new CliException(FormattableString.Invariant($"--limit: {request.Limit} is not a number of articles; give 1 or more"));
        }

        if (request.SplitBy is not null && request.Out is null)
        {
            throw new CliException("--split-by writes one feed per group into a folder: name the folder with --out");
        }

        if (request.SplitBy is not null && File.Exists(request.Out))
        {
            throw new CliException($"--out {request.Out}: with --split-by, --out names a folder, and this is a file");
        }

        var assembled = FeedAssembler.Assemble(
            request.Feed,
            (total, verb) => new Progress(stderr, context.StderrIsTerminal, request.Progress, total, verb),
            context.Cancellation,
            stderr);

        if (!quiet)
        {
            foreach (var note in assembled.NotesToPrint())
            {
                stderr.WriteLine($"note: {note}");
            }
        }

        if (request.Verbose)
        {
            foreach (var dropped in assembled.DroppedLines)
            {
                stderr.WriteLine($"note: {dropped}");
            }
        }

        var options = new FeedWriterOptions { FirstStrongGuard = !request.NoGuard, Stylesheet = UrlOption("--stylesheet", request.Stylesheet, UriKind.RelativeOrAbsolute) };
        var writer = FeedWriter.Create(FeedFormats.TryFind(request.Format, out var format) ? format : FeedFormat.Atom, options);
        var hubs = request.Hubs.Select(h => UrlOption("--hub", h, UriKind.Absolute)!).ToList();

        // The articles as written: summaries only with --content summary, the newest N with --limit (of each group
        // with --split-by, below).
        var shaped = assembled.With(
            assembled.Info,
            (request.SplitBy is null && request.Limit is { } limit ? assembled.Articles.Take(limit) : assembled.Articles)
                .Select(e => request.SummaryOnly ? e with { Article = SummaryOf(e.Article) } : e));
        var feed = WithHubs(FeedChecker.WithSelfLink(shaped.ToFeed(), writer), hubs);

        try
        {
            var warnings = Warnings(shaped, feed, writer, options);
            if (!quiet || request.Strict)
            {
                foreach (var warning in warnings)
                {
                    stderr.WriteLine(warning);
                }
            }

            if (assembled.Errors.Count > 0)
            {
                foreach (var error in assembled.Errors)
                {
                    stderr.WriteLine($"error: {error}");
                }

                // The readable articles' own problems too, so that one run lists everything to fix.
                writer.Write(feed, Stream.Null, context.Cancellation);
                return ExitCodes.InvalidFeed;
            }

            if (request.Strict && warnings.Count > 0)
            {
                // Errors first, if any, as without --strict.
                writer.Write(feed, Stream.Null, context.Cancellation);
                stderr.WriteLine(FormattableString.Invariant($"error: {warnings.Count} warning(s) and --strict: nothing written"));
                return ExitCodes.InvalidFeed;
            }

            if (request.SplitBy is { } by)
            {
                // Every article checked first, so that no folder is half-updated because of one bad article.
                writer.Write(feed, Stream.Null, context.Cancellation);
                return WriteSplit(request, by, shaped, hubs, writer, stderr, context);
            }
            else if (request.Out is null)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                try
                {
                    writer.Write(feed, stdout, context.Cancellation);
                    stdout.Flush();
                }
                catch (IOException e)
                {
                    throw new CliException($"cannot write the feed to stdout: {e.Message}");
                }

                context.Cancellation.ThrowIfCancellationRequested();
            }
            else
            {
                WriteFile(request.Out, writer, feed, context);
                if (!quiet)
                {
                    stderr.WriteLine($"feedkit: wrote {shaped.Articles.Count} article(s) to {request.Out}");
                }
            }
        }
        catch (FeedValidationException e)
        {
            foreach (var problem in shaped.WithoutFollowOnErrors(e.Problems))
            {
                stderr.WriteLine(Describe(problem, shaped));
            }

            return ExitCodes.InvalidFeed;
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// The warnings the lint gives for the format being written, each as <c>warning: file:line: path: message</c>,
    /// with a line saying what to do when there is more to say; and the settings file's warnings.
    /// </summary>
    private static List<string> Warnings(AssembledFeed assembled, Feed feed, FeedWriter writer, FeedWriterOptions options)
    {
        var lines = new List<string>();
        foreach (var warning in assembled.SettingsWarnings)
        {
            lines.Add($"warning: {warning}");
        }

        if (assembled.Errors.Count > 0 && assembled.Articles.Count == 0)
        {
            return lines;
        }

        var problems = FeedLint.Check(feed, new FeedLintOptions { Formats = [writer.Format], FirstStrongGuard = options.FirstStrongGuard });
        foreach (var problem in problems.Where(p => p.Severity == FeedProblemSeverity.Warning))
        {
            lines.Add(Describe(problem, assembled));
        }

        return lines;
    }

    /// <summary><c>--content summary</c>: the standfirst, else the first paragraph, and no body.</summary>
    internal static Article SummaryOf(Article article) => article with
    {
        Standfirst = article.Standfirst ?? article.Body.OfType<Paragraph>().Select(p => p.Text).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)),
        Body = [],
    };

    private static Feed WithHubs(Feed feed, List<Uri> hubs) =>
        hubs.Count == 0 ? feed : feed with { Info = feed.Info with { Hubs = [.. hubs] } };

    /// <summary>
    /// <c>--split-by</c>: one feed per group in the folder <c>--out</c>, each <c>SLUG.EXT</c> written atomically, its
    /// self link (and id) <c>BASE/SLUG.EXT</c>, where BASE is <c>--self-url</c> when it ends with "/", else the site's
    /// URL plus <c>tag/</c>, <c>category/</c> or <c>language/</c>.
    /// </summary>
    private static int WriteSplit(BuildRequest request, SplitBy by, AssembledFeed shaped, List<Uri> hubs, FeedWriter writer, TextWriter stderr, CliContext context)
    {
        var folder = request.Out!;
        var extension = writer.Format.FileExtension();
        var selfBase = request.Feed.SelfUrl is { } self && self.EndsWith('/') && Uri.TryCreate(self, UriKind.Absolute, out var selfUri)
            ? selfUri
            : new Uri(WithSlash(shaped.Info.SiteUrl), by.ToString().ToLowerInvariant() + "/");
        var groups = FeedSplit.Groups(shaped, by);
        var written = 0;
        foreach (var group in groups)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var url = new Uri(selfBase, Uri.EscapeDataString(group.Slug) + "." + extension);
            var info = shaped.Info with
            {
                Title = $"{shaped.Info.Title}: {group.Name}",
                Id = url.AbsoluteUri,
                SelfUrl = url,
                Language = by == SplitBy.Language && group.Name != "und" ? FeedKit.Text.LanguageTag.Parse(group.Name) : shaped.Info.Language,
                Hubs = [.. hubs],
            };
            var articles = request.Limit is { } limit ? group.Articles.Take(limit) : group.Articles;
            var part = shaped.With(info, articles);
            try
            {
                WriteFile(Path.Combine(folder, group.Slug + "." + extension), writer, part.ToFeed(), context);
            }
            catch (FeedValidationException e)
            {
                // Each article was checked in the whole feed; a group's own problem (none is known) is still named.
                foreach (var problem in e.Problems)
                {
                    stderr.WriteLine(Describe(problem, part, $"{group.Slug}.{extension}: "));
                }

                return ExitCodes.InvalidFeed;
            }

            written++;
        }

        if (request.Progress != ProgressMode.Never)
        {
            var untagged = by == SplitBy.Language ? 0 : shaped.Articles.Count(a => !(by == SplitBy.Tag ? a.Article.Tags : a.Categories).Any());
            stderr.WriteLine(FormattableString.Invariant($"feedkit: wrote {written} feed(s), one per {by.ToString().ToLowerInvariant()}, to {folder}{(untagged > 0 ? FormattableString.Invariant($" ({untagged} article(s) without a {by.ToString().ToLowerInvariant()} are in none)") : string.Empty)}"));
        }

        return ExitCodes.Ok;
    }

    private static Uri WithSlash(Uri uri) => uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private static Uri? UrlOption(string option, string? value, UriKind kind) =>
        value is null ? null
        : Uri.TryCreate(value, kind, out var uri) && (!uri.IsAbsoluteUri || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri
        : throw new CliException($"{option}: \"{value}\" is not {(kind == UriKind.Absolute ? "an absolute" : "a relative or an")} http(s) URL");

    internal static string Severity(FeedProblem problem) =>
        problem.Severity == FeedProblemSeverity.Error ? "error" : "warning";

    /// <summary>
    /// A problem as the tool prints it: <c>error: file:line: path: message</c> (or <c>warning:</c>), with a
    /// <c>to fix:</c> line in the terms of the files the tool reads when there is more to say.
    /// </summary>
    internal static string Describe(FeedProblem problem, AssembledFeed assembled, string? prefix = null)
    {
        var line = $"{Severity(problem)}: {prefix}{assembled.Locate(problem)}";
        var entry = problem.Path.ArticleIndex is { } index && index < assembled.Articles.Count ? assembled.Articles[index] : null;
        return WarningHints.For(problem, entry) is { } hint ? $"{line}\n  to fix: {hint}" : line;
    }

    /// <summary>
    /// <c>--out</c>: the library's <see cref="FeedWriter.WriteToFileAsync"/> (a temporary file beside the target, moved
    /// into place when complete). Folders on the way are created.
    /// </summary>
    private static void WriteFile(string path, FeedWriter writer, Feed feed, CliContext context)
    {
        try
        {
            CreateFolderOf(path);
            context.WriteFile(writer, feed, path, context.Cancellation).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"cannot write {path}: {e.Message}");
        }
    }

    /// <summary>Creates the folders <c>--out</c> names that do not exist yet.</summary>
    internal static void CreateFolderOf(string path) => Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
}
