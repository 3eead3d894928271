using System.Buffers;
using System.Text;
using System.Text.Unicode;
using FeedKit.Text;

namespace FeedKit.Readers;

/// <summary>
/// The one way FeedKit's readers turn an article file's bytes into text: strict UTF-8, checked for what XML cannot
/// carry, with one kind of line end and in Unicode normalization form C, so the same words always give the same
/// feed bytes.
/// </summary>
public static class ArticleFileText
{
    /// <summary>
    /// Decodes an article file: a UTF-8 byte order mark is dropped, CRLF and CR become LF, and the text is put in NFC
    /// by FeedKit's own normalizer (<see cref="UnicodeNormalization"/>; never ICU).
    /// </summary>
    /// <param name="file">The file's name for messages.</param>
    /// <param name="content">The file's bytes.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArticleReadException">
    /// The file is UTF-16, is not valid UTF-8, or holds a character XML cannot carry (NUL and other control
    /// characters, the noncharacters U+FFFE and U+FFFF of any plane); the message gives its line and column.
    /// </exception>
    public static string Decode(string file, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new ArticleReadException(file, new SourcePosition(1, 1), null, "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8");
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        var chars = new char[content.Length];
        var status = Utf8.ToUtf16(content, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var (line, column) = PositionOfByte(content, read);
            throw new ArticleReadException(file, new SourcePosition(line, column), null,
                $"the file is not valid UTF-8 (byte 0x{content[read]:X2} cannot start or continue a character here); save it as UTF-8");
        }

        var text = new string(chars, 0, written);
        if (text.Contains('\r', StringComparison.Ordinal))
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        var bad = IndexOfUncarriable(text, out var codePoint);
        if (bad >= 0)
        {
            var lineStart = text.LastIndexOf('\n', Math.Max(bad - 1, 0)) + 1;
            var line = 1 + text.AsSpan(0, bad).Count('\n');
            var hint = codePoint == 0 && content.Count((byte)0) * 4 > content.Length ? " (is the file UTF-16? save it as UTF-8)" : string.Empty;
            throw new ArticleReadException(file, new SourcePosition(line, bad - lineStart + 1), null,
                $"{Describe(codePoint)} cannot be carried by XML; remove it from the text{hint}");
        }

        return UnicodeNormalization.ToNfc(text);
    }

    /// <summary>
    /// Checks a value a parser decoded from an escape (<c>"\uFFFE"</c> in JSON, <c>"\0"</c> in YAML), which the
    /// file's own characters did not show: the same characters are refused as in <see cref="Decode"/>.
    /// </summary>
    /// <param name="file">The file's name for messages.</param>
    /// <param name="position">Where the value is.</param>
    /// <param name="field">The field as the file spells it, when known.</param>
    /// <param name="value">The decoded value.</param>
    /// <exception cref="ArticleReadException">The value holds a character XML cannot carry.</exception>
    public static void CheckValue(string file, SourcePosition? position, string? field, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IndexOfUncarriable(value, out var codePoint) >= 0)
        {
            throw new ArticleReadException(file, position, field, $"{Describe(codePoint)}, written as an escape, cannot be carried by XML; remove it");
        }
    }

    /// <summary>Reads a file's bytes, turning I/O failures into <see cref="ArticleReadException"/>.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="ArticleReadException">The file cannot be read.</exception>
    public static byte[] ReadAllBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArticleReadException(path, null, null, $"cannot be read: {e.Message}", e);
        }
    }

    /// <summary>The 1-based line and column (in UTF-16 code units) of the byte at <paramref name="index"/>.</summary>
    internal static (int Line, int Column) PositionOfByte(ReadOnlySpan<byte> bytes, int index)
    {
        var before = bytes[..Math.Min(index, bytes.Length)];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = 1 + before.Count((byte)'\n');
        var column = 1;
        foreach (var b in before[lineStart..])
        {
            if ((b & 0xC0) != 0x80)
            {
                column += b >= 0xF0 ? 2 : 1;
            }
        }

        return (line, column);
    }

    /// <summary>The first character XML cannot carry, counting the noncharacters of every plane (U+1FFFE …).</summary>
    private static int IndexOfUncarriable(string text, out int codePoint)
    {
        var first = XmlChars.IndexOfInvalid(text, out codePoint);
        var end = first < 0 ? text.Length : first;
        for (var i = text.AsSpan(0, end).IndexOfAnyInRange('\uD800', '\uDBFF'); i >= 0 && i < end - 1; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                var scalar = char.ConvertToUtf32(text[i], text[i + 1]);
                if ((scalar & 0xFFFE) == 0xFFFE)
                {
                    codePoint = scalar;
                    return i;
                }

                i++;
            }
        }

        return first;
    }

    private static string Describe(int codePoint) =>
        codePoint > 0xFFFF ? $"U+{codePoint:X} (a noncharacter)" : codePoint == 0 ? "U+0000 (a NUL byte)" : XmlChars.Describe(codePoint);
}
