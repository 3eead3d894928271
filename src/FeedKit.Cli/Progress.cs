namespace FeedKit.Cli;

/// <summary>When to show progress on stderr.</summary>
internal enum ProgressMode
{
    /// <summary>Only for runs of more than <see cref="Progress.AutoThreshold"/> files.</summary>
    Auto,

    /// <summary>Always (<c>--progress</c>).</summary>
    Always,

    /// <summary>Never (<c>--quiet</c>).</summary>
    Never,
}

/// <summary>
/// Progress on stderr, never stdout: a bar redrawn in place (<c>\r</c>) when stderr is a terminal, else a plain
/// line every tenth of the run. It counts files, never time, so its output is the same on every run.
/// </summary>
internal sealed class Progress
{
    public const int AutoThreshold = 100;

    /// <summary>Makes the progress of one phase of a run.</summary>
    public delegate Progress Factory(int total, string verb);
    private const int BarWidth = 30;

    private readonly TextWriter _stderr;
    private readonly bool _terminal;
    private readonly bool _enabled;
    private readonly int _total;
    private readonly string _verb;
    private int _lastShown = -1;

    public Progress(TextWriter stderr, bool terminal, ProgressMode mode, int total, string verb)
    {
        _stderr = stderr;
        _terminal = terminal;
        _total = total;
        _verb = verb;
        _enabled = mode == ProgressMode.Always || (mode == ProgressMode.Auto && total > AutoThreshold);
    }

    public void Report(int done)
    {
        if (!_enabled)
        {
            return;
        }

        if (_terminal)
        {
            var filled = _total == 0 ? BarWidth : done * BarWidth / _total;
            if (filled == _lastShown && done != _total)
            {
                return;
            }

            _lastShown = filled;
            _stderr.Write(FormattableString.Invariant($"\r{_verb} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {done}/{_total}"));
            if (done == _total)
            {
                _stderr.WriteLine();
            }

            _stderr.Flush();
            return;
        }

        var step = Math.Max(1, (_total + 9) / 10);
        if (done == _total || done % step == 0)
        {
            _stderr.WriteLine(FormattableString.Invariant($"feedkit: {_verb} {done}/{_total} files"));
        }
    }
}
