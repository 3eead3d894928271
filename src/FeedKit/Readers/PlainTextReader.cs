using System.Collections.Immutable;
using System.Globalization;

namespace FeedKit.Readers;

/// <summary>
/// <see cref="PlainTextArticleReader"/> behind <see cref="IArticleReader"/>: reads <c>.txt</c> files, with the line
/// of the headline, the standfirst and each body block, and a note (<see cref="ReaderNoteKind.DroppedLines"/>) for each line of page chrome it left out.
/// </summary>
public sealed class PlainTextReader : IArticleReader
{
    private readonly PlainTextOptions _options;

    /// <summary>Creates the reader.</summary>
    /// <param name="options">Reader options; null for <see cref="PlainTextOptions.Default"/>.</param>
    public PlainTextReader(PlainTextOptions? options = null) => _options = options ?? PlainTextOptions.Default;

    /// <inheritdoc />
    public ImmutableArray<string> Extensions { get; } = [".txt"];

    /// <inheritdoc />
    public ArticleReadResult Read(string file, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(file);
        var text = ArticleFileText.Decode(file, content);
        PlainTextArticle article;
        try
        {
            article = PlainTextArticleReader.Read(text, _options);
        }
        catch (PlainTextFormatException e)
        {
            var reason = e.Message[(e.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..];
            throw new ArticleReadException(file, new SourcePosition(e.Line, e.Column), null, reason, e);
        }

        // The blocks as the reader splits them (text up to a blank line or a dropped line), with their first lines.
        var starts = BlockLines(text, [.. article.Dropped.Select(d => d.Line)]);
        var positions = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        var kept = 1 + (article.Standfirst is null ? 0 : 1) + article.Body.Length;
        if (starts.Count > 0)
        {
            positions["Headline"] = new SourcePosition(starts[0]);
        }

        if (article.Standfirst is not null && starts.Count > 1)
        {
            positions["Standfirst"] = new SourcePosition(starts[1]);
        }

        for (var i = 0; i < article.Body.Length && i + 2 < starts.Count; i++)
        {
            positions[string.Create(CultureInfo.InvariantCulture, $"Body[{i}]")] = new SourcePosition(starts[i + 2]);
        }

        // Every line dropped as page chrome, each with its line and why, so that a real last paragraph dropped by
        // mistake is visible to whoever runs the reader.
        var notes = new List<ReaderNote>(article.Dropped.Length);
        foreach (var line in article.Dropped)
        {
            notes.Add(new ReaderNote(ReaderNoteKind.DroppedLines, file, new SourcePosition(line.Line), $"dropped \"{line.Text}\": {line.Reason}"));
        }

        var source = new ArticleSource
        {
            File = file,
            Headline = article.Headline,
            Standfirst = article.Standfirst,
            Body = article.Body,
            Slug = Path.GetFileNameWithoutExtension(file),
            Locations = new ArticleLocations(file, positions),
        };
        return ArticleReadResult.Of(source, notes);
    }

    private static List<int> BlockLines(string text, HashSet<int> dropped)
    {
        var starts = new List<int>();
        var inBlock = false;
        var line = 0;
        foreach (var raw in text.Split('\n'))
        {
            line++;
            var blank = raw.AsSpan().Trim().IsEmpty || dropped.Contains(line);
            if (!blank && !inBlock)
            {
                starts.Add(line);
            }

            inBlock = !blank;
        }

        return starts;
    }
}
