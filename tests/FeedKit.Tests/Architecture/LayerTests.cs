using System.Reflection;
using System.Text.RegularExpressions;
using FeedKit.Formats;
using NetArchTest.Rules;
using Xunit;

namespace FeedKit.Tests.Architecture;

/// <summary>
/// The library's dependency order (docs/architecture.md): a namespace may use its own layer and the layers below it,
/// never one above. Checked on the compiled code (method bodies included), so a stray <c>using</c> cannot hide.
/// </summary>
public sealed class LayerTests
{
    /// <summary>The layers, lowest first. Namespaces in one layer may use each other.</summary>
    public static readonly string[][] Layers =
    [
        ["FeedKit"],
        ["FeedKit.Text"],
        ["FeedKit.Xml", "FeedKit.IO"],
        ["FeedKit.Extensions", "FeedKit.Model"],
        ["FeedKit.Html"],
        ["FeedKit.Media", "FeedKit.WebSub", "FeedKit.Archive", "FeedKit.DublinCore", "FeedKit.Podcasts"],
        ["FeedKit.Validation"],
        ["FeedKit.Formats", "FeedKit.Formats.Atom", "FeedKit.Formats.Rss", "FeedKit.Formats.Json"],
        ["FeedKit.Readers", "FeedKit.Interop", "FeedKit.Browser"],
    ];

    private static readonly Assembly Library = typeof(FeedWriter).Assembly;

    public static TheoryData<int> LayerIndexes() => [.. Enumerable.Range(0, Layers.Length)];

    [Theory]
    [MemberData(nameof(LayerIndexes))]
    public void No_layer_uses_a_layer_above_it(int index)
    {
        var above = Layers.Skip(index + 1).SelectMany(l => l).ToArray();
        if (above.Length == 0)
        {
            return;
        }

        var result = Types.InAssembly(Library)
            .That().ResideInNamespaceMatching(Exactly(Layers[index]))
            .ShouldNot().HaveDependencyOnAny(above)
            .GetResult();
        Assert.True(
            result.IsSuccessful,
            $"{string.Join(", ", Layers[index])} must not use {string.Join(", ", above)}, but these do: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Every_namespace_of_the_library_has_its_layer()
    {
        var known = Layers.SelectMany(l => l).ToHashSet(StringComparer.Ordinal);
        var namespaces = Library.GetTypes()
            .Select(t => t.Namespace)
            .Where(n => n is not null && n.StartsWith("FeedKit", StringComparison.Ordinal))
            .Distinct()
            .Where(n => !known.Contains(n!))
            .ToList();
        Assert.True(namespaces.Count == 0, $"namespaces without a layer (add them to docs/architecture.md and this test): {string.Join(", ", namespaces)}");
    }

    [Fact]
    public void The_check_catches_a_use_of_a_higher_layer()
    {
        // Validation uses Media (a lower layer): asking the reverse question must fail, or the test above proves nothing.
        var result = Types.InAssembly(Library)
            .That().ResideInNamespaceMatching(Exactly(["FeedKit.Validation"]))
            .ShouldNot().HaveDependencyOnAny("FeedKit.Media")
            .GetResult();
        Assert.False(result.IsSuccessful);
    }

    [Fact]
    public void Every_source_file_is_in_the_namespace_its_folder_names()
    {
        var root = Path.Combine(Solution.Root, "src", "FeedKit");
        var wrong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(relative)!.Replace(Path.DirectorySeparatorChar, '.');
            folder = Regex.Replace(folder, @"\.?Data$", string.Empty); // generated tables sit in Text/Data
            var expected = folder.Length == 0 ? "FeedKit" : "FeedKit." + folder;
            var declared = Regex.Match(File.ReadAllText(file), @"^namespace ([\w.]+);", RegexOptions.Multiline).Groups[1].Value;
            if (declared != expected)
            {
                wrong.Add($"{relative}: namespace {declared}, folder says {expected}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static string Exactly(IEnumerable<string> namespaces) =>
        "^(" + string.Join("|", namespaces.Select(Regex.Escape)) + ")$";
}
