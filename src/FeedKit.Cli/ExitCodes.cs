namespace FeedKit.Cli;

/// <summary>The CLI's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>The feed was written (<c>build</c>), or no errors were found (<c>lint</c>; warnings may have been).</summary>
    public const int Ok = 0;

    /// <summary>The articles have errors; each was printed with its file (and line when known), and nothing was written.</summary>
    public const int InvalidFeed = 1;

    /// <summary>Bad usage: an unknown or bad option, a missing path, a bad settings file.</summary>
    public const int Usage = 2;

    /// <summary>Cancelled (Ctrl+C, SIGTERM): the previous output file, if any, is left as it was.</summary>
    public const int Cancelled = 130;
}
