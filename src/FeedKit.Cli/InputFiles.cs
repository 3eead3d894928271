using System.Text;
using System.Text.RegularExpressions;

namespace FeedKit.Cli;

/// <summary>
/// Turns the paths on the command line into article files: a file as it is; a folder gives its own
/// <c>*.txt</c>, <c>*.md</c>, <c>*.markdown</c> and <c>*.json</c> files (not <c>feedkit.json</c>, not sub-folders);
/// a glob (<c>*</c>, <c>?</c>, <c>**</c> for any number of folders) gives the article files it matches, for
/// shells that do not expand it. Sorted by ordinal path within each argument, each file once: the order never
/// depends on the file system.
/// </summary>
internal static class InputFiles
{
    public static List<string> Collect(IReadOnlyList<string> paths)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            List<string> found;
            if (Directory.Exists(path))
            {
                found = [.. Directory.GetFiles(path, "*", SearchOption.TopDirectoryOnly).Where(ArticleFiles.IsArticleFile)];
            }
            else if (File.Exists(path))
            {
                found = [path];
            }
            else if (IsGlob(path))
            {
                found = Expand(path);
                if (found.Count == 0)
                {
                    throw new CliException($"{path}: no article files match");
                }
            }
            else
            {
                throw new CliException($"{path}: no such file or folder");
            }

            found.Sort(StringComparer.Ordinal);
            files.AddRange(found.Where(f => seen.Add(Path.GetFullPath(f))));
        }

        if (files.Count == 0)
        {
            throw new CliException($"no article files (*.txt, *.md, *.markdown, *.json) in {string.Join(", ", paths)}");
        }

        return files;
    }

    public static bool IsGlob(string path) => path.AsSpan().IndexOfAny('*', '?') >= 0;

    private static List<string> Expand(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var segments = normalized.Split('/');
        var fixedCount = 0;
        while (fixedCount < segments.Length - 1 && !IsGlob(segments[fixedCount]))
        {
            fixedCount++;
        }

        var root = string.Join('/', segments.Take(fixedCount));
        var rest = string.Join('/', segments.Skip(fixedCount));
        var rootDirectory = root.Length > 0 ? root : normalized.StartsWith('/') ? "/" : ".";
        if (!Directory.Exists(rootDirectory))
        {
            return [];
        }

        var regex = new Regex("^" + ToRegex(rest) + "$", RegexOptions.CultureInvariant);
        var recursive = rest.Contains('/', StringComparison.Ordinal) || rest.Contains("**", StringComparison.Ordinal);
        return [.. Directory.EnumerateFiles(rootDirectory, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(f => regex.IsMatch(Path.GetRelativePath(rootDirectory, f).Replace('\\', '/')))
            .Where(ArticleFiles.IsArticleFile)
            .Select(f => rootDirectory == "." ? Path.GetRelativePath(".", f) : f)];
    }

    private static string ToRegex(string glob)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                i++;
                if (i + 1 < glob.Length && glob[i + 1] == '/')
                {
                    i++;
                    regex.Append("(?:.*/)?");
                }
                else
                {
                    regex.Append(".*");
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return regex.ToString();
    }
}
