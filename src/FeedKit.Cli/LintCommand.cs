using FeedKit.Formats;
using FeedKit.Validation;

namespace FeedKit.Cli;

/// <summary>The options of <c>feedkit lint</c>, after parsing.</summary>
internal sealed record LintRequest(FeedOptions Feed, ProgressMode Progress = ProgressMode.Auto)
{
    /// <summary><c>--strict</c>: warnings fail the lint (exit code 1).</summary>
    public bool Strict { get; init; }
}

/// <summary>
/// Checks articles without writing a feed: reads them as <c>build</c> does, then runs <see cref="FeedChecker"/>.
/// The report (one line per problem, <c>error: file:line: path: message</c>) goes to stdout, the summary to stderr.
/// </summary>
internal static class LintCommand
{
    public static int Run(LintRequest request, Stream stdout, TextWriter stderr, CliContext context)
    {
        var assembled = FeedAssembler.Assemble(
            request.Feed,
            (total, verb) => new Progress(stderr, context.StderrIsTerminal, request.Progress, total, verb),
            context.Cancellation,
            stderr);
        if (request.Progress != ProgressMode.Never)
        {
            foreach (var note in assembled.NotesToPrint())
            {
                stderr.WriteLine($"note: {note}");
            }
        }

        var problems = FeedChecker.Check(assembled.ToFeed(), FeedWriterOptions.Default, context.Cancellation);

        try
        {
            using var report = new StreamWriter(stdout, new System.Text.UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
            foreach (var error in assembled.Errors)
            {
                report.WriteLine($"error: {error}");
            }

            foreach (var warning in assembled.SettingsWarnings)
            {
                report.WriteLine($"warning: {warning}");
            }

            foreach (var problem in assembled.WithoutFollowOnErrors(problems))
            {
                report.WriteLine(BuildCommand.Describe(problem, assembled));
            }

            // Every line dropped as page chrome, so that a real last paragraph dropped by mistake is seen.
            if (request.Progress != ProgressMode.Never)
            {
                foreach (var line in assembled.DroppedLines)
                {
                    report.WriteLine($"note: {line}");
                }
            }

            report.Flush();
        }
        catch (IOException e)
        {
            throw new CliException($"cannot write the report to stdout: {e.Message}");
        }

        var errors = assembled.Errors.Count + problems.Count(p => p.Severity == FeedProblemSeverity.Error);
        var warnings = assembled.SettingsWarnings.Count + problems.Count(p => p.Severity == FeedProblemSeverity.Warning);
        var dropped = assembled.DroppedLines.Count();
        if (request.Progress != ProgressMode.Never)
        {
            var files = assembled.Articles.Count + assembled.Errors.Count;
            stderr.WriteLine(FormattableString.Invariant($"feedkit: {files} file(s) checked: {errors} error(s), {warnings} warning(s){(dropped > 0 ? FormattableString.Invariant($", {dropped} line(s) dropped as page chrome") : string.Empty)}"));
        }

        return errors > 0 || (request.Strict && warnings > 0) ? ExitCodes.InvalidFeed : ExitCodes.Ok;
    }
}
