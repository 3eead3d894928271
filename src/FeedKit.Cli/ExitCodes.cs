namespace FeedKit.Cli;

/// <summary>The CLI's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>The feed was written.</summary>
    public const int Ok = 0;

    /// <summary>The articles have errors; each was printed on stderr and nothing was written.</summary>
    public const int InvalidFeed = 1;

    /// <summary>Bad usage or unreadable input (a missing file, a bad option, a bad settings file).</summary>
    public const int Usage = 2;
}
