using FeedKit.Formats;
using FeedKit.Formats.Atom;
using FeedKit.Formats.Json;
using FeedKit.Formats.Rss;
using FeedKit.Lint;

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
internal sealed record CliContext(bool StderrIsTerminal = false, CancellationToken Cancellation = default);

/// <summary>Builds a feed from article files.</summary>
internal static class BuildCommand
{
    public const string SettingsFileName = FeedAssembler.SettingsFileName;

    public static int Run(BuildRequest request, Stream stdout, TextWriter stderr, CliContext context)
    {
        var quiet = request.Progress == ProgressMode.Never;
        var assembled = FeedAssembler.Assemble(
            request.Feed,
            (total, verb) => new Progress(stderr, context.StderrIsTerminal, request.Progress, total, verb),
            context.Cancellation);

        if (!quiet)
        {
            foreach (var note in assembled.NotesToPrint())
            {
                stderr.WriteLine($"note: {note}");
            }
        }

        var options = new FeedWriterOptions { FirstStrongGuard = !request.NoGuard, Stylesheet = UrlOption("--stylesheet", request.Stylesheet, UriKind.RelativeOrAbsolute) };
        FeedWriter writer = request.Format switch
        {
            "rss" => new RssFeedWriter(options),
            "json" => new JsonFeedWriter(options),
            _ => new AtomFeedWriter(options),
        };
        var feed = FeedChecker.WithSelfLink(assembled.ToFeed(), writer);
        if (request.Hubs.Count > 0)
        {
            feed = new Model.Feed(feed.Info with { Hubs = [.. request.Hubs.Select(h => UrlOption("--hub", h, UriKind.Absolute)!)] }, feed.Articles);
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
                writer.Write(feed, Stream.Null);
                return ExitCodes.InvalidFeed;
            }

            if (request.Out is null)
            {
                writer.Write(feed, new CancellableStream(stdout, context.Cancellation));
                stdout.Flush();
            }
            else
            {
                WriteAtomically(request.Out, stream => writer.Write(feed, new CancellableStream(stream, context.Cancellation)));
                if (!quiet)
                {
                    stderr.WriteLine($"feedkit: wrote {assembled.Articles.Count} article(s) to {request.Out}");
                }
            }
        }
        catch (FeedValidationException e)
        {
            foreach (var problem in e.Problems)
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
    /// Writes to a temporary file beside the target, then moves it into place: an error or a cancellation never
    /// leaves a half-written feed, and the previous file stays as it was.
    /// </summary>
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

    /// <summary>A write-only pass-through that stops the writing when the token is cancelled (Ctrl+C).</summary>
    private sealed class CancellableStream(Stream inner, CancellationToken cancellation) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            cancellation.ThrowIfCancellationRequested();
            inner.Write(buffer);
        }

        public override void Flush()
        {
            cancellation.ThrowIfCancellationRequested();
            inner.Flush();
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
