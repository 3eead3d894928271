using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Cli.Readers;

/// <summary>
/// Reads a JSON article file: one object whose fields mirror <see cref="Article"/> (camelCase). Unknown fields
/// are errors. Schema (every field but <c>headline</c> optional):
/// <code>
/// {
///   "headline": "…", "standfirst": "…",
///   "id": "tag:…", "url": "https://…", "published": "2021-06-16T21:30:00+02:00", "updated": "…",
///   "language": "ar", "direction": "rtl",
///   "authors": [ { "name": "…", "email": "…", "uri": "https://…" } ],
///   "tags": [ "…" ],
///   "leadImage": { "url": "https://…", "alt": "…", "caption": "…" },
///   "body": [
///     { "type": "paragraph", "text": "…" },
///     { "type": "subheading", "text": "…" },
///     { "type": "quote", "text": "…", "attribution": "…" },
///     { "type": "list", "items": [ "…" ], "ordered": false },
///     { "type": "image", "url": "https://…", "alt": "…", "caption": "…" },
///     { "type": "html", "html": "&lt;table&gt;…&lt;/table&gt;" }
///   ]
/// }
/// </code>
/// Each body block may also have <c>"language"</c> and <c>"direction"</c>.
/// </summary>
internal static class JsonArticleReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static ArticleSource Read(string file, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        JsonArticle? article;
        try
        {
            article = JsonSerializer.Deserialize<JsonArticle>(bytes, Options);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? (int)l + 1 : (int?)null;
            var message = e.Message;
            var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
            throw new ArticleException(file, line, cut > 0 ? message[..cut] : message);
        }

        if (article is null)
        {
            throw new ArticleException(file, 1, "expected an article object, found null");
        }

        var lines = MapLines(bytes);
        var headline = article.Headline ?? throw new ArticleException(file, 1, "no \"headline\": every article needs one");
        var body = ImmutableArray.CreateBuilder<Block>();
        for (var i = 0; i < (article.Body?.Count ?? 0); i++)
        {
            body.Add(ToBlock(file, article.Body![i], i, lines));
        }

        var metadata = new ArticleSettings
        {
            Id = article.Id,
            Url = article.Url,
            Published = article.Published,
            Updated = article.Updated,
            Language = article.Language,
            Direction = article.Direction,
            Authors = article.Authors,
            Tags = article.Tags,
        };
        return new ArticleSource(file, headline, article.Standfirst, body.ToImmutable(), metadata, article.LeadImage, lines);
    }

    private static Block ToBlock(string file, JsonBlock json, int index, SourceLines lines)
    {
        var at = FormattableString.Invariant($"Body[{index}]");
        int? Line(string field) => lines.Find($"{at}.{field}");
        string Need(string? value, string field) =>
            value ?? throw new ArticleException(file, lines.Find(at), FormattableString.Invariant($"body[{index}]: a \"{json.Type}\" block needs \"{field}\""));

        Block block = json.Type switch
        {
            "paragraph" => new Paragraph(Need(json.Text, "text")),
            "subheading" => new Subheading(Need(json.Text, "text")),
            "quote" => new Quote(Need(json.Text, "text")) { Attribution = json.Attribution },
            "list" => new ListBlock([.. json.Items ?? throw new ArticleException(file, lines.Find(at), FormattableString.Invariant($"body[{index}]: a \"list\" block needs \"items\""))])
            {
                Ordered = json.Ordered ?? false,
            },
            "image" => new ImageBlock(new Image(ParseUri(file, Need(json.Url, "url"), Line("Url"), FormattableString.Invariant($"body[{index}].url")))
            {
                AltText = json.Alt,
                Caption = json.Caption,
            }),
            "html" => new RawHtml(Need(json.Html, "html")),
            null => throw new ArticleException(file, lines.Find(at), FormattableString.Invariant($"body[{index}] has no \"type\"; use paragraph, subheading, quote, list, image or html")),
            var other => throw new ArticleException(file, Line("Type"), FormattableString.Invariant($"body[{index}].type: \"{other}\" is not a block type; use paragraph, subheading, quote, list, image or html")),
        };

        if (json.Language is { } language)
        {
            try
            {
                block = block with { Language = LanguageTag.Parse(language) };
            }
            catch (FormatException e)
            {
                throw new ArticleException(file, Line("Language"), FormattableString.Invariant($"body[{index}].language: {e.Message}"));
            }
        }

        if (json.Direction is { } direction)
        {
            block = block with
            {
                Direction = direction switch
                {
                    "rtl" => TextDirection.RightToLeft,
                    "ltr" => TextDirection.LeftToRight,
                    _ => throw new ArticleException(file, Line("Direction"), FormattableString.Invariant($"body[{index}].direction: \"{direction}\" is not a direction; use \"rtl\" or \"ltr\"")),
                },
            };
        }

        return block;
    }

    private static Uri ParseUri(string file, string value, int? line, string what) =>
        Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out var uri)
            ? uri
            : throw new ArticleException(file, line, $"{what}: \"{value}\" is not a URL");

    /// <summary>The line of every value, by model path (<c>Body[2].Text</c>), from a scan of the JSON tokens.</summary>
    private static SourceLines MapLines(byte[] bytes)
    {
        var lines = new SourceLines();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new Stack<(string Path, int NextIndex, bool IsArray)>();
        string? property = null;
        var line = 1;
        var scanned = 0L;
        while (reader.Read())
        {
            for (; scanned < reader.TokenStartIndex; scanned++)
            {
                if (bytes[scanned] == (byte)'\n')
                {
                    line++;
                }
            }

            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                property = reader.GetString();
                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                stack.Pop();
                continue;
            }

            string path;
            if (stack.Count == 0)
            {
                path = string.Empty;
            }
            else
            {
                var (parent, next, isArray) = stack.Pop();
                if (isArray)
                {
                    path = FormattableString.Invariant($"{parent}[{next}]");
                    stack.Push((parent, next + 1, true));
                }
                else
                {
                    path = parent.Length == 0 ? ToModelName(property!) : $"{parent}.{ToModelName(property!)}";
                    stack.Push((parent, next, false));
                }
            }

            if (path.Length > 0)
            {
                lines.Set(path, line);
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                stack.Push((path, 0, reader.TokenType == JsonTokenType.StartArray));
            }
        }

        return lines;
    }

    private static string ToModelName(string jsonName) =>
        jsonName.Length == 0 ? jsonName : char.ToUpperInvariant(jsonName[0]) + jsonName[1..];

    /// <summary>An article file: what feedkit.json can say about an article, plus its texts.</summary>
    private sealed class JsonArticle : ArticleSettings
    {
        public string? Headline { get; set; }
        public string? Standfirst { get; set; }
        public ImageSettings? LeadImage { get; set; }
        public List<JsonBlock>? Body { get; set; }
    }

    private sealed class JsonBlock
    {
        public string? Type { get; set; }
        public string? Text { get; set; }
        public string? Attribution { get; set; }
        public List<string>? Items { get; set; }
        public bool? Ordered { get; set; }
        public string? Url { get; set; }
        public string? Alt { get; set; }
        public string? Caption { get; set; }
        public string? Html { get; set; }
        public string? Language { get; set; }
        public string? Direction { get; set; }
    }
}
