namespace FeedKit.PublicApi.Tests;

/// <summary>
/// The repository's own documentation stands on its own: no file under docs/, no README and no changelog mentions
/// the shared folder beside the repository, and every relative link leads to a file in the repository.
/// </summary>
public sealed class DocumentationTests
{
    public static TheoryData<string> Files() => new(FilePaths());

    private static IEnumerable<string> FilePaths()
    {
        var root = MarkdownLinks.RepositoryRoot;
        return Directory.EnumerateFiles(Path.Combine(root, "docs"), "*", SearchOption.AllDirectories)
            .Where(f => !IsGenerated(root, f) && Path.GetExtension(f) is ".md" or ".yml" or ".json")
            .Concat(Directory.EnumerateFiles(root, "*.md"))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src"), "*.md", SearchOption.AllDirectories)
                .Where(f => !IsGenerated(root, f)))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
    }

    [Fact]
    public void The_readme_the_changelog_and_the_rtl_page_are_checked()
    {
        var files = FilePaths().ToList();
        Assert.Contains("README.md", files);
        Assert.Contains("CHANGELOG.md", files);
        Assert.Contains("docs/rtl.md", files);
        Assert.Contains("docs/toc.yml", files);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Nothing_points_outside_the_repository(string file)
    {
        var path = Path.Combine(MarkdownLinks.RepositoryRoot, file);
        var text = File.ReadAllText(path);
        Assert.False(MarkdownLinks.MentionsShared(text), $"{file} mentions ../shared, which is not part of this repository");
        if (file.EndsWith(".md", StringComparison.Ordinal))
        {
            var problems = MarkdownLinks.RepositoryFileProblems(text, Path.GetDirectoryName(path)!, MarkdownLinks.RepositoryRoot);
            Assert.True(problems.Count == 0, $"{file}:\n  " + string.Join("\n  ", problems));
        }
    }

    [Fact]
    public void The_check_finds_shared_paths_and_broken_relative_links()
    {
        var root = MarkdownLinks.RepositoryRoot;
        var docs = Path.Combine(root, "docs");
        var problems = MarkdownLinks.RepositoryFileProblems(
            "See `../shared/docs/rtl-in-feeds.md`, [a](no-such.md), [b](../../outside.md), [c](rtl.md#what-readers-do), [d](https://example.com/x.md).",
            docs,
            root);
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("../shared", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no-such.md", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("outside the repository", StringComparison.Ordinal));
    }

    private static bool IsGenerated(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        return relative.StartsWith("docs/api/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)
            || relative.Contains("/obj/", StringComparison.Ordinal);
    }
}
