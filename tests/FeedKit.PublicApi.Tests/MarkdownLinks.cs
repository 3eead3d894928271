using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace FeedKit.PublicApi.Tests;

/// <summary>
/// Finds the repository and the links in its Markdown files, and says which links would break where a file is read:
/// on a package's page (far from the repository) or in the repository itself.
/// </summary>
internal static partial class MarkdownLinks
{
    /// <summary>The repository's root: the nearest folder above the test's output that holds FeedKit.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>RepositoryUrl from Directory.Build.props, without a trailing slash.</summary>
    public static string RepositoryUrl { get; } = ReadRepositoryUrl();

    /// <summary>Every link target in <paramref name="markdown"/>: inline links and images, reference definitions,
    /// autolinks and HTML <c>href</c>/<c>src</c> attributes, outside code.</summary>
    public static IReadOnlyList<string> Find(string markdown)
    {
        var text = InlineCode().Replace(FencedCode().Replace(markdown, string.Empty), string.Empty);
        var links = new List<string>();
        foreach (Match m in InlineLink().Matches(text))
        {
            links.Add(m.Groups["url"].Value.Trim('<', '>'));
        }

        foreach (Match m in ReferenceDefinition().Matches(text))
        {
            links.Add(m.Groups["url"].Value.Trim('<', '>'));
        }

        foreach (Match m in AutoLink().Matches(text))
        {
            links.Add(m.Groups["url"].Value);
        }

        foreach (Match m in HtmlLink().Matches(text))
        {
            links.Add(m.Groups["url"].Value);
        }

        return links;
    }

    /// <summary>
    /// What breaks in a package README: a link that is not absolute https (or mailto), an absolute link into this
    /// repository's files that do not exist, and any path that climbs out of a folder ("../").
    /// </summary>
    public static IReadOnlyList<string> PackageReadmeProblems(string markdown, string repositoryRoot, string repositoryUrl)
    {
        var problems = new List<string>();
        if (markdown.Contains("../", StringComparison.Ordinal) || markdown.Contains(@"..\", StringComparison.Ordinal))
        {
            problems.Add("mentions a path outside its folder (\"../\"), which means nothing on a package page");
        }

        foreach (var link in Find(markdown))
        {
            if (link.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                problems.Add($"\"{link}\" is not an absolute https URL, so it breaks on the package page");
                continue;
            }

            var path = RepositoryPath(uri, repositoryUrl);
            if (path is not null && !File.Exists(Path.Combine(repositoryRoot, path)) && !Directory.Exists(Path.Combine(repositoryRoot, path)))
            {
                problems.Add($"\"{link}\" points to {path}, which is not in the repository");
            }
        }

        return problems;
    }

    /// <summary>
    /// What breaks in a repository Markdown file: a relative link to a file that does not exist or lies outside the
    /// repository, and any mention of the workplace's shared folder.
    /// </summary>
    public static IReadOnlyList<string> RepositoryFileProblems(string markdown, string fileDirectory, string repositoryRoot)
    {
        var problems = new List<string>();
        if (MentionsShared(markdown))
        {
            problems.Add("mentions ../shared, which is not part of this repository");
        }

        var root = Path.GetFullPath(repositoryRoot);
        foreach (var link in Find(markdown))
        {
            if (link.Length == 0 || link.StartsWith('#') || Uri.TryCreate(link, UriKind.Absolute, out _))
            {
                continue;
            }

            var relative = Uri.UnescapeDataString(link.Split('#', '?')[0]);
            var target = Path.GetFullPath(Path.Combine(fileDirectory, relative));
            if (!target.StartsWith(root, StringComparison.Ordinal))
            {
                problems.Add($"\"{link}\" leads outside the repository");
            }
            else if (!File.Exists(target) && !Directory.Exists(target))
            {
                problems.Add($"\"{link}\" leads to {Path.GetRelativePath(root, target)}, which does not exist");
            }
        }

        return problems;
    }

    /// <summary>True when <paramref name="text"/> names the shared folder beside the repository.</summary>
    public static bool MentionsShared(string text) => SharedFolder().IsMatch(text);

    /// <summary>The packable projects: every csproj under src/ without IsPackable false.</summary>
    public static IEnumerable<string> PackableProjects() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !string.Equals(Property(XDocument.Load(p), "IsPackable"), "false", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    /// <summary>The value of the first <paramref name="name"/> property in <paramref name="project"/>, if any.</summary>
    public static string? Property(XDocument project, string name) =>
        project.Descendants().FirstOrDefault(e => e.Name.LocalName == name && e.Parent?.Name.LocalName == "PropertyGroup")?.Value.Trim();

    private static string? RepositoryPath(Uri uri, string repositoryUrl)
    {
        var link = uri.GetLeftPart(UriPartial.Path);
        foreach (var prefix in new[] { repositoryUrl + "/blob/main/", repositoryUrl + "/tree/main/", repositoryUrl + "/raw/main/" })
        {
            if (link.StartsWith(prefix, StringComparison.Ordinal))
            {
                return Uri.UnescapeDataString(link[prefix.Length..]);
            }
        }

        var repository = new Uri(repositoryUrl);
        var raw = "https://raw.githubusercontent.com" + repository.AbsolutePath.TrimEnd('/') + "/main/";
        return repository.Host == "github.com" && link.StartsWith(raw, StringComparison.Ordinal)
            ? Uri.UnescapeDataString(link[raw.Length..])
            : null;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FeedKit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FeedKit.sln not found above " + AppContext.BaseDirectory);
    }

    private static string ReadRepositoryUrl() =>
        Property(XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Build.props")), "RepositoryUrl")?.TrimEnd('/')
        ?? throw new InvalidOperationException("Directory.Build.props has no RepositoryUrl");

    [GeneratedRegex(@"^ {0,3}(```|~~~).*?^ {0,3}\1", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\]\((?<url><[^>]*>|[^)\s]*)(\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^ {0,3}\[[^\]]+\]:\s*(?<url>\S+)", RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"<(?<url>[a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"\b(?:href|src)\s*=\s*[""'](?<url>[^""']*)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlLink();

    [GeneratedRegex(@"\.\.[/\\]shared\b")]
    private static partial Regex SharedFolder();
}
