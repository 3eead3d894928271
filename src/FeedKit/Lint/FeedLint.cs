using System.Collections.Immutable;
using FeedKit.Formats;
using FeedKit.Model;

namespace FeedKit.Lint;

/// <summary>
/// Checks a feed before it is written and explains every problem: what the W3C Feed Validation Service would flag
/// in FeedKit's output, and a bidi lint no validator has.
/// </summary>
/// <remarks>
/// <para>Errors (the writers refuse the feed, all errors at once, in one <see cref="FeedValidationException"/>):
/// missing or empty required texts (titles, headlines, author names), characters XML cannot carry (C0 controls,
/// U+FFFE/U+FFFF, lone surrogates) and C1 controls (mis-decoded text), relative, non-http(s) or <c>javascript:</c>
/// links, ids that are not absolute URIs, duplicate ids, an <c>Updated</c> before <c>Published</c>, a feed without
/// articles and without a date, an Atom entry without any author, and, for RSS, a language whose primary subtag is
/// not ISO 639.</para>
/// <para>Warnings (the feed is written): no self link; dates before 1990 (or, when <see cref="FeedLintOptions.Now"/>
/// is given, more than a day in the future); a non-ISO 639 language for Atom and JSON Feed; a declared right-to-left
/// language with no right-to-left letters, or a left-to-right one with only right-to-left letters; right-to-left text
/// with no language at all; with the first-strong guard off, a title whose first strong character contradicts its
/// direction; bidi embedding controls (RLE, LRE, PDF, LRO, RLO) that should be isolates or marks.</para>
/// <para>Normalizations applied before checking (documented, never reported): Unicode NFC; single-line texts have
/// runs of whitespace collapsed and are trimmed; multi-line texts get LF line ends and are trimmed; empty optional
/// texts count as absent.</para>
/// </remarks>
public static class FeedLint
{
    /// <summary>Returns every problem of the feed, for every format asked for, errors first, in document order.</summary>
    /// <param name="feed">The feed.</param>
    /// <param name="options">What to check; null for <see cref="FeedLintOptions.Default"/>.</param>
    /// <returns>The problems; empty when there are none.</returns>
    public static ImmutableArray<FeedProblem> Check(Feed feed, FeedLintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        options ??= FeedLintOptions.Default;
        var problems = new List<FeedProblem>();
        var seen = new HashSet<FeedProblem>();
        foreach (var format in options.Formats)
        {
            FeedNormalizer.Check(feed, options.WriterOptions, format, options.Now, problem =>
            {
                if (seen.Add(problem))
                {
                    problems.Add(problem);
                }
            });
        }

        return [.. problems.Where(p => p.Severity == FeedProblemSeverity.Error), .. problems.Where(p => p.Severity == FeedProblemSeverity.Warning)];
    }
}

/// <summary>What <see cref="FeedLint.Check"/> checks.</summary>
public sealed record FeedLintOptions
{
    /// <summary>All formats, the default writer options, no clock.</summary>
    public static FeedLintOptions Default { get; } = new();

    /// <summary>The formats the feed will be written in; their own rules are checked too. Default: all three.</summary>
    public ImmutableArray<FeedFormat> Formats { get; init; } = [FeedFormat.Atom, FeedFormat.Rss, FeedFormat.Json];

    /// <summary>The options the feed will be written with (the first-strong guard changes what is a warning).</summary>
    public FeedWriterOptions WriterOptions { get; init; } = FeedWriterOptions.Default;

    /// <summary>
    /// The current time, to warn about dates in the future. Null (the default) skips that check: FeedKit never reads
    /// the clock itself, so that the same input always gives the same answer.
    /// </summary>
    public DateTimeOffset? Now { get; init; }
}
