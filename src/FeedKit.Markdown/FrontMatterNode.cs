using FeedKit.Readers;

namespace FeedKit.Markdown;

/// <summary>
/// A front-matter value, whichever syntax it was written in (YAML between <c>---</c> lines, TOML between
/// <c>+++</c> lines): a scalar's text, a list, or a map, with its position in the article file.
/// </summary>
internal sealed class FrontMatterNode
{
    private FrontMatterNode(SourcePosition position) => Position = position;

    public SourcePosition Position { get; }

    /// <summary>A scalar's text (TOML strings, numbers, booleans and dates as written); null for a list or a map.</summary>
    public string? Scalar { get; private init; }

    /// <summary>Whether a scalar was quoted, so <c>"false"</c> is text and <c>false</c> a boolean.</summary>
    public bool Quoted { get; private init; }

    public IReadOnlyList<FrontMatterNode>? Items { get; private init; }

    public IReadOnlyList<(string Key, FrontMatterNode Value)>? Entries { get; private init; }

    /// <summary>A scalar that is empty or YAML's null (<c>~</c>, <c>null</c>).</summary>
    public bool IsNull => Scalar is not null && !Quoted && (Scalar.Length == 0 || Scalar is "~" or "null" or "Null" or "NULL");

    public string Describe() => Items is not null ? "a list" : Entries is not null ? "a map" : "a value";

    public static FrontMatterNode OfScalar(SourcePosition position, string text, bool quoted) => new(position) { Scalar = text, Quoted = quoted };

    public static FrontMatterNode OfList(SourcePosition position, IReadOnlyList<FrontMatterNode> items) => new(position) { Items = items };

    public static FrontMatterNode OfMap(SourcePosition position, IReadOnlyList<(string Key, FrontMatterNode Value)> entries) => new(position) { Entries = entries };

    /// <summary>A map's value for <paramref name="key"/> (ignoring case), or null.</summary>
    public FrontMatterNode? Get(string key)
    {
        foreach (var (k, v) in Entries ?? [])
        {
            if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        return null;
    }
}
