using System.Globalization;
using FeedKit.Readers;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FeedKit.Markdown;

/// <summary>YAML front matter (Jekyll's, and Hugo's <c>---</c> form), parsed by YamlDotNet's representation model.</summary>
internal static class YamlFrontMatter
{
    // Aliases can make a small file a huge tree ("billion laughs"); front matter is never that big.
    private const int MaxNodes = 10_000;
    private const int MaxDepth = 32;

    // firstLine: the file's line of the YAML's first line.
    public static FrontMatterNode Parse(string file, string yaml, int firstLine)
    {
        CheckFlowDepth(file, yaml, firstLine);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var message = e.InnerException is YamlException inner && inner.Message.Length > 0 && e.Message.Contains("(Line:", StringComparison.Ordinal)
                ? inner.Message : e.Message;
            var cut = message.IndexOf("(Line:", StringComparison.Ordinal);
            if (message.StartsWith("(Line:", StringComparison.Ordinal))
            {
                var close = message.IndexOf("): ", StringComparison.Ordinal);
                message = close > 0 ? message[(close + 3)..] : message;
            }
            else if (cut > 0)
            {
                message = message[..cut].TrimEnd();
            }

            throw new ArticleReadException(file, At(e.Start, firstLine), null, $"the front matter is not valid YAML: {message}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // ArgumentException ("the current event is of an unsupported type") too, for a flow mapping cut short
            // ("}}}lang:0" after a value); found by fuzzing in CI.
            // YamlDotNet's scanner throws this, not a YamlException, for some malformed input (a "> " line inside a
            // flow sequence: "[a,\n> b]"); found by fuzzing (docs/fuzzing.md).
            throw new ArticleReadException(file, new SourcePosition(firstLine), null, "the front matter is not valid YAML: it cannot be scanned (an unclosed [ or { before a line starting with > or |?)", e);
        }

        if (stream.Documents.Count == 0)
        {
            return FrontMatterNode.OfMap(new SourcePosition(firstLine), []);
        }

        var count = 0;
        return Convert(file, stream.Documents[0].RootNode, firstLine, 0, ref count);
    }

    /// <summary>
    /// YamlDotNet's scanner recurses into flow collections (<c>[[[…]]]</c>, <c>{a: {b: …}}</c>): thousands of them
    /// overflow the stack, which no catch can stop. Front matter never nests deeply, so deep flow nesting is refused
    /// before YamlDotNet sees it. Quoted text and comments are skipped.
    /// </summary>
    private static void CheckFlowDepth(string file, string yaml, int firstLine)
    {
        var depth = 0;
        var line = firstLine;
        var quote = '\0';
        for (var i = 0; i < yaml.Length; i++)
        {
            var c = yaml[i];
            if (c == '\n')
            {
                line++;
                continue;
            }

            if (quote != '\0')
            {
                if (c == '\\' && quote == '"')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '#' when i == 0 || char.IsWhiteSpace(yaml[i - 1]):
                    var end = yaml.IndexOf('\n', i);
                    i = (end < 0 ? yaml.Length : end) - 1;
                    break;
                case '[' or '{':
                    if (++depth > MaxDepth)
                    {
                        throw new ArticleReadException(file, new SourcePosition(line), null, string.Create(CultureInfo.InvariantCulture, $"the front matter nests lists or maps more than {MaxDepth} deep"));
                    }

                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }
    }

    private static FrontMatterNode Convert(string file, YamlNode node, int firstLine, int depth, ref int count)
    {
        // Lines only: front matter has one key a line, and a column would point at the key, not at what to fix.
        var position = new SourcePosition(At(node.Start, firstLine).Line);
        if (++count > MaxNodes || depth > MaxDepth)
        {
            throw new ArticleReadException(file, position, null, "the front matter is too large or nested too deeply (aliases that repeat themselves?)");
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                if (scalar.Style == ScalarStyle.DoubleQuoted && scalar.Value is { } escaped)
                {
                    // "\uFFFE", "\0": escapes that the file's own characters did not show.
                    ArticleFileText.CheckValue(file, position, null, escaped);
                }

                return FrontMatterNode.OfScalar(position, scalar.Value ?? string.Empty, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded);
            case YamlSequenceNode sequence:
            {
                var items = new List<FrontMatterNode>(sequence.Children.Count);
                foreach (var child in sequence.Children)
                {
                    items.Add(Convert(file, child, firstLine, depth + 1, ref count));
                }

                return FrontMatterNode.OfList(position, items);
            }

            case YamlMappingNode mapping:
            {
                var entries = new List<(string, FrontMatterNode)>(mapping.Children.Count);
                foreach (var (key, value) in mapping.Children)
                {
                    var name = key is YamlScalarNode { Value: { } text } ? text : key.ToString();
                    var converted = Convert(file, value, firstLine, depth + 1, ref count);

                    // A key's position is the key's, so "title: x" points at the line that says "title".
                    entries.Add((name, converted.Scalar is null ? converted : Reposition(converted, new SourcePosition(At(key.Start, firstLine).Line))));
                }

                return FrontMatterNode.OfMap(position, entries);
            }

            default:
                return FrontMatterNode.OfScalar(position, string.Empty, quoted: false);
        }
    }

    private static FrontMatterNode Reposition(FrontMatterNode scalar, SourcePosition position) =>
        scalar.Position.Line == position.Line ? scalar : FrontMatterNode.OfScalar(position, scalar.Scalar!, scalar.Quoted);

    private static SourcePosition At(Mark mark, int firstLine) =>
        new(Math.Max(1, (int)mark.Line) + firstLine - 1, Math.Max(1, (int)mark.Column));
}
