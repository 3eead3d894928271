using System.Collections.Immutable;
using FeedKit.Model;

namespace FeedKit.Cli.Readers;

/// <summary>
/// What an article file says: its texts and whatever metadata the format carries (front matter, JSON fields).
/// Metadata stays text here; <see cref="FeedAssembler"/> parses it, so its errors can name the line.
/// </summary>
internal sealed record ArticleSource(
    string File,
    string Headline,
    string? Standfirst,
    ImmutableArray<Block> Body,
    ArticleSettings Metadata,
    ImageSettings? LeadImage,
    SourceLines Lines);

/// <summary>A lead image or image block as a file gives it, before its URL is parsed.</summary>
internal sealed class ImageSettings
{
    public string? Url { get; set; }
    public string? Alt { get; set; }
    public string? Caption { get; set; }
}

/// <summary>
/// Where each part of an article is in its file, by FeedKit's model path (<c>Headline</c>, <c>Published</c>,
/// <c>Body[2]</c>, <c>Authors[0]</c>): error messages name the line.
/// </summary>
internal sealed class SourceLines
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public void Set(string path, int line) => _lines.TryAdd(path, line);

    /// <summary>
    /// The line of <paramref name="path"/> or of its closest recorded parent
    /// (<c>Body[2].Items[1]</c> falls back to <c>Body[2]</c>, then <c>Body</c>).
    /// </summary>
    public int? Find(string path)
    {
        var current = path;
        while (current.Length > 0)
        {
            if (_lines.TryGetValue(current, out var line))
            {
                return line;
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
}

/// <summary>An article file that cannot be read or whose metadata is wrong: names the file and, when known, the line.</summary>
internal sealed class ArticleException(string file, int? line, string message)
    : Exception(line is { } l ? FormattableString.Invariant($"{file}:{l}: {message}") : $"{file}: {message}")
{
    public string File { get; } = file;

    public int? Line { get; } = line;
}
