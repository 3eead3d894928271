using System.CommandLine;

namespace FeedKit.Cli;

/// <summary>
/// Reports a mistyped command or option as one, with the nearest real one ("unknown option --lang; did you mean
/// --language?"), before System.CommandLine would take it for a file name.
/// </summary>
internal static class Mistypes
{
    /// <summary>The message for the first unknown command or option in <paramref name="args"/>; null when there is none.</summary>
    public static string? Find(string[] args, Command root)
    {
        var command = root;
        var start = 0;
        if (args.Length > 0 && !args[0].StartsWith('-'))
        {
            var sub = root.Subcommands.FirstOrDefault(c => c.Name == args[0]);
            if (sub is null)
            {
                var names = root.Subcommands.Select(c => c.Name).ToList();
                return Nearest(args[0], names) is { } near
                    ? $"unknown command '{args[0]}'; did you mean '{near}'?"
                    : $"unknown command '{args[0]}'; the commands are {string.Join(", ", names)}";
            }

            command = sub;
            start = 1;
        }

        var options = command.Options.Concat(root.Options).ToList();
        for (var i = start; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                break;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                continue;
            }

            var name = arg.Split('=', 2)[0];
            var option = options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name));
            if (option is null)
            {
                var names = options.Select(o => o.Name).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct().ToList();
                return Nearest(name, names) is { } near
                    ? $"unknown option {name}; did you mean {near}?"
                    : $"unknown option {name}; run 'feedkit {(command == root ? string.Empty : command.Name + " ")}--help' for the options";
            }

            if (option.Arity.MaximumNumberOfValues > 0 && !arg.Contains('=', StringComparison.Ordinal))
            {
                i++; // its value
            }
        }

        return null;
    }

    /// <summary>The candidate that <paramref name="typed"/> begins, else the nearest within a few edits; null when none is close.</summary>
    internal static string? Nearest(string typed, IReadOnlyList<string> candidates)
    {
        var prefixed = candidates.Where(c => c.StartsWith(typed, StringComparison.Ordinal)).ToList();
        if (prefixed.Count == 1)
        {
            return prefixed[0];
        }

        var best = candidates
            .Select(c => (Name: c, Distance: Distance(typed, c)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, best.Name.Length / 3) ? best.Name : null;
    }

    /// <summary>Levenshtein distance, with a swap of neighbours counting as one edit.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
