namespace FeedKit.Readers;

/// <summary>A plain-text article that cannot be read, with the line and column of the problem.</summary>
public sealed class PlainTextFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="line">1-based line number.</param>
    /// <param name="column">1-based column (in UTF-16 code units).</param>
    /// <param name="message">What is wrong (without the position, which is added).</param>
    public PlainTextFormatException(int line, int column, string message)
        : base(FormattableString.Invariant($"line {line}, column {column}: {message}"))
    {
        Line = line;
        Column = column;
    }

    /// <summary>1-based line number of the problem.</summary>
    public int Line { get; }

    /// <summary>1-based column of the problem.</summary>
    public int Column { get; }
}
