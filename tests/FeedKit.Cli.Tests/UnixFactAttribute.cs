namespace FeedKit.Cli.Tests;

/// <summary>A fact about Unix files or signals (symbolic links, named pipes, <c>kill</c>): skipped on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix only";
        }
    }

    /// <summary>Linux only (<c>/dev/full</c>, <c>/sys</c>).</summary>
    public bool Linux
    {
        get => Skip is not null;
        init
        {
            if (value && !OperatingSystem.IsLinux())
            {
                Skip = "Linux only";
            }
        }
    }
}
