using System.IO.Enumeration;
using System.Text;
using System.Text.RegularExpressions;
using FeedKit.IO;

namespace FeedKit.Cli;

/// <summary>
/// Turns the paths on the command line into article files: a file as it is; a folder gives its own
/// <c>*.txt</c>, <c>*.md</c>, <c>*.markdown</c> and <c>*.json</c> files (not <c>feedkit.json</c>, not sub-folders);
/// a glob (<c>*</c>, <c>?</c>, <c>**</c> for any number of folders) gives the article files it matches, for
/// shells that do not expand it. Sorted by ordinal path within each argument, each file once: the order never
/// depends on the file system.
/// </summary>
/// <remarks>
/// A folder or a glob never follows a link to a folder (<c>**</c> would read a tree twice, or for ever around a
/// cycle), and skips what is not a regular file (a named pipe would block the run, a device never ends), each with
/// a line on stderr. A file named on the command line is read as it is. The token is checked for every entry.
/// </remarks>
internal static class InputFiles
{
    /// <exception cref="CliException">A path matches nothing, or a folder cannot be read.</exception>
    public static List<string> Collect(IReadOnlyList<string> paths, TextWriter? notices = null, CancellationToken cancellationToken = default)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            List<string> found;
            if (Directory.Exists(path))
            {
                found = Walk(path, recursive: false, static _ => true, notices, cancellationToken);
            }
            else if (File.Exists(path))
            {
                found = [path];
            }
            else if (IsGlob(path))
            {
                found = Expand(path, notices, cancellationToken);
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

    private static List<string> Expand(string pattern, TextWriter? notices, CancellationToken cancellationToken)
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
        var found = Walk(rootDirectory, recursive, f => regex.IsMatch(Path.GetRelativePath(rootDirectory, f).Replace('\\', '/')), notices, cancellationToken);
        return rootDirectory == "." ? [.. found.Select(f => Path.GetRelativePath(".", f))] : found;
    }

    /// <summary>
    /// The article files in a folder (and its sub-folders when <paramref name="recursive"/>) that
    /// <paramref name="match"/> accepts: links to folders are not followed, and what is not a regular file is skipped.
    /// </summary>
    private static List<string> Walk(string root, bool recursive, Func<string, bool> match, TextWriter? notices, CancellationToken cancellationToken)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = recursive,
            AttributesToSkip = 0,
            IgnoreInaccessible = false,
        };
        var entries = new FileSystemEnumerable<(string Path, bool IsDirectory, bool IsLink)>(
            root,
            (ref FileSystemEntry entry) => (entry.ToSpecifiedFullPath(), entry.IsDirectory, (entry.Attributes & FileAttributes.ReparsePoint) != 0),
            options)
        {
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };

        var found = new List<string>();
        var skipped = new List<string>();
        try
        {
            foreach (var (path, isDirectory, isLink) in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (isDirectory)
                {
                    if (isLink && recursive)
                    {
                        skipped.Add($"feedkit: {path}: a link to a folder, not followed");
                    }
                }
                else if (ArticleFiles.IsArticleFile(path) && match(path))
                {
                    if (FileKinds.Of(path, followLink: true) == FileKind.RegularFile)
                    {
                        found.Add(path);
                    }
                    else
                    {
                        skipped.Add($"feedkit: {path}: not a regular file, skipped");
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{root}: cannot read the folder: {e.Message}");
        }

        // In ordinal order, like the files: stderr too is the same on every file system.
        skipped.Sort(StringComparer.Ordinal);
        foreach (var line in skipped)
        {
            notices?.WriteLine(line);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return found;
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
