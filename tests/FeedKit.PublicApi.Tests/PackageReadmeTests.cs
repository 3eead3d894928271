using System.Xml.Linq;

namespace FeedKit.PublicApi.Tests;

/// <summary>
/// Every package is met on its package page: each packable project packs a README of its own, with metadata that
/// names its authors, licence and changes, and the README links nothing that breaks there.
/// </summary>
public sealed class PackageReadmeTests
{
    public static TheoryData<string> Projects() => new(ProjectPaths());

    private static IEnumerable<string> ProjectPaths() =>
        MarkdownLinks.PackableProjects().Select(p => Path.GetRelativePath(MarkdownLinks.RepositoryRoot, p).Replace('\\', '/'));

    [Fact]
    public void The_three_packages_are_found()
    {
        var projects = ProjectPaths().ToList();
        Assert.Contains("src/FeedKit/FeedKit.csproj", projects);
        Assert.Contains("src/FeedKit.AspNetCore/FeedKit.AspNetCore.csproj", projects);
        Assert.Contains("src/FeedKit.Cli/FeedKit.Cli.csproj", projects);
        Assert.DoesNotContain("src/FeedKit.Samples.Web/FeedKit.Samples.Web.csproj", projects);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Each_package_packs_its_own_readme(string project)
    {
        var readme = PackedReadme(project);
        Assert.True(File.Exists(readme), $"{project}: the packed README {readme} does not exist");
        Assert.NotEqual(Path.Combine(MarkdownLinks.RepositoryRoot, "README.md"), readme);
        var text = File.ReadAllText(readme);
        Assert.Contains("dotnet ", text, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^## Install", text);
        Assert.Matches(@"(?m)^## Supported frameworks", text);
        Assert.Matches(@"(?m)^## Limitations", text);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_package_readme_has_no_link_that_breaks_on_the_package_page(string project)
    {
        var readme = PackedReadme(project);
        var problems = MarkdownLinks.PackageReadmeProblems(File.ReadAllText(readme), MarkdownLinks.RepositoryRoot, MarkdownLinks.RepositoryUrl);
        Assert.True(problems.Count == 0, $"{Path.GetRelativePath(MarkdownLinks.RepositoryRoot, readme)}:\n  " + string.Join("\n  ", problems));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Each_package_has_authors_licence_copyright_tags_and_release_notes(string project)
    {
        var csproj = XDocument.Load(Path.Combine(MarkdownLinks.RepositoryRoot, project));
        var props = XDocument.Load(Path.Combine(MarkdownLinks.RepositoryRoot, "Directory.Build.props"));
        string? Get(string name) => MarkdownLinks.Property(csproj, name) ?? MarkdownLinks.Property(props, name);

        var projectName = Path.GetFileNameWithoutExtension(project);
        var authors = Get("Authors");
        Assert.False(string.IsNullOrWhiteSpace(authors), $"{project}: no Authors (the SDK would put the project name there)");
        Assert.NotEqual(projectName, authors);
        Assert.Equal("MIT", Get("PackageLicenseExpression"));
        Assert.Contains("FeedKit contributors", Get("Copyright") ?? string.Empty, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(MarkdownLinks.Property(csproj, "Description")), $"{project}: no Description");
        Assert.False(string.IsNullOrWhiteSpace(MarkdownLinks.Property(csproj, "PackageTags")), $"{project}: no PackageTags");
        Assert.Contains(MarkdownLinks.RepositoryUrl + "/blob/main/CHANGELOG.md", Get("PackageReleaseNotes") ?? string.Empty, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(MarkdownLinks.RepositoryRoot, "CHANGELOG.md")));
    }

    [Fact]
    public void The_check_finds_links_that_break_on_a_package_page()
    {
        var root = MarkdownLinks.RepositoryRoot;
        var url = MarkdownLinks.RepositoryUrl;
        var bad = $"""
            See [the docs](docs/rtl.md), ![shot](../../docs/browser-view-seed.png), [top](#install),
            <a href="guide.html">guide</a>, [gone]({url}/blob/main/docs/no-such-page.md), [old](http://example.com/),
            and ../shared/docs/rtl-in-feeds.md.
            """;
        var problems = MarkdownLinks.PackageReadmeProblems(bad, root, url);
        Assert.Equal(7, problems.Count);
        Assert.Contains(problems, p => p.Contains("\"docs/rtl.md\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no-such-page.md", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"../\"", StringComparison.Ordinal));

        var good = $"""
            [rtl]({url}/blob/main/docs/rtl.md), ![shot](https://raw.githubusercontent.com/feedkit/feedkit/main/docs/browser-view-seed.png),
            <mailto:someone@example.com> and `[not a link](code.md)`.

            ```csharp
            var body = [new Paragraph("x")](y);
            ```
            """;
        Assert.Empty(MarkdownLinks.PackageReadmeProblems(good, root, url));
    }

    /// <summary>The file packed as the package's readme: PackageReadmeFile, found among the items packed.</summary>
    private static string PackedReadme(string project)
    {
        var path = Path.Combine(MarkdownLinks.RepositoryRoot, project);
        var csproj = XDocument.Load(path);
        var name = MarkdownLinks.Property(csproj, "PackageReadmeFile");
        Assert.False(string.IsNullOrEmpty(name), $"{project}: no PackageReadmeFile");
        var item = csproj.Descendants()
            .Where(e => e.Attribute("Pack")?.Value == "true" && e.Attribute("Include") is not null)
            .FirstOrDefault(e =>
            {
                var include = e.Attribute("Include")!.Value.Replace('\\', '/');
                var packagePath = (e.Attribute("PackagePath")?.Value ?? string.Empty).Replace('\\', '/').Trim('/');
                return packagePath == name || (packagePath.Length == 0 && Path.GetFileName(include) == name);
            });
        Assert.True(item is not null, $"{project}: nothing is packed as {name}");
        return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, item!.Attribute("Include")!.Value.Replace('\\', '/')));
    }
}
