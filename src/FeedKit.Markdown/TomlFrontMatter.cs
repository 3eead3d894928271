using FeedKit.Readers;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace FeedKit.Markdown;

/// <summary>TOML front matter (Hugo's <c>+++</c> form), parsed by Tomlyn's syntax tree, which keeps every position.</summary>
internal static class TomlFrontMatter
{
    // firstLine: the file's line of the TOML's first line.
    public static FrontMatterNode Parse(string file, string toml, int firstLine)
    {
        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(toml, file, true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ArticleReadException(file, new SourcePosition(firstLine), null, $"the front matter is not valid TOML: {e.Message}", e);
        }

        if (document.HasErrors)
        {
            var error = document.Diagnostics.First(d => d.Kind == DiagnosticMessageKind.Error);
            throw new ArticleReadException(file, At(error.Span.Start, firstLine), null, $"the front matter is not valid TOML: {error.Message}");
        }

        var entries = new List<(string, FrontMatterNode)>();
        foreach (var pair in document.KeyValues)
        {
            entries.Add(Entry(pair, firstLine));
        }

        foreach (var table in document.Tables)
        {
            // [params] and other tables: kept as maps under their name, so they are noted as ignored keys.
            var items = new List<(string, FrontMatterNode)>();
            foreach (var pair in table.Items)
            {
                items.Add(Entry(pair, firstLine));
            }

            entries.Add((table.Name?.ToString().Trim() ?? string.Empty, FrontMatterNode.OfMap(Line(table.Span.Start, firstLine), items)));
        }

        return FrontMatterNode.OfMap(new SourcePosition(firstLine), entries);
    }

    private static (string, FrontMatterNode) Entry(KeyValueSyntax pair, int firstLine) =>
        (pair.Key?.ToString().Trim() ?? string.Empty, Convert(pair.Value, Line(pair.Span.Start, firstLine), firstLine));

    // Lines only for values: front matter has one key a line.
    private static SourcePosition Line(TextPosition position, int firstLine) => new(At(position, firstLine).Line);

    private static FrontMatterNode Convert(ValueSyntax? value, SourcePosition position, int firstLine) => value switch
    {
        StringValueSyntax text => FrontMatterNode.OfScalar(position, text.Value ?? string.Empty, quoted: true),
        BooleanValueSyntax boolean => FrontMatterNode.OfScalar(position, boolean.Value ? "true" : "false", quoted: false),
        DateTimeValueSyntax date => FrontMatterNode.OfScalar(position, date.Token?.Text ?? date.Value.ToString(), quoted: false),
        ArraySyntax array => FrontMatterNode.OfList(position, [.. array.Items.Select(i => Convert(i.Value, Line(i.Span.Start, firstLine), firstLine))]),
        InlineTableSyntax table => FrontMatterNode.OfMap(position, [.. table.Items.Select(i => Entry(i.KeyValue!, firstLine))]),
        null => FrontMatterNode.OfScalar(position, string.Empty, quoted: false),
        _ => FrontMatterNode.OfScalar(position, value.ToString()?.Trim() ?? string.Empty, quoted: false),
    };

    private static SourcePosition At(TextPosition position, int firstLine) =>
        new(Math.Max(0, position.Line) + firstLine, Math.Max(0, position.Column) + 1);
}
