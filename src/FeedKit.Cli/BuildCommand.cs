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

        var options = new FeedWriterOptions { FirstStrongGuard = !request.NoGuard, Stylesheet = UrlOption("--stylesheet", request.Stylesheet, UriKind.RelativeOrAbsolute) };
        var writer = FeedWriter.Create(FeedFormats.TryFind(request.Format, out var format) ? format : FeedFormat.Atom, options);
        var feed = FeedChecker.WithSelfLink(assembled.ToFeed(), writer);
        if (request.Hubs.Count > 0)
        {
            feed = feed with { Info = feed.Info with { Hubs = [.. request.Hubs.Select(h => UrlOption("--hub", h, UriKind.Absolute)!)] } };
        }

        try
        {
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

            if (request.Out is null)
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
                    stderr.WriteLine($"feedkit: wrote {assembled.Articles.Count} article(s) to {request.Out}");
                }
            }
        }
        catch (FeedValidationException e)
        {
            foreach (var problem in assembled.WithoutFollowOnErrors(e.Problems))
            {
                stderr.WriteLine($"{Severity(problem)}: {assembled.Locate(problem)}");
            }

            return ExitCodes.InvalidFeed;
        }

        return ExitCodes.Ok;
    }

    private static Uri? UrlOption(string option, string? value, UriKind kind) =>
        value is null ? null
        : Uri.TryCreate(value, kind, out var uri) && (!uri.IsAbsoluteUri || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri
        : throw new CliException($"{option}: \"{value}\" is not {(kind == UriKind.Absolute ? "an absolute" : "a relative or an")} http(s) URL");

    internal static string Severity(FeedProblem problem) =>
        problem.Severity == FeedProblemSeverity.Error ? "error" : "warning";

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
