using System.Collections.Immutable;

namespace FeedKit.Validation;

/// <summary>
/// Thrown when a feed cannot be written: carries every error found, not only the first.
/// </summary>
public sealed class FeedValidationException : Exception
{
    /// <summary>Creates the exception from the problems found (at least one).</summary>
    /// <param name="problems">The errors, each with its path.</param>
    public FeedValidationException(IEnumerable<FeedProblem> problems)
        : this([.. problems])
    {
    }

    private FeedValidationException(ImmutableArray<FeedProblem> problems)
        : base(FormatMessage(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in document order.</summary>
    public ImmutableArray<FeedProblem> Problems { get; }

    private static string FormatMessage(ImmutableArray<FeedProblem> problems)
    {
        if (problems.IsEmpty)
        {
            throw new ArgumentException("A validation exception needs at least one problem.", nameof(problems));
        }

        return problems.Length == 1
            ? $"The feed cannot be written: {problems[0]}"
            : FormattableString.Invariant($"The feed cannot be written ({problems.Length} problems):{Environment.NewLine}  ")
              + string.Join(Environment.NewLine + "  ", problems);
    }
}
