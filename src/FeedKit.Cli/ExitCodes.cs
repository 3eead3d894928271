namespace FeedKit.Cli;

/// <summary>The CLI's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>The feed was written (<c>build</c>), or no errors were found (<c>lint</c>; warnings may have been).</summary>
    public const int Ok = 0;

    /// <summary>The articles have errors; each was printed with its file (and line when known), and nothing was written.</summary>
    public const int InvalidFeed = 1;

    /// <summary>Bad usage: an unknown or bad option, a missing path, a bad settings file; or a file that cannot be written.</summary>
    public const int Usage = 2;

    /// <summary>An internal error (a bug): one line, <c>feedkit: internal error: …</c>, never a stack trace.</summary>
    public const int InternalError = 70;

    /// <summary>
    /// Cancelled (Ctrl+C): the previous output file, if any, is left as it was. Program.cs turns it into 128 plus
    /// the signal's number for SIGHUP (129), SIGQUIT (131) and SIGTERM (143).
    /// </summary>
    public const int Cancelled = 130;
}
