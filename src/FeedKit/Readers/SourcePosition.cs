using System.Globalization;

namespace FeedKit.Readers;

/// <summary>A place in an article file: a 1-based line and, when the reader knows it, a 1-based column.</summary>
/// <remarks>Columns count UTF-16 code units, as editors that show "column" for C# strings do.</remarks>
public readonly record struct SourcePosition
{
    /// <summary>Creates a position.</summary>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column, or null when only the line is known.</param>
    /// <exception cref="ArgumentOutOfRangeException">The line or column is less than 1.</exception>
    public SourcePosition(int line, int? column = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(line, 1);
        if (column is { } c)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(c, 1, nameof(column));
        }

        Line = line;
        Column = column;
    }

    /// <summary>The 1-based line.</summary>
    public int Line { get; }

    /// <summary>The 1-based column, or null when only the line is known.</summary>
    public int? Column { get; }

    /// <summary><c>12</c>, or <c>12:5</c> with the column: what follows <c>file:</c> in a compiler-style message.</summary>
    /// <returns>The line, and the column when known.</returns>
    public override string ToString() => Column is { } column
        ? string.Create(CultureInfo.InvariantCulture, $"{Line}:{column}")
        : Line.ToString(CultureInfo.InvariantCulture);
}
