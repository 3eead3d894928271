using System.Text;
using System.Text.Json;

namespace FeedKit.Readers;

/// <summary>
/// A JSON document read token by token with <see cref="Utf8JsonReader"/> (no reflection, so trimming and Native AOT
/// keep it), each value with its line and column, so the JSON reader's errors can name both.
/// </summary>
internal sealed class JsonTree
{
    private JsonTree(JsonTokenType kind, SourcePosition position)
    {
        Kind = kind;
        Position = position;
    }

    public JsonTokenType Kind { get; }

    public SourcePosition Position { get; }

    /// <summary>A string's value, or a number's text.</summary>
    public string? Text { get; private set; }

    /// <summary>An object's members in file order, each with its name's position.</summary>
    public List<(string Name, SourcePosition Position, JsonTree Value)>? Members { get; private set; }

    public List<JsonTree>? Items { get; private set; }

    /// <summary>What the value is, for messages: <c>a string</c>, <c>null</c>, <c>an array</c>.</summary>
    public string Describe() => Kind switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "an array",
        _ => "an object",
    };

    /// <exception cref="ArticleReadException">The bytes are not one well-formed JSON value.</exception>
    public static JsonTree Parse(string file, byte[] bytes)
    {
        var positions = new Positions(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
        try
        {
            if (!reader.Read())
            {
                throw new ArticleReadException(file, new SourcePosition(1, 1), null, "the file is empty: expected an article object");
            }

            var tree = ReadValue(file, ref reader, positions);
            if (reader.Read())
            {
                throw new ArticleReadException(file, positions.At(reader.TokenStartIndex), null, "unexpected text after the article object");
            }

            return tree;
        }
        catch (JsonException e)
        {
            // The reader's own message ends with "LineNumber: 2 | BytePositionInLine: 7."; the position goes in front instead.
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            message = (cut > 0 ? message[..cut] : message).TrimEnd();
            SourcePosition? position = null;
            if (e.LineNumber is { } line && e.BytePositionInLine is { } inLine)
            {
                position = positions.AtLine((int)line + 1, (int)inLine);
            }

            throw new ArticleReadException(file, position, null, $"not valid JSON: {message}", e);
        }
    }

    private static JsonTree ReadValue(string file, ref Utf8JsonReader reader, Positions positions)
    {
        var tree = new JsonTree(reader.TokenType, positions.At(reader.TokenStartIndex));
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                tree.Text = GetString(file, ref reader, tree.Position);
                if (reader.ValueIsEscaped)
                {
                    ArticleFileText.CheckValue(file, tree.Position, null, tree.Text!);
                }

                break;
            case JsonTokenType.Number:
                tree.Text = Encoding.UTF8.GetString(reader.ValueSpan);
                break;
            case JsonTokenType.StartObject:
                tree.Members = [];
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = GetString(file, ref reader, positions.At(reader.TokenStartIndex));
                    var at = positions.At(reader.TokenStartIndex);
                    if (reader.ValueIsEscaped)
                    {
                        ArticleFileText.CheckValue(file, at, null, name);
                    }

                    if (tree.Members.Exists(m => m.Name == name))
                    {
                        throw new ArticleReadException(file, at, name, "given twice in the same object");
                    }

                    reader.Read();
                    tree.Members.Add((name, at, ReadValue(file, ref reader, positions)));
                }

                break;
            case JsonTokenType.StartArray:
                tree.Items = [];
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    tree.Items.Add(ReadValue(file, ref reader, positions));
                }

                break;
        }

        return tree;
    }

    /// <summary>A string's value; an escaped lone surrogate (<c>"\uD800"</c>) is an error, not the reader's exception.</summary>
    private static string GetString(string file, ref Utf8JsonReader reader, SourcePosition position)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new ArticleReadException(file, position, null, "a string escapes half a surrogate pair (\\uD800–\\uDFFF without its other half), which XML cannot carry; remove it", e);
        }
    }

    /// <summary>Byte offsets to lines and columns, scanning forward only (tokens come in order).</summary>
    private sealed class Positions(byte[] bytes)
    {
        private long _scanned;
        private int _line = 1;
        private int _column = 1;

        public SourcePosition At(long offset)
        {
            for (; _scanned < offset; _scanned++)
            {
                var b = bytes[_scanned];
                if (b == (byte)'\n')
                {
                    _line++;
                    _column = 1;
                }
                else if ((b & 0xC0) != 0x80)
                {
                    _column += b >= 0xF0 ? 2 : 1;
                }
            }

            return new SourcePosition(_line, _column);
        }

        public SourcePosition AtLine(int line, int byteInLine)
        {
            var start = 0;
            for (var l = 1; l < line; l++)
            {
                var next = Array.IndexOf(bytes, (byte)'\n', start);
                if (next < 0)
                {
                    break;
                }

                start = next + 1;
            }

            var (_, column) = ArticleFileText.PositionOfByte(bytes.AsSpan(start), Math.Min(byteInLine, bytes.Length - start));
            return new SourcePosition(line, column);
        }
    }
}
