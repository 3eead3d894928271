using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Readers;

/// <summary>
/// Reads a JSON article file: one object whose fields mirror <see cref="Article"/> (camelCase). Unknown fields are
/// errors, so a typo does not pass silently; so are values of the wrong type, with the file, line, column and field.
/// </summary>
/// <remarks>
/// Schema (every field but <c>headline</c> optional; <c>null</c> is the same as leaving a field out):
/// <code>
/// {
///   "headline": "…", "standfirst": "…",
///   "id": "tag:…", "url": "https://…", "published": "2021-06-16T21:30:00+02:00", "updated": "…",
///   "language": "ar", "direction": "rtl",
///   "authors": [ { "name": "…", "email": "…", "uri": "https://…" } ],
///   "tags": [ "…" ],
///   "leadImage": { "url": "https://…", "alt": "…", "caption": "…", "mediaType": "image/jpeg", "length": 48213 },
///   "body": [
///     { "type": "paragraph", "text": "…" },
///     { "type": "subheading", "text": "…" },
///     { "type": "quote", "text": "…", "attribution": "…" },
///     { "type": "list", "items": [ "…" ], "ordered": false },
///     { "type": "image", "url": "https://…", "alt": "…", "caption": "…", "mediaType": "…", "length": 1234 },
///     { "type": "html", "html": "&lt;table&gt;…&lt;/table&gt;" }
///   ]
/// }
/// </code>
/// Each body block may also have <c>"language"</c> and <c>"direction"</c>. Dates are read by
/// <see cref="ArticleDate.Parse"/>; relative URLs are resolved by <see cref="ArticleSource.ToArticle"/>.
/// The reader uses <see cref="Utf8JsonReader"/> only (no reflection), so it is safe to trim and to compile ahead
/// of time.
/// </remarks>
public sealed class JsonArticleReader : IArticleReader
{
    private static readonly string[] ArticleFields = ["headline", "standfirst", "id", "url", "published", "updated", "language", "direction", "authors", "tags", "leadImage", "body"];
    private static readonly string[] AuthorFields = ["name", "email", "uri"];
    private static readonly string[] ImageFields = ["url", "alt", "caption", "mediaType", "length"];
    private static readonly string[] BlockFields = ["type", "text", "attribution", "items", "ordered", "url", "alt", "caption", "mediaType", "length", "html", "language", "direction"];

    /// <inheritdoc />
    public ImmutableArray<string> Extensions { get; } = [".json"];

    /// <inheritdoc />
    public ArticleReadResult Read(string file, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(file);
        var text = ArticleFileText.Decode(file, content);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArticleReadException(file, new SourcePosition(1, 1), null, "the file is empty: expected an article object");
        }

