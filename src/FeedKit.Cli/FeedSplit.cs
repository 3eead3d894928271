using System.Globalization;
using System.Text;
using FeedKit.Text;

namespace FeedKit.Cli;

/// <summary>What <c>--split-by</c> groups articles by.</summary>
internal enum SplitBy
{
    /// <summary>Each tag (front matter's <c>tags</c> and <c>categories</c>, JSON's <c>tags</c>, the settings' <c>tags</c>).</summary>
    Tag,

    /// <summary>Each category (front matter's <c>categories</c>).</summary>
    Category,

    /// <summary>Each article's language, else the feed's (<c>und</c> when neither says).</summary>
    Language,
}

/// <summary>One feed of <c>--split-by</c>: its group (a tag, a category, a language), its file name without extension, its articles.</summary>
internal sealed record SplitGroup(string Name, string Slug, IReadOnlyList<ArticleEntry> Articles);

/// <summary>
/// Splits a feed's articles into groups, one feed each, named by <see cref="Slug"/>. Groups are in the ordinal order of
/// their names, articles keep the feed's order (newest first), so the files and their bytes never depend on the file
/// system or the culture.
/// </summary>
internal static class FeedSplit
{
    /// <summary>The longest slug, in characters (at most 4 UTF-8 bytes each, well below file systems' 255-byte names).</summary>
    public const int MaxSlugLength = 60;

    private static readonly HashSet<string> WindowsDeviceNames = new(StringComparer.Ordinal)
    {
        "con", "prn", "aux", "nul",
        "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    };

    public static IReadOnlyList<SplitGroup> Groups(AssembledFeed feed, SplitBy by)
    {
        var groups = new SortedDictionary<string, List<ArticleEntry>>(StringComparer.Ordinal);
        foreach (var entry in feed.Articles)
        {
            IEnumerable<string> keys = by switch
            {
                SplitBy.Tag => entry.Article.Tags,
                SplitBy.Category => entry.Categories,
                _ => [(entry.Article.Language ?? feed.Info.Language)?.ToString() ?? "und"],
            };
            foreach (var key in keys.Select(k => UnicodeNormalization.ToNfc(k.Trim())).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal))
            {
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                }

                list.Add(entry);
            }
        }

        // Two names with one slug ("Geneva" and "geneva", "a b" and "a-b"): the later in ordinal order gets "-2", "-3".
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<SplitGroup>(groups.Count);
        foreach (var (name, articles) in groups)
        {
            var slug = Slug(name);
            var unique = slug;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}");
            }

            result.Add(new SplitGroup(name, unique, articles));
        }

        return result;
    }

    /// <summary>
    /// A group's file name without extension: the name in NFC, lower case (invariant, so the same on every machine),
    /// its letters, marks and digits of any script kept as they are, every run of other characters (spaces,
    /// punctuation, symbols, ZWNJ, controls) one "-", no "-" at either end, at most <see cref="MaxSlugLength"/>
    /// characters; "_" when nothing is left, and a "_" after a Windows device name (<c>con</c>, <c>nul</c>, …).
    /// "قمة جنيف" gives "قمة-جنيف", "C# / .NET" gives "c-net".
    /// </summary>
    public static string Slug(string name)
    {
        var text = UnicodeNormalization.ToNfc(name);
        var builder = new StringBuilder(text.Length);
        var dash = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var keep = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
                or UnicodeCategory.OtherNumber;
            if (!keep)
            {
                dash = builder.Length > 0;
                continue;
            }

            if (dash)
            {
                builder.Append('-');
                dash = false;
            }

            builder.Append(Rune.ToLowerInvariant(rune).ToString());
        }

        var slug = builder.ToString();
        if (slug.Length > MaxSlugLength)
        {
            // Cut at a rune boundary, and not after a "-".
            var cut = MaxSlugLength;
            if (char.IsLowSurrogate(slug[cut]))
            {
                cut--;
            }

            slug = slug[..cut].TrimEnd('-');
        }

        return slug.Length == 0 ? "_" : WindowsDeviceNames.Contains(slug) ? slug + "_" : slug;
    }
}
