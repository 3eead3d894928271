using System.Collections.Immutable;

namespace FeedKit.Readers;

/// <summary>
/// Where each field of an article is in its file, so a host can point a problem at the file's line.
/// </summary>
/// <remarks>
/// Keys are the article's member paths spelled as FeedKit's problem paths spell them after <c>articles[i].</c>:
/// <c>Headline</c>, <c>Standfirst</c>, <c>Published</c>, <c>Body[3]</c>, <c>Body[3].Text</c>,
/// <c>Authors[0].Email</c>, <c>Tags[1]</c>, <c>LeadImage.Url</c>. <see cref="Find"/> takes the longest recorded
/// prefix, so a problem in <c>Body[2].Items[1]</c> points at <c>Body[2]</c> when only the block's line is known.
/// </remarks>
public sealed class ArticleLocations
{
    private readonly ImmutableDictionary<string, SourcePosition> _positions;

    /// <summary>Creates the locations of one article.</summary>
    /// <param name="file">The article's file, as the host named it.</param>
    /// <param name="positions">Member path to position; for a path given twice the first is kept.</param>
    public ArticleLocations(string file, IEnumerable<KeyValuePair<string, SourcePosition>> positions)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(positions);
        var builder = ImmutableDictionary.CreateBuilder<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var (path, position) in positions)
        {
            builder.TryAdd(path, position);
        }

        File = file;
        _positions = builder.ToImmutable();
    }

    /// <summary>The article's file, as the host named it.</summary>
    public string File { get; }

    /// <summary>Every recorded member path and its position.</summary>
    public IReadOnlyDictionary<string, SourcePosition> Positions => _positions;

    /// <summary>
    /// The position of <paramref name="memberPath"/> or of its longest recorded prefix (<c>Body[2].Items[1]</c>,
    /// then <c>Body[2].Items</c>, then <c>Body[2]</c>, then <c>Body</c>); null when none is recorded.
    /// </summary>
    /// <param name="memberPath">An article-relative path such as <c>Authors[0].Email</c>.</param>
    /// <returns>The position, or null.</returns>
    public SourcePosition? Find(string memberPath)
    {
        ArgumentNullException.ThrowIfNull(memberPath);
        var current = memberPath;
        while (current.Length > 0)
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            if (cut <= 0)
            {
                break;
            }

            current = current[..cut];
        }

        return null;
    }

    /// <summary><c>file:line: </c> (or <c>file: </c>) for a message about <paramref name="memberPath"/>.</summary>
    /// <param name="memberPath">An article-relative path such as <c>Authors[0].Email</c>.</param>
    /// <returns>The file and, when known, the position, followed by a colon and a space.</returns>
    public string Prefix(string memberPath) =>
        Find(memberPath) is { } position ? $"{File}:{position}: " : $"{File}: ";
}
