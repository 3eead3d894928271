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
/// <item>Page chrome is dropped (unless <see cref="PlainTextOptions.RemoveChrome"/> is false), decided line by line
/// before lines are joined, and every dropped line is reported in <see cref="PlainTextArticle.Dropped"/> with its line
/// number and rule. A dropped line ends its block as a blank line would. The rules:
/// <list type="number">
/// <item>A <em>listed</em> line is made only of phrases from FeedKit's lists (and numbers, @handles, #tags), e.g.
/// "مقالات ذات صلة", "Share | Facebook | WhatsApp", "Comments (3)"; or starts with listed phrases followed by a label mark
/// (<c>: &gt; › » « | / –</c>), e.g. "Tags: Geneva", "الرئيسية › أخبار" (a navigation word only before a breadcrumb mark,
/// "Published"/"Updated" only before a date, comment and advertisement words never); or is a date or time alone ("16 June 2021
/// 10:30"), or symbols alone ("↑"). At the end of the text a line of at most 200 characters that holds a copyright
/// phrase ("©", "All rights reserved", "جميع الحقوق محفوظة", "כל הזכויות שמורות") is listed too. Lines and phrases are
/// compared after FeedKit's own folding, without CultureInfo or ICU: NFC, Latin case and accents, Arabic tatweel and
/// vowel marks, Hebrew points, Arabic/Persian/Urdu yeh, kaf, heh, alef and teh marbuta variants, digits of any script,
/// whitespace and ZWNJ, punctuation and icons (↑ « » › | • ▲) do not matter. The lists cover Arabic, Hebrew, Persian,
/// Urdu, English and French well; Pashto, Sindhi, Uyghur, Yiddish, Central Kurdish and Dhivehi with a few dozen
/// (unreviewed) phrases each; Syriac not at all beyond the language-neutral list (social network names, ©). Add or
/// remove phrases with <see cref="PlainTextOptions.AddedChromePhrases"/> and
/// <see cref="PlainTextOptions.RemovedChromePhrases"/>.</item>
/// <item>Leading chrome: listed lines before the first body paragraph (above the headline, next to it, around the
/// standfirst) are dropped. Only listed lines: the headline and standfirst are short unpunctuated lines themselves, so
/// no structural rule applies at the start.</item>
/// <item>Trailing chrome: take the run of non-blank lines at the end that are listed or <em>bare</em> (at most
/// <see cref="PlainTextOptions.SubheadingMaxLength"/> characters, no sentence punctuation at the end or inside, not a
/// list item such as "- x" or "1. x", not a credit such as "(Reporting by ...; Editing by ...)"). If the run holds a
/// listed line, the whole run is dropped, so unlisted wordings next to listed chrome go too ("More from our reporters"
/// above "Back to top", headlines under "Related articles"); above the first listed line, though, the run only
/// reaches up through fairly short bare lines (at most 6 words and 48 characters), since a longer one may be the
/// article's last paragraph without its full stop.
/// If it holds none, it is dropped only when it ends with at least two very short lines (at most 4 words and 32
/// characters each), and then only those. A last paragraph that ends with a sentence (., !, ?, ؟, ۔, …) stops the run
/// and stays; a single short unpunctuated last line without listed chrome next to it stays; the first body line,
/// and bare lines of the first body block, always stay. When the line before the run ends with ":", the run may be a
/// list the article introduces, and only its listed lines go. <see cref="PlainTextOptions.RemoveUnlistedChrome"/>
/// turns the structural part off.</item>
/// </list>
/// </item>
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

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].Trim();
        }

        var dropped = options.RemoveChrome ? FindChrome(lines, options) : [];
        var blocks = SplitBlocks(lines, dropped);
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

        return new PlainTextArticle(headline, standfirst, body.ToImmutable()) { Dropped = dropped };
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

    private static List<string> SplitBlocks(string[] lines, ImmutableArray<DroppedLine> dropped)
    {
        var droppedLines = new HashSet<int>(dropped.Select(d => d.Line));
        var blocks = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            // A dropped line ends the block, as a blank line does: chrome was a page element of its own.
            if (line.Length == 0 || droppedLines.Contains(i + 1))
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

    /// <summary>Decides, line by line and before lines are joined into blocks, which lines are page chrome.</summary>
    private static ImmutableArray<DroppedLine> FindChrome(string[] lines, PlainTextOptions options)
    {
        var chrome = PageChrome.For(options);
        var result = new SortedDictionary<int, DroppedLine>();

        // Leading: listed lines before the first body block (above the headline, inside or between the headline and
        // standfirst blocks, and before the first paragraph). No structural rule here: a headline and a standfirst are
        // short lines without closing punctuation themselves.
        var firstBodyLine = -1;
        var blocksStarted = 0;
        var inBlock = false;
        for (var i = 0; i < lines.Length && firstBodyLine < 0; i++)
        {
            if (lines[i].Length == 0)
            {
                inBlock = false;
            }
            else if (chrome.Match(lines[i], trailing: false) is { } match)
            {
                Drop(i, ChromePosition.Leading, match);
                inBlock = false;
            }
            else if (!inBlock)
            {
                inBlock = true;
                if (++blocksStarted == 3)
                {
                    firstBodyLine = i;
                }
            }
        }

        if (firstBodyLine < 0)
        {
            // No body: a listed line after the last kept line ends the text rather than starting it.
            var lastKept = lines.Length - 1;
            while (lastKept >= 0 && (lines[lastKept].Length == 0 || result.ContainsKey(lastKept + 1)))
            {
                lastKept--;
            }

            return [.. result.Values.Select(d => d.Line - 1 > lastKept && lastKept >= 0 ? d with { Position = ChromePosition.Trailing } : d)];
        }

        var firstBlockEnd = firstBodyLine;
        while (firstBlockEnd + 1 < lines.Length && lines[firstBlockEnd + 1].Length > 0)
        {
            firstBlockEnd++;
        }

        // Trailing: the run of listed and bare (short, unpunctuated) lines at the end, blank lines ignored. The first
        // body line always stays, and so do bare lines of the first body block.
        var run = new List<(int Index, ChromeMatch? Match)>();
        var stop = firstBodyLine;
        for (var i = lines.Length - 1; i > firstBodyLine; i--)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            if (chrome.Match(lines[i], trailing: true) is { } match)
            {
                run.Add((i, match));
            }
            else if (i > firstBlockEnd && IsBare(lines[i], options))
            {
                run.Add((i, null));
            }
            else
            {
                stop = i;
                break;
            }
        }

        // Above the first listed line a bare line may be the article's own last paragraph without its full stop, so
        // there only fairly short lines ("More from our reporters") join the run.
        var earliestListed = run.FindLastIndex(r => r.Match is not null);
        if (earliestListed >= 0)
        {
            var cut = run.FindIndex(earliestListed + 1, r => r.Match is null && !IsFairlyShort(lines[r.Index]));
            if (cut >= 0)
            {
                stop = run[cut].Index;
                run.RemoveRange(cut, run.Count - cut);
            }
        }

        // A run after "...:" may be a list the article introduces: then only its listed lines go.
        var structural = options.RemoveUnlistedChrome && !EndsWithColon(lines[stop]);
        if (run.Exists(r => r.Match is not null))
        {
            foreach (var (index, match) in run)
            {
                if (match is null && !structural)
                {
                    continue;
                }

                Drop(index, ChromePosition.Trailing, match ?? new ChromeMatch(ChromeRule.ShortLineNearChrome, null));
            }
        }
        else if (structural)
        {
            var veryShort = run.TakeWhile(r => IsVeryShort(lines[r.Index])).ToList();
            if (veryShort.Count >= 2)
            {
                foreach (var (index, _) in veryShort)
                {
                    Drop(index, ChromePosition.Trailing, new ChromeMatch(ChromeRule.ShortLines, null));
                }
            }
        }

        return [.. result.Values];

        void Drop(int index, ChromePosition position, ChromeMatch match) =>
            result[index + 1] = new DroppedLine(
                index + 1, lines[index], position, match.Rule, match.Entry?.Text, match.Rule == ChromeRule.Phrase ? match.Entry?.Language : null);
    }

    /// <summary>A line the structural rule may drop: short, without sentence punctuation, not a list item.</summary>
    private static bool IsBare(string line, PlainTextOptions options)
    {
        if (line.Length > options.SubheadingMaxLength || EndsWithClosingPunctuation(line) || IsListItem(line))
        {
            return false;
        }

        // "(Reporting by ...; Editing by ...)": a credit line belongs to the article.
        if (line[0] == '(' || line.Contains(';', StringComparison.Ordinal) || line.Contains('؛', StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i + 1 < line.Length; i++)
        {
            if (line[i] is '.' or '!' or '?' or '؟' or '۔' or '…' && line[i + 1] == ' ')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsListItem(string line)
    {
        if (line[0] is '-' or '*' or '•' or '–' or '·' or '+')
        {
            return true;
        }

        var i = 0;
        while (i < line.Length && AsciiText.IsDigit(line[i]))
        {
            i++;
        }

        return i > 0 && i < line.Length && line[i] is '.' or ')';
    }

    private static bool IsFairlyShort(string line) => line.Length <= 48 && PageChrome.Tokenize(line, out _).Count <= 6;

    private static bool IsVeryShort(string line) => line.Length <= 32 && PageChrome.Tokenize(line, out _).Count <= 4;

    private static bool EndsWithColon(string line)
    {
        var end = line.Length - 1;
        while (end >= 0 && IsClosingQuoteOrBracket(line[end]))
        {
            end--;
        }

        return end >= 0 && line[end] is ':' or '：';
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
