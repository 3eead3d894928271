using System.Collections.Frozen;
using System.Collections.Immutable;

namespace FeedKit.Podcasts;

/// <summary>
/// Apple's podcast categories and their subcategories, read once from the list kept as data in the assembly
/// (<c>Podcasts/Data/apple-categories.txt</c>): what <see cref="PodcastCategory"/> is checked against.
/// </summary>
public static class AppleCategories
{
    private const string ResourceName = "FeedKit.Podcasts.apple-categories.txt";

    private static readonly Lazy<FrozenDictionary<string, ImmutableArray<string>>> Table = new(Load);

    /// <summary>The categories, in Apple's order.</summary>
    public static ImmutableArray<string> Categories => [.. Order.Value];

    private static readonly Lazy<ImmutableArray<string>> Order = new(() => [.. Read().Select(c => c.Category)]);

    /// <summary>The subcategories of a category, in Apple's order; empty for a category without any or one not on the list.</summary>
    /// <param name="category">The category, spelled as Apple does (such as <c>Health &amp; Fitness</c>).</param>
    /// <returns>Its subcategories.</returns>
    public static ImmutableArray<string> SubcategoriesOf(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return Table.Value.TryGetValue(category, out var subcategories) ? subcategories : [];
    }

    /// <summary>Whether a category (and, when given, its subcategory) is on Apple's list, spelled exactly as there.</summary>
    /// <param name="category">The category.</param>
    /// <param name="subcategory">The subcategory, or null.</param>
    /// <returns>True when Apple lists it.</returns>
    public static bool Contains(string category, string? subcategory = null)
    {
        ArgumentNullException.ThrowIfNull(category);
        return Table.Value.TryGetValue(category, out var subcategories) && (subcategory is null || subcategories.Contains(subcategory, StringComparer.Ordinal));
    }

    private static FrozenDictionary<string, ImmutableArray<string>> Load() =>
        Read().ToFrozenDictionary(c => c.Category, c => c.Subcategories, StringComparer.Ordinal);

    private static List<(string Category, ImmutableArray<string> Subcategories)> Read()
    {
        using var stream = typeof(AppleCategories).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("the resource " + ResourceName + " is missing from the assembly");
        using var reader = new StreamReader(stream);
        var result = new List<(string, ImmutableArray<string>.Builder)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == ' ')
            {
                result[^1].Item2.Add(line.Trim());
            }
            else
            {
                result.Add((line.Trim(), ImmutableArray.CreateBuilder<string>()));
            }
        }

        return [.. result.Select(c => (c.Item1, c.Item2.ToImmutable()))];
    }
}
