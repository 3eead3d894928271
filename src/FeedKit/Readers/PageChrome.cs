using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text;
using FeedKit.Text;

namespace FeedKit.Readers;

/// <summary>
/// The page chrome phrase table (embedded Chrome/*.txt files plus a reader's added phrases) and the per-line match.
/// Matching needs no CultureInfo or ICU: lines and phrases go through <see cref="Tokenize(string, out int)"/>, FeedKit's own folding.
/// </summary>
internal sealed class PageChrome
{
    private const string ResourcePrefix = "FeedKit.Readers.Chrome.";
    private const int MaxMatchedLineLength = 200;

    private static readonly Lazy<ImmutableArray<Entry>> BuiltIn = new(LoadBuiltIn);
    private static readonly Lazy<PageChrome> DefaultTable = new(() => new PageChrome(BuiltIn.Value));

    private readonly Dictionary<string, List<Entry>> byFirstToken = new(StringComparer.Ordinal);
    private readonly List<Entry> copyright = [];

    private PageChrome(IEnumerable<Entry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Section == Section.Copyright)
            {
                copyright.Add(entry);
            }
            else
            {
                if (!byFirstToken.TryGetValue(entry.Tokens[0], out var list))
                {
                    byFirstToken[entry.Tokens[0]] = list = [];
                }

                list.Add(entry);
            }
        }

        // Longer phrases first, so that a match reports "share on facebook" rather than "share"; a stable sort keeps
        // the file order (languages by name, then lines) among phrases of one length.
        foreach (var key in byFirstToken.Keys.ToList())
        {
            byFirstToken[key] = [.. byFirstToken[key].OrderByDescending(e => e.Tokens.Length)];
        }
    }

    internal enum Section
    {
        Related, Top, Share, Follow, More, Comments, Tags, Newsletter, Ad, Nav, Meta, Copyright, Date, Added,
    }

    /// <summary>The table for <paramref name="options"/>: the shared default one unless phrases are added or removed.</summary>
    public static PageChrome For(PlainTextOptions options)
    {
        if (options.AddedChromePhrases.IsDefaultOrEmpty && options.RemovedChromePhrases.IsDefaultOrEmpty)
        {
            return DefaultTable.Value;
        }

        var removed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in options.RemovedChromePhrases.IsDefault ? [] : options.RemovedChromePhrases)
        {
            removed.Add(string.Join(' ', Tokenize(phrase ?? "", out _)));
        }

        var entries = BuiltIn.Value.Where(e => !removed.Contains(string.Join(' ', e.Tokens))).ToList();
        foreach (var phrase in options.AddedChromePhrases.IsDefault ? [] : options.AddedChromePhrases)
        {
            var tokens = Tokenize(phrase ?? "", out _);
            if (tokens.Count > 0)
            {
                entries.Add(new Entry(phrase!.Trim(), [.. tokens], null, Section.Added));
            }
        }

        return new PageChrome(entries);
    }

    /// <summary>The built-in phrases, for tests: (language or null, section, phrase as written).</summary>
    internal static IEnumerable<(string? Language, Section Section, string Phrase)> BuiltInPhrases =>
        BuiltIn.Value.Select(e => (e.Language, e.Section, e.Text));

    /// <summary>Whether <paramref name="line"/> (trimmed, non-empty) is page chrome by a listed phrase, a date or symbols alone.</summary>
    /// <param name="line">The line.</param>
    /// <param name="trailing">Copyright lines count only at the end of the text.</param>
    /// <returns>The match, or null.</returns>
    public ChromeMatch? Match(string line, bool trailing)
    {
        if (line.Length > MaxMatchedLineLength)
        {
            return null;
        }

        var tokens = Tokenize(line, out var firstBreak, out var mark);
        if (tokens.Count == 0)
        {
            return new ChromeMatch(ChromeRule.SymbolsOnly, null);
        }

        var whole = Cover(tokens, tokens.Count, allowAllSections: true);
        if (whole is not null)
        {
            return whole;
        }

        // A label: listed phrases, then ":" or "›" or "|", then anything ("Tags: Geneva, Biden", "Home › World").
        // Not a date alone ("2021: the year in review" is a headline); a navigation word only before a breadcrumb mark
        // ("Home › World", not "Home: ..."); a date label only before a date ("Updated: 16 June", not "Updated: ...").
        if (firstBreak > 0 && Cover(tokens, firstBreak, allowAllSections: false) is { Entry: { } head } label
            && head.Section switch
            {
                Section.Nav => mark is not (':' or '：' or '-' or '–' or '—' or '―'),
                Section.Meta => tokens.Skip(firstBreak).Any(IsCompanion),
                _ => true,
            })
        {
            return label;
        }

        if (trailing)
        {
            foreach (var entry in copyright)
            {
                if (IndexOf(tokens, entry.Tokens) >= 0
                    && (entry.Tokens.Length > 1 || !char.IsLetter(entry.Tokens[0][0])
                        || tokens.Exists(t => t.Length == 4 && AsciiText.AllDigits(t))))
                {
                    return ToMatch(entry);
                }
            }
        }

        return null;
    }

    private static ChromeMatch ToMatch(Entry entry) =>
        new(entry.Section == Section.Added ? ChromeRule.AddedPhrase : ChromeRule.Phrase, entry);

    /// <summary>
    /// Whether tokens [0, count) are all covered by phrases (and numbers, @handles, #tags): at least one phrase that
    /// is not a date word, or else at least one number (a date or time alone).
    /// </summary>
    private ChromeMatch? Cover(List<string> tokens, int count, bool allowAllSections)
    {
        // first[i]: the first non-date phrase on some cover of tokens [0, i); reach[i]: some cover reaches i.
        var reach = new bool[count + 1];
        var first = new Entry?[count + 1];
        var number = false;
        reach[0] = true;
        for (var i = 0; i < count; i++)
        {
            if (!reach[i])
            {
                continue;
            }

            if (IsCompanion(tokens[i]))
            {
                number |= tokens[i][0] is not '@' and not '#';
                Reach(i + 1, first[i]);
            }

            if (byFirstToken.TryGetValue(tokens[i], out var entries))
            {
                foreach (var entry in entries)
                {
                    if (i + entry.Tokens.Length <= count && Matches(tokens, i, entry.Tokens)
                        && (allowAllSections || entry.Section is not (Section.Comments or Section.Ad)))
                    {
                        Reach(i + entry.Tokens.Length, first[i] ?? (entry.Section == Section.Date ? null : entry));
                    }
                }
            }
        }

        if (!reach[count])
        {
            return null;
        }

        return first[count] is { } found ? ToMatch(found)
            : number ? new ChromeMatch(ChromeRule.DateLine, null)
            : null;

        void Reach(int at, Entry? phrase)
        {
            reach[at] = true;
            first[at] ??= phrase;
        }
    }

    private static bool IsCompanion(string token)
    {
        if (token[0] is '@' or '#')
        {
            return token.Length > 1;
        }

        foreach (var c in token)
        {
            if (AsciiText.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(List<string> tokens, int at, string[] phrase)
    {
        for (var k = 0; k < phrase.Length; k++)
        {
            if (!string.Equals(tokens[at + k], phrase[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOf(List<string> tokens, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= tokens.Count; i++)
        {
            if (Matches(tokens, i, phrase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Splits a line into folded words. Dropped: Arabic tatweel and vowel marks, Hebrew points, Syriac vowels,
    /// format characters (RLM, LRM, ALM, ZWJ, embeddings). Unified: Arabic/Persian/Urdu yeh, kaf, heh, alef and teh
    /// marbuta variants, Yiddish ligatures, all decimal digits to ASCII. Latin letters lose case and accents.
    /// Separators: spaces, ZWNJ, punctuation, symbols and icons; a label mark (: ： &gt; &lt; › ‹ » « | / – — or a lone
    /// hyphen) also separates, and the number of words before the first one is <paramref name="firstBreak"/>
    /// (-1 when there is none). "©" is a word of its own.
    /// </summary>
    internal static List<string> Tokenize(string text, out int firstBreak) => Tokenize(text, out firstBreak, out _);

    private static List<string> Tokenize(string text, out int firstBreak, out char mark)
    {
        mark = '\0';
        text = UnicodeNormalization.ToNfc(text);
        var tokens = new List<string>();
        var word = new StringBuilder();
        firstBreak = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsIgnored(c))
            {
                continue;
            }

            if (IsWordChar(c) || (c is '@' or '#' && word.Length == 0 && i + 1 < text.Length && IsWordChar(text[i + 1])))
            {
                AppendFolded(word, c);
                continue;
            }

            if ((c is '\'' or '’' or '‘' or 'ʼ' or '-' or '‐' or '‑') && word.Length > 0 && NextIsWordChar(text, i))
            {
                word.Append(c is '-' or '‐' or '‑' ? '-' : '\'');
                continue;
            }

            Flush();
            if (c == '©')
            {
                tokens.Add("©");
            }
            else if (IsLabelMark(c) && firstBreak < 0 && tokens.Count > 0)
            {
                firstBreak = tokens.Count;
                mark = c;
            }
        }

        Flush();
        return tokens;

        void Flush()
        {
            if (word.Length > 0)
            {
                tokens.Add(word.ToString());
                word.Clear();
            }
        }
    }

    private static bool NextIsWordChar(string text, int i)
    {
        for (var j = i + 1; j < text.Length; j++)
        {
            if (!IsIgnored(text[j]))
            {
                return IsWordChar(text[j]);
            }
        }

        return false;
    }

    private static bool IsLabelMark(char c) =>
        c is ':' or '：' or '>' or '<' or '›' or '‹' or '»' or '«' or '|' or '¦' or '/' or '\\' or '–' or '—' or '―' or '-';

    private static bool IsWordChar(char c)
    {
        if (char.IsSurrogate(c))
        {
            return false;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static bool IsIgnored(char c) =>
        c is '\u0640' // Arabic tatweel
            or (>= '\u0610' and <= '\u061A') or (>= '\u064B' and <= '\u065F') or '\u0670'
            or (>= '\u06D6' and <= '\u06DC') or (>= '\u06DF' and <= '\u06E8') or (>= '\u06EA' and <= '\u06ED') // Arabic marks
            or (>= '\u0591' and <= '\u05BD') or '\u05BF' or '\u05C1' or '\u05C2' or '\u05C4' or '\u05C5' or '\u05C7' // Hebrew points
            or (>= '\u0730' and <= '\u074A') // Syriac vowels and marks
            or '\u00AD' or '\u200B' or '\u200D' or '\u200E' or '\u200F' or '\u061C' or '\uFEFF'
            or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static void AppendFolded(StringBuilder word, char c)
    {
        var digit = CharUnicodeInfo.GetDecimalDigitValue(c);
        if (digit >= 0)
        {
            word.Append((char)('0' + digit));
            return;
        }

        switch (c)
        {
            case >= 'A' and <= 'Z':
                word.Append((char)(c + 32));
                return;
            case 'ß':
                word.Append("ss");
                return;
            case 'Œ' or 'œ':
                word.Append("oe");
                return;
            case 'Æ' or 'æ':
                word.Append("ae");
                return;
            case '\u0622' or '\u0623' or '\u0625' or '\u0671' or '\u0672' or '\u0673': // alef with madda, hamza, wasla
                word.Append('\u0627');
                return;
            case '\u0649' or '\u06CC' or '\u06D0' or '\u0626': // alef maksura, Farsi yeh, yeh with hamza
                word.Append('\u064A');
                return;
            case '\u06A9' or '\u06AA' or '\u06AB': // keheh, swash kaf
                word.Append('\u0643');
                return;
            case '\u0629' or '\u06C0' or '\u06C1' or '\u06C2' or '\u06C3' or '\u06D5': // teh marbuta, heh goal, ae
                word.Append('\u0647');
                return;
            case '\u0624': // waw with hamza
                word.Append('\u0648');
                return;
            case '\u05F0': // Yiddish double vav
                word.Append("\u05D5\u05D5");
                return;
            case '\u05F1':
                word.Append("\u05D5\u05D9");
                return;
            case '\u05F2':
                word.Append("\u05D9\u05D9");
                return;
        }

        if (c is >= '\u00C0' and <= '\u017F')
        {
            var folded = LatinBase(c);
            if (folded != '\0')
            {
                word.Append(folded);
                return;
            }
        }

        word.Append(c);
    }

    // Latin-1 Supplement and Latin Extended-A letters to their lowercase base letter; '\0' when not a letter with one.
    private const string Latin1Bases = "aaaaaaaceeeeiiiidnooooo\0ouuuuyts" + "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";
    private const string LatinExtendedABases =
        "aaaaaa" + "cccccccc" + "dddd" + "eeeeeeeeee" + "gggggggg" + "hhhh" + "iiiiiiiiii" + "ii" + "jj" + "kkk" + "llllllllll"
        + "nnnnnnnnn" + "oooooo" + "oo" + "rrrrrr" + "ssssssss" + "tttttt" + "uuuuuuuuuuuu" + "ww" + "yyy" + "zzzzzz" + "s";

    private static char LatinBase(char c) => c switch
    {
        < '\u0100' => Latin1Bases[c - '\u00C0'],
        _ => c - '\u0100' < LatinExtendedABases.Length ? LatinExtendedABases[c - '\u0100'] : '\0',
    };

    private static ImmutableArray<Entry> LoadBuiltIn()
    {
        var assembly = typeof(PageChrome).Assembly;
        var entries = ImmutableArray.CreateBuilder<Entry>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var language = name[ResourcePrefix.Length..^".txt".Length];
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            Parse(reader.ReadToEnd(), language == "common" ? null : language, entries);
        }

        return entries.ToImmutable();
    }

    /// <summary>Parses one phrase file (format in Chrome/README.md).</summary>
    internal static void Parse(string text, string? language, ImmutableArray<Entry>.Builder entries)
    {
        Section? section = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                section = Enum.Parse<Section>(line[1..^1], ignoreCase: true);
                continue;
            }

            var tokens = Tokenize(line, out _);
            if (section is null || tokens.Count == 0)
            {
                throw new InvalidDataException($"page chrome list {language ?? "common"}: \"{line}\" is outside a section or has no words");
            }

            entries.Add(new Entry(line, [.. tokens], language, section.Value));
        }
    }

    /// <summary>One phrase.</summary>
    internal sealed record Entry(string Text, string[] Tokens, string? Language, Section Section);
}

/// <summary>A chrome match: the rule and, for a phrase, the phrase.</summary>
internal sealed record ChromeMatch(ChromeRule Rule, PageChrome.Entry? Entry);
