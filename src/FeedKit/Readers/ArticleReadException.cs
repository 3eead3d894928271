namespace FeedKit.Readers;

/// <summary>
/// An article file that cannot be read: not UTF-8, a character XML cannot carry, malformed JSON or front matter,
/// a field of the wrong type or with a value that is not what it should be. The message names the file, the
/// line and column when known, and the field: <c>posts/a.json:4:17: body[0].type: "para" is not a block type …</c>.
/// </summary>
public sealed class ArticleReadException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file, as the host named it.</param>
    /// <param name="position">Where in the file, when known.</param>
    /// <param name="field">The field as the file spells it (<c>body[0].type</c>, <c>published</c>), when it is one field.</param>
    /// <param name="reason">What is wrong and what to do, without the file and position, which are added.</param>
    /// <param name="innerException">The parser's own exception, if any.</param>
    public ArticleReadException(string file, SourcePosition? position, string? field, string reason, Exception? innerException = null)
        : base(Format(file, position, field, reason), innerException)
    {
        File = file;
        Position = position;
        Field = field;
        Reason = reason;
    }

    /// <summary>The file, as the host named it.</summary>
    public string File { get; }

    /// <summary>Where in the file, when known.</summary>
    public SourcePosition? Position { get; }

    /// <summary>The field as the file spells it, when the problem is one field.</summary>
    public string? Field { get; }

    /// <summary>What is wrong, without the file, position and field.</summary>
    public string Reason { get; }

    private static string Format(string file, SourcePosition? position, string? field, string reason)
    {
        var where = position is { } p ? $"{file}:{p}: " : $"{file}: ";
        return field is null ? where + reason : $"{where}{field}: {reason}";
    }
}