        var tree = JsonTree.Parse(file, Encoding.UTF8.GetBytes(text));
        var reader = new Reader(file);
        return ArticleReadResult.Of(reader.Article(tree), []);
    }

    /// <summary>One file's reading: its name and the positions found so far.</summary>
    private sealed class Reader(string file)
    {
        private readonly Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);

        public ArticleSource Article(JsonTree root)
        {
            var members = Object(root, null, ArticleFields, "an article object");
            var headline = String(members, "headline", "Headline")
                ?? throw new ArticleReadException(file, root.Position, null, "no \"headline\": every article needs one");
            var metadata = new ArticleMetadata
            {
                Id = String(members, "id", "Id"),
                Url = Url(members, "url", "Url", "url"),
                Published = Date(members, "published", "Published"),
                Updated = Date(members, "updated", "Updated"),
                Language = Language(members, "language", "Language", "language"),
                Direction = Direction(members, "direction", "Direction", "direction"),
                Authors = Array(members, "authors", "Authors", (item, i) => Author(item, i)),
                Tags = Array(members, "tags", "Tags", (item, i) => Need(String(item, FormattableString.Invariant($"tags[{i}]")), item, FormattableString.Invariant($"tags[{i}]"), "a tag")),
                LeadImage = Get(members, "leadImage") is { Kind: not JsonTokenType.Null } lead ? Image(lead, "leadImage", "LeadImage") : null,
            };
            var body = Array(members, "body", "Body", (item, i) => Block(item, i)) ?? [];
            return new ArticleSource
            {
                File = file,
                Headline = headline,
                Standfirst = String(members, "standfirst", "Standfirst"),
                Body = body,
                Metadata = metadata,
                Slug = Path.GetFileNameWithoutExtension(file),
                Locations = new ArticleLocations(file, _positions),
            };
        }

        private Author Author(JsonTree item, int index)
        {
            var field = FormattableString.Invariant($"authors[{index}]");
            var path = FormattableString.Invariant($"Authors[{index}]");
            var members = Object(item, field, AuthorFields, "an author object");
            var name = String(members, "name", $"{path}.Name", field + ".name")
                ?? throw new ArticleReadException(file, item.Position, field, "an author needs a \"name\"");
            return new Author(name)
            {
                Email = String(members, "email", $"{path}.Email", field + ".email"),
                Url = Url(members, "uri", $"{path}.Url", field + ".uri"),
            };
        }

        private Image Image(JsonTree value, string field, string path)
        {
            var members = Object(value, field, ImageFields, "an image object");
            return ImageOf(members, value, field, path, "url");
        }

        private Image ImageOf(List<(string Name, SourcePosition Position, JsonTree Value)> members, JsonTree value, string field, string path, string urlName)
        {
            var url = Url(members, urlName, $"{path}.Url", $"{field}.{urlName}")
                ?? throw new ArticleReadException(file, value.Position, field, $"an image needs a \"{urlName}\"");
            return new Image(url)
            {
                AltText = String(members, "alt", $"{path}.AltText", $"{field}.alt"),
                Caption = String(members, "caption", $"{path}.Caption", $"{field}.caption"),
                MediaType = String(members, "mediaType", $"{path}.MediaType", $"{field}.mediaType"),
                Length = Length(members, $"{path}.Length", $"{field}.length"),
            };
        }

        private Block Block(JsonTree item, int index)
        {
            var field = FormattableString.Invariant($"body[{index}]");
            var path = FormattableString.Invariant($"Body[{index}]");
            var members = Object(item, field, BlockFields, "a block object");
            var type = String(members, "type", $"{path}.Type", field + ".type");
            string Need(string name) =>
                String(members, name, $"{path}.{(name == "html" ? "Html" : "Text")}", $"{field}.{name}")
                ?? throw new ArticleReadException(file, item.Position, field, $"a \"{type}\" block needs \"{name}\"");

            Block block = type switch
            {
                "paragraph" => new Paragraph(Need("text")),
                "subheading" => new Subheading(Need("text")),
                "quote" => new Quote(Need("text")) { Attribution = String(members, "attribution", $"{path}.Attribution", $"{field}.attribution") },
                "list" => new ListBlock(Array(members, "items", $"{path}.Items", (i, n) => this.Need(String(i, FormattableString.Invariant($"{field}.items[{n}]")), i, FormattableString.Invariant($"{field}.items[{n}]"), "an item"), field + ".items")
                    ?? throw new ArticleReadException(file, item.Position, field, "a \"list\" block needs \"items\""))
                {
                    Ordered = Bool(members, "ordered", $"{field}.ordered") ?? false,
                },
                "image" => new ImageBlock(ImageOf(members, item, field, $"{path}.Image", "url")),
                "html" => new RawHtml(Need("html")),
                null => throw new ArticleReadException(file, item.Position, field, "no \"type\"; use paragraph, subheading, quote, list, image or html"),
                var other => throw new ArticleReadException(file, Get(members, "type")!.Position, field + ".type", $"\"{other}\" is not a block type; use paragraph, subheading, quote, list, image or html"),
            };

            return block with
            {
                Language = Language(members, "language", $"{path}.Language", field + ".language"),
                Direction = Direction(members, "direction", $"{path}.Direction", field + ".direction"),
            };
        }

        private List<(string Name, SourcePosition Position, JsonTree Value)> Object(JsonTree value, string? field, string[] known, string what)
        {
            if (value.Kind != JsonTokenType.StartObject)
            {
                throw new ArticleReadException(file, value.Position, field, $"expected {what}, found {value.Describe()}");
            }

            foreach (var (name, position, _) in value.Members!)
            {
                if (!known.Contains(name, StringComparer.Ordinal))
                {
                    var where = field is null ? name : $"{field}.{name}";
                    throw new ArticleReadException(file, position, where, $"unknown field; known: {string.Join(", ", known)}");
                }
            }

            return value.Members!;
        }

        private static JsonTree? Get(List<(string Name, SourcePosition Position, JsonTree Value)> members, string name)
        {
            foreach (var member in members)
            {
                if (member.Name == name)
                {
                    return member.Value;
                }
            }

            return null;
        }

        private JsonTree? Locate(List<(string Name, SourcePosition Position, JsonTree Value)> members, string name, string path)
        {
            var value = Get(members, name);
            if (value is not null)
            {
                _positions.TryAdd(path, value.Position);
            }

            return value;
        }

        private string? String(List<(string Name, SourcePosition Position, JsonTree Value)> members, string name, string path, string? field = null) =>
            Locate(members, name, path) is { } value ? String(value, field ?? name) : null;

        private string? String(JsonTree value, string field) => value.Kind switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => value.Text,
            _ => throw new ArticleReadException(file, value.Position, field, $"expected a string, found {value.Describe()}"),
        };

        private string Need(string? text, JsonTree value, string field, string what) =>
            text ?? throw new ArticleReadException(file, value.Position, field, $"expected {what} (a string), found null");

        private bool? Bool(List<(string Name, SourcePosition Position, JsonTree Value)> members, string name, string field) =>
            Get(members, name) switch
            {
                null or { Kind: JsonTokenType.Null } => null,
                { Kind: JsonTokenType.True } => true,
                { Kind: JsonTokenType.False } => false,
                var other => throw new ArticleReadException(file, other.Position, field, $"expected true or false, found {other.Describe()}"),
            };

        private long? Length(List<(string Name, SourcePosition Position, JsonTree Value)> members, string path, string field)
        {
            var value = Locate(members, "length", path);
            return value switch
            {
                null or { Kind: JsonTokenType.Null } => null,
                { Kind: JsonTokenType.Number } when long.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var length) => length,
                _ => throw new ArticleReadException(file, value.Position, field, $"expected the file's size in bytes (a whole number, 0 or more), found {(value.Kind == JsonTokenType.Number ? value.Text : value.Describe())}"),
            };
        }

        private ImmutableArray<T>? Array<T>(List<(string Name, SourcePosition Position, JsonTree Value)> members, string name, string path, Func<JsonTree, int, T> item, string? field = null)
        {
            var value = Locate(members, name, path);
            if (value is null || value.Kind == JsonTokenType.Null)
            {
                return null;
            }

            if (value.Kind != JsonTokenType.StartArray)
            {
                throw new ArticleReadException(file, value.Position, field ?? name, $"expected an array, found {value.Describe()}");
            }

            var items = ImmutableArray.CreateBuilder<T>(value.Items!.Count);
            for (var i = 0; i < value.Items.Count; i++)
            {
                _positions.TryAdd(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), value.Items[i].Position);
                items.Add(item(value.Items[i], i));
            }

            return items.MoveToImmutable();
        }

        private Uri? Url(List<(string Name, SourcePosition Position, JsonTree Value)> members, string name, string path, string field)
        {
            var value = Locate(members, name, path);
            var text = value is null ? null : String(value, field);
            if (text is null)
            {
                return null;
            }

            return Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var uri)
                ? uri
                : throw new ArticleReadException(file, value!.Position, field, $"\"{text}\" is not a URL");
        }

        private ArticleDate? Date(List<(string Name, SourcePosition Position, JsonTree Value)> members, string name, string path)
        {
            var value = Locate(members, name, path);
            var text = value is null ? null : String(value, name);
            if (text is null)
            {
                return null;
            }

            try
            {
                return ArticleDate.Parse(text);
            }
            catch (FormatException e)
            {
                throw new ArticleReadException(file, value!.Position, name, e.Message, e);
            }
        }

        private LanguageTag? Language(List<(string Name, SourcePosition Position, JsonTree Value)> members, string name, string path, string field)
        {
            var value = Locate(members, name, path);
            var text = value is null ? null : String(value, field);
            if (text is null)
            {
                return null;
            }

            try
            {
                return LanguageTag.Parse(text);
            }
            catch (FormatException e)
            {
                throw new ArticleReadException(file, value!.Position, field, e.Message, e);
            }
        }

        private TextDirection? Direction(List<(string Name, SourcePosition Position, JsonTree Value)> members, string name, string path, string field)
        {
            var value = Locate(members, name, path);
            return (value is null ? null : String(value, field)) switch
            {
                null => null,
                "rtl" => TextDirection.RightToLeft,
                "ltr" => TextDirection.LeftToRight,
                var other => throw new ArticleReadException(file, value!.Position, field, $"\"{other}\" is not a direction; use \"rtl\" or \"ltr\""),
            };
        }
    }
}
