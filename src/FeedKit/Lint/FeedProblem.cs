namespace FeedKit.Lint;

/// <summary>How serious a <see cref="FeedProblem"/> is.</summary>
public enum FeedProblemSeverity
{
    /// <summary>The feed can be written, but some reader may show it worse than it could.</summary>
    Warning,

    /// <summary>The feed cannot be written as it stands.</summary>
    Error,
}

/// <summary>
/// One thing wrong with a feed or an article, with where it is and what to do about it.
/// </summary>
/// <param name="Severity">Whether it stops the feed from being written.</param>
/// <param name="Path">Where: <c>feed.SiteLink</c>, <c>articles[3].Url</c>, <c>articles[0].Authors[1].Email</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record FeedProblem(FeedProblemSeverity Severity, string Path, string Message)
{
    /// <summary>The problem as one line: <c>articles[3].Url: relative URI "x/y" needs a base</c>.</summary>
    public override string ToString() => $"{Path}: {Message}";
}
