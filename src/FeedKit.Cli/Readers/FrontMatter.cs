using System.Text;

namespace FeedKit.Cli.Readers;

/// <summary>
/// The small YAML subset a Markdown article's header uses, between a first line <c>---</c> and the next line
/// <c>---</c>: <c>key: value</c> per line; a value may be "double-quoted" (with <c>\"</c> and <c>\\</c>),
/// 'single-quoted' (with <c>''</c>), an inline list <c>[a, "b, c"]</c>, or empty with <c>- item</c> lines under
/// it; lines starting with <c>#</c> are comments. Anything else is an error naming its line: a YAML feature
/// this reader does not know must not be misread in silence.
/// </summary>
internal static class FrontMatter
{
    /// <summary>One key with its value (a scalar or a list) and the 1-based line it is on.</summary>
    public sealed record Entry(string Key, string? Scalar, IReadOnlyList<(string Value, int Line)>? List, int Line);

    /// <summary>
    /// Splits <paramref name="text"/> into its header entries and the Markdown after it.
    /// <paramref name="bodyLineOffset"/> is the number of lines before the Markdown.
    /// </summary>
    public static (List<Entry> Entries, string Body, int BodyLineOffset) Split(string file, string text)
    {
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return ([], text, 0);
        }

        var end = -1;
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() is "---" or "...")
            {
                end = i;
                break;
            }
        }

        if (end < 0)
        {
            throw new ArticleException(file, 1, "the front matter that starts here has no closing \"---\" line");
        }

        var entries = new List<Entry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 1; i < end; i++)
        {
            var line = lines[i];
            var number = i + 1;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]) || trimmed.StartsWith('-'))
            {
                throw new ArticleException(file, number, $"unexpected \"{trimmed}\": list items (\"- item\") belong under a key that has no value on its own line");
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new ArticleException(file, number, $"expected \"key: value\", found \"{trimmed}\"");
            }

            var key = line[..colon].Trim();
            if (seen.TryGetValue(key, out var previous))
            {
                throw new ArticleException(file, number, FormattableString.Invariant($"\"{key}\" is given twice (also on line {previous})"));
            }

            seen[key] = number;
            var value = line[(colon + 1)..].Trim();
            if (value.Length == 0)
            {
                var items = new List<(string, int)>();
                while (i + 1 < end && IsListItem(lines[i + 1]))
                {
                    i++;
                    var item = lines[i].TrimStart()[1..].Trim();
                    items.Add((Unquote(file, i + 1, item), i + 1));
                }

                entries.Add(items.Count == 0 ? new Entry(key, null, null, number) : new Entry(key, null, items, number));
            }
            else if (value.StartsWith('['))
            {
                entries.Add(new Entry(key, null, InlineList(file, number, value), number));
            }
            else
            {
                entries.Add(new Entry(key, Unquote(file, number, value), null, number));
            }
        }

        var body = string.Join('\n', lines.Skip(end + 1));
        return (entries, body, end + 1);
    }

    private static bool IsListItem(string line)
    {
        var trimmed = line.Trim();
        return trimmed == "-" || trimmed.StartsWith("- ", StringComparison.Ordinal);
    }

    private static List<(string, int)> InlineList(string file, int line, string value)
    {
        if (!value.EndsWith(']'))
        {
            throw new ArticleException(file, line, $"the list {value} has no closing \"]\"");
        }

        var items = new List<(string, int)>();
        var inner = value[1..^1];
        var current = new StringBuilder();
        char? quote = null;
        foreach (var c in inner)
        {
            if (quote is null && c == ',')
            {
                Add();
                continue;
            }

            if (c is '"' or '\'' && (quote is null || quote == c))
            {
                quote = quote is null ? c : null;
            }

            current.Append(c);
        }

        if (quote is not null)
        {
            throw new ArticleException(file, line, $"the list {value} has an unclosed quote");
        }

        Add();
        return items;

        void Add()
        {
            var item = current.ToString().Trim();
            current.Clear();
            if (item.Length > 0)
            {
                items.Add((Unquote(file, line, item), line));
            }
        }
    }

    private static string Unquote(string file, int line, string value)
    {
        if (value.Length >= 1 && value[0] == '"')
        {
            if (value.Length < 2 || value[^1] != '"')
            {
                throw new ArticleException(file, line, $"{value}: a double-quoted value needs its closing quote on the same line");
            }

            var result = new StringBuilder();
            for (var i = 1; i < value.Length - 1; i++)
            {
                if (value[i] == '\\' && i + 1 < value.Length - 1)
                {
                    i++;
                    result.Append(value[i] switch { 'n' => '\n', 't' => '\t', var other => other });
                }
                else
                {
                    result.Append(value[i]);
                }
            }

            return result.ToString();
        }

        if (value.Length >= 1 && value[0] == '\'')
        {
            if (value.Length < 2 || value[^1] != '\'')
            {
                throw new ArticleException(file, line, $"{value}: a single-quoted value needs its closing quote on the same line");
            }

            return value[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        // A comment after a plain value: "key: value # note".
        var comment = value.IndexOf(" #", StringComparison.Ordinal);
        return (comment >= 0 ? value[..comment] : value).Trim();
    }
}
