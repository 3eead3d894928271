using System.Collections.Immutable;
using System.Text;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Readers;

/// <summary>
/// Reads an article scraped as plain text: the first line is the headline, the next block (text up to a blank
/// line) the standfirst, then the body's blocks.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A byte order mark is dropped, CRLF and CR line ends become LF, and the text is put in Unicode
/// normalization form C (NFC), so the same words always give the same bytes.</item>
/// <item>Lines of one block are joined with a space (hard-wrapped text). Blank lines separate blocks.</item>
/// <item>A short block (at most <see cref="PlainTextOptions.SubheadingMaxLength"/> characters) without closing
/// punctuation that is followed by a paragraph is a <see cref="Subheading"/>; other blocks are
/// <see cref="Paragraph"/>s.</item>
/// <item>Trailing page chrome (<see cref="PlainTextOptions.TrailingChrome"/>) is removed.</item>
/// <item>A character that XML cannot carry (a control character, U+FFFE, U+FFFF, a lone surrogate) is an
/// error naming its line and column.</item>
/// </list>
/// </remarks>
public static class PlainTextArticleReader
{
    /// <summary>Reads an article from text.</summary>
    /// <param name="text">The whole file's text.</param>
    /// <param name="options">Reader options; null for <see cref="PlainTextOptions.Default"/>.</param>
    /// <returns>The article's texts.</returns>
    /// <exception cref="PlainTextFormatException">The text has no headline, or holds a character XML cannot carry.</exception>
    public static PlainTextArticle Read(string text, PlainTextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= PlainTextOptions.Default;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        CheckCharacters(text);
        // FeedKit's own NFC: string.Normalize depends on ICU and does nothing under InvariantGlobalization.
        text = UnicodeNormalization.ToNfc(text);

        var blocks = SplitBlocks(text);
        while (blocks.Count > 0 && IsChrome(blocks[^1], options))
        {
            blocks.RemoveAt(blocks.Count - 1);
        }

        if (blocks.Count == 0)
        {
            throw new PlainTextFormatException(1, 1, "the text is empty: the first line must be the headline");
        }

        var headline = blocks[0];
        var standfirst = blocks.Count > 1 ? blocks[1] : null;
        var bodyTexts = blocks.Skip(2).ToList();
        var body = ImmutableArray.CreateBuilder<Block>(bodyTexts.Count);
        for (var i = 0; i < bodyTexts.Count; i++)
        {
            var isSubheading = IsSubheadingCandidate(bodyTexts[i], options)
                && i + 1 < bodyTexts.Count
                && !IsSubheadingCandidate(bodyTexts[i + 1], options);
            body.Add(isSubheading ? new Subheading(bodyTexts[i]) : new Paragraph(bodyTexts[i]));
        }

        return new PlainTextArticle(headline, standfirst, body.ToImmutable());
    }

    /// <summary>Reads an article from a UTF-8 file (a byte order mark is allowed).</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">Reader options; null for <see cref="PlainTextOptions.Default"/>.</param>
    /// <returns>The article's texts.</returns>
    /// <exception cref="PlainTextFormatException">As for <see cref="Read(string, PlainTextOptions?)"/>; the message names the file.</exception>
    public static PlainTextArticle ReadFile(string path, PlainTextOptions? options = null)
    {
        string text;
        try
        {
            text = ArticleFileText.Decode(path, File.ReadAllBytes(path));
        }
        catch (ArticleReadException e)
        {
            throw new PlainTextFormatException(e.Position?.Line ?? 1, e.Position?.Column ?? 1, $"{path}: {e.Reason}");
        }

        try
        {
            return Read(text, options);
        }
        catch (PlainTextFormatException e)
        {
            throw new PlainTextFormatException(e.Line, e.Column, $"{path}: {e.Message[(e.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..]}");
        }
    }

    private static void CheckCharacters(string text)
    {
        var index = XmlChars.IndexOfInvalid(text, out var codePoint);
        if (index < 0)
        {
            return;
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        throw new PlainTextFormatException(line, index - lineStart + 1, $"{XmlChars.Describe(codePoint)} cannot be carried by XML; remove it from the text");
    }

    private static List<string> SplitBlocks(string text)
    {
        var blocks = new List<string>();
        var current = new StringBuilder();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(line);
        }

        Flush();
        return blocks;

        void Flush()
        {
            if (current.Length > 0)
            {
                blocks.Add(current.ToString());
                current.Clear();
            }
        }
    }

    private static bool IsChrome(string block, PlainTextOptions options)
    {
        foreach (var chrome in options.TrailingChrome)
        {
            if (string.Equals(block, chrome.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSubheadingCandidate(string block, PlainTextOptions options) =>
        block.Length <= options.SubheadingMaxLength && !EndsWithClosingPunctuation(block);

    private static bool EndsWithClosingPunctuation(string block)
    {
        var end = block.Length - 1;
        while (end >= 0 && IsClosingQuoteOrBracket(block[end]))
        {
            end--;
        }

        if (end < 0)
        {
            return false;
        }

        return block[end] is '.' or '!' or '?' or '…' or ':' or ';' or ','
            or '؟' // Arabic question mark
            or '؛' // Arabic semicolon
            or '،' // Arabic comma
            or '۔' // Urdu full stop
            or '׃' // Hebrew sof pasuq
            or '。' or '！' or '？';
    }

    private static bool IsClosingQuoteOrBracket(char c) =>
        c is '"' or '\'' or '”' or '’' or '»' or '›' or ')' or ']' or '}' or '\u200F' or '\u200E';
}
