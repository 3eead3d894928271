namespace FeedKit.Validation;

/// <summary>How serious a <see cref="FeedProblem"/> is.</summary>
public enum FeedProblemSeverity
{
    /// <summary>The feed can be written, but some reader may show it worse than it could.</summary>
    Warning,

    /// <summary>The feed cannot be written as it stands.</summary>
    Error,
}

/// <summary>
/// One thing wrong with a feed or an article: how serious, where (a typed <see cref="ProblemPath"/>), a stable
/// <see cref="Code"/> to match on, and what to do about it.
/// </summary>
/// <param name="Severity">Whether it stops the feed from being written.</param>
/// <param name="Path">Where: the feed or an article (by index), then the member, such as <c>Body[2].Text</c>.</param>
/// <param name="Code">What kind of problem, as a stable kebab-case code (see <see cref="FeedProblemCodes"/>).</param>
/// <param name="Message">What is wrong and how to fix it, in English, the same whatever the current culture.</param>
public sealed record FeedProblem(FeedProblemSeverity Severity, ProblemPath Path, string Code, string Message)
{
    /// <summary>The problem as one line: <c>articles[3].Url: relative URI "x/y" needs a base</c>.</summary>
    public override string ToString() => $"{Path}: {Message}";
}
