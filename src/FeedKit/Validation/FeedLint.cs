using System.Collections.Immutable;
using FeedKit.Model;

namespace FeedKit.Validation;

/// <summary>
/// Checks a feed before it is written and explains every problem: what the W3C Feed Validation Service would flag
/// in FeedKit's output, and a bidi lint no validator has. The writers refuse exactly the lint's errors.
/// </summary>
/// <remarks>
/// <para>Errors (the writers refuse the feed, all errors at once, in one <see cref="FeedValidationException"/>):
/// missing or empty required texts (titles, headlines, author names), characters XML cannot carry (C0 controls,
/// U+FFFE/U+FFFF, lone surrogates) and C1 controls (mis-decoded text), relative, non-http(s) or <c>javascript:</c>
/// links, ids that are not absolute URIs, duplicate ids, an <c>Updated</c> before <c>Published</c>, a feed without
/// articles and without a date, an Atom entry without any author, for RSS a language whose primary subtag is not
/// ISO 639, and the errors of extensions (<see cref="Extensions.FeedExtension.Validate"/>).</para>
/// <para>Warnings (the feed is written): no self link; dates before 1990 (or, when <see cref="FeedLintOptions.Now"/>
/// is given, more than a day in the future); a non-ISO 639 language for Atom and JSON Feed; a declared right-to-left
/// language with no right-to-left letters, or a left-to-right one with only right-to-left letters; right-to-left text
/// with no language at all; with the first-strong guard off, a title whose first strong character contradicts its
/// direction; bidi embedding controls (RLE, LRE, PDF, LRO, RLO) that should be isolates or marks.</para>
/// <para>Each problem has a typed path and a stable code (<see cref="FeedProblemCodes"/>).</para>
/// </remarks>
public static class FeedLint
{
    /// <summary>Returns every problem of a feed made from a list, for every format asked for, errors first, in document order.</summary>
    /// <param name="feed">The feed.</param>
    /// <param name="options">What to check; null for <see cref="FeedLintOptions.Default"/>.</param>
    /// <returns>The problems; empty when there are none.</returns>
    /// <exception cref="InvalidOperationException">The feed is streamed: use <see cref="CheckAsync"/>.</exception>
    public static ImmutableArray<FeedProblem> Check(Feed feed, FeedLintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        if (feed.IsStreamed)
        {
            throw new InvalidOperationException("This feed's articles come from an IAsyncEnumerable: check it with FeedLint.CheckAsync.");
        }

        var task = CheckAsync(feed, options, CancellationToken.None);
        return task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// Returns every problem of a feed, for every format asked for, errors first, in document order. A streamed feed's
    /// articles are read once, into memory, so that every format sees the same articles.
    /// </summary>
    /// <param name="feed">The feed.</param>
    /// <param name="options">What to check; null for <see cref="FeedLintOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>The problems; empty when there are none.</returns>
    public static async ValueTask<ImmutableArray<FeedProblem>> CheckAsync(Feed feed, FeedLintOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        options ??= FeedLintOptions.Default;
        if (feed.ArticleStream is { } stream && options.Formats.Length > 1)
        {
            var articles = new List<Article>();
            await foreach (var article in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                articles.Add(article);
            }

            feed = new Feed(feed.Info, articles);
        }

        var problems = new List<FeedProblem>();
        var seen = new HashSet<FeedProblem>();
        void Report(FeedProblem problem)
        {
            if (seen.Add(problem))
            {
                problems.Add(problem);
            }
        }

        foreach (var format in options.Formats)
        {
            await FeedNormalizer.CheckAsync(feed, new ValidationOptions(format, options.FirstStrongGuard, Now: options.Now), Report, cancellationToken).ConfigureAwait(false);
        }

        return [.. problems.Where(p => p.Severity == FeedProblemSeverity.Error), .. problems.Where(p => p.Severity == FeedProblemSeverity.Warning)];
    }
}

/// <summary>What <see cref="FeedLint.Check"/> checks.</summary>
public sealed record FeedLintOptions
{
    private readonly ImmutableArray<FeedFormat> _formats = [FeedFormat.Atom, FeedFormat.Rss, FeedFormat.Json];

    /// <summary>All formats, the first-strong guard on, no clock.</summary>
    public static FeedLintOptions Default { get; } = new();

    /// <summary>The formats the feed will be written in; their own rules are checked too. Default: all three.</summary>
    public ImmutableArray<FeedFormat> Formats
    {
        get => _formats;
        init => _formats = value.IsDefaultOrEmpty ? throw new ArgumentException("Check at least one format.", nameof(value)) : value;
    }

    /// <summary>Whether the feed will be written with the first-strong guard on (as by default); off, titles that need it are warned about.</summary>
    public bool FirstStrongGuard { get; init; } = true;

    /// <summary>
    /// The current time, to warn about dates in the future. Null (the default) skips that check: FeedKit never reads
    /// the clock itself, so that the same input always gives the same answer.
    /// </summary>
    public DateTimeOffset? Now { get; init; }
}
