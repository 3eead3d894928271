using System.Collections.Immutable;
using System.Globalization;
using FeedKit.Model;
using FeedKit.Podcasts;
using FeedKit.Readers;
using FeedKit.Text;

namespace FeedKit.Markdown;

/// <summary>
/// Front-matter keys as Jekyll and Hugo sites write them, and FeedKit's own, read into <see cref="ArticleMetadata"/>
/// and the article's texts. A key the reader does not use is ignored with a note, never an error.
/// </summary>
internal sealed class FrontMatterKeys
{
    private readonly string _file;
    private readonly Dictionary<string, SourcePosition> _positions;
    private readonly List<ReaderNote> _notes;

    public FrontMatterKeys(string file, Dictionary<string, SourcePosition> positions, List<ReaderNote> notes)
    {
        _file = file;
        _positions = positions;
        _notes = notes;
    }

    public string? Headline { get; private set; }

    public string? Standfirst { get; private set; }

    public string? Slug { get; private set; }

    /// <summary>Why the article is not to be published (<c>draft: true</c>, <c>published: false</c>), with where.</summary>
    public (string Reason, SourcePosition Position)? Draft { get; private set; }

    public ArticleMetadata Metadata { get; private set; } = ArticleMetadata.None;

    /// <summary>Categories apart from tags (Jekyll's URL uses them).</summary>
    public List<string> Categories { get; } = [];

    public void Read(FrontMatterNode root)
    {
        if (root.Entries is null)
        {
            if (!root.IsNull)
            {
                throw new ArticleReadException(_file, root.Position, null, $"the front matter must be \"key: value\" lines, not {root.Describe()}");
            }

            return;
        }

        string? standfirstKey = null;
        var tags = new List<string>();
        var tagsGiven = false;
        ArticleDate? published = null, updated = null;
        Uri? url = null;
        Image? image = null;
        string? imageAlt = null, imageCaption = null;
        long? imageLength = null;
        ImmutableArray<Author>? authors = null;
        string? id = null;
        LanguageTag? language = null;
        TextDirection? direction = null;
        var episode = new EpisodeKeys();

        foreach (var (rawKey, value) in root.Entries)
        {
            var key = rawKey.ToLowerInvariant();
            if (value.IsNull)
            {
                continue;
            }

            switch (key)
            {
                case "title" or "headline":
                    Headline ??= Text(key, value, "Headline");
                    break;
                case "standfirst" or "summary" or "excerpt" or "description" or "subtitle" when standfirstKey is null || Rank(key) < Rank(standfirstKey):
                    if (standfirstKey is not null)
                    {
                        Ignored(standfirstKey, null, $"\"{standfirstKey}\" is not the standfirst: \"{rawKey}\" is (standfirst, summary, excerpt, description, subtitle: the first of these given)");
                        _positions.Remove("Standfirst");
                    }

                    standfirstKey = rawKey;
                    Standfirst = Text(key, value, "Standfirst");
                    break;
                case "standfirst" or "summary" or "excerpt" or "description" or "subtitle":
                    Ignored(rawKey, value.Position, $"\"{rawKey}\" is not the standfirst: \"{standfirstKey}\" is");
                    break;
                case "id" or "guid":
                    id = Text(key, value, "Id");
                    break;
                case "url" or "permalink" or "link":
                    var text = Text(key, value, "Url");
                    // A pattern (/:year/:title/) or one of Jekyll's permalink styles (pretty, date, none) is not a URL.
                    if (text.Contains("/:", StringComparison.Ordinal) || text.StartsWith(':') || (key == "permalink" && !text.Contains('/', StringComparison.Ordinal)))
                    {
                        _positions.Remove("Url");
                        Ignored(rawKey, value.Position, $"\"{rawKey}: {text}\" is a pattern; FeedKit builds the URL from the base URL and the slug instead");
                        break;
                    }

                    url = Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var parsed)
                        ? parsed
                        : throw new ArticleReadException(_file, value.Position, rawKey, $"\"{text}\" is not a URL");
                    break;
                case "slug":
                    Slug = Text(key, value, "Url");
                    break;
                case "date" or "published" or "publishdate" or "pubdate":
                    if (key == "published" && Boolean(value) is { } isPublished)
                    {
                        if (!isPublished)
                        {
                            Draft ??= ("\"published: false\"", value.Position);
                        }

                        break;
                    }

                    published ??= Date(rawKey, value, "Published");
                    break;
                case "updated" or "lastmod" or "last_modified_at" or "modified":
                    updated ??= Date(rawKey, value, "Updated");
                    break;
                case "draft":
                    if (Boolean(value) ?? throw new ArticleReadException(_file, value.Position, rawKey, "expected true or false"))
                    {
                        Draft ??= ("\"draft: true\"", value.Position);
                    }

                    break;
                case "language" or "lang" or "languagecode":
                    language ??= Language(rawKey, value);
                    break;
                case "direction" or "dir":
                    direction = Text(key, value, "Direction") switch
                    {
                        "rtl" => TextDirection.RightToLeft,
                        "ltr" => TextDirection.LeftToRight,
                        var other => throw new ArticleReadException(_file, value.Position, rawKey, $"\"{other}\" is not a direction; use \"rtl\" or \"ltr\""),
                    };
                    break;
                case "author" or "authors":
                    authors ??= Authors(rawKey, value);
                    break;
                case "tags" or "keywords":
                    tagsGiven = true;
                    AddTags(rawKey, value, tags, null);
                    break;
                case "categories" or "category":
                    tagsGiven = true;
                    AddTags(rawKey, value, tags, Categories);
                    break;
                case "image" or "images" or "cover" or "featured_image" or "thumbnail":
                    if (image is null)
                    {
                        (image, imageAlt, imageCaption, imageLength) = Image(rawKey, value, imageAlt, imageCaption, imageLength);
                    }

                    break;
                case "image_alt":
                    imageAlt = Text(key, value, "LeadImage.AltText");
                    break;
                case "image_caption":
                    imageCaption = Text(key, value, "LeadImage.Caption");
                    break;
                case "image_length" or "image_size":
                    imageLength = Length(rawKey, value, "LeadImage.Length");
                    break;
                case "audio" or "enclosure":
                    episode.Audio = Url(rawKey, value, "Media[0].Url");
                    episode.Position ??= value.Position;
                    break;
                case "audio_length" or "length":
                    episode.Length = Length(rawKey, value, "Media[0].Length");
                    break;
                case "audio_type":
                    episode.Type = Text(key, value, "Media[0].MediaType");
                    break;
                case "duration":
                    episode.Duration = Duration(rawKey, value);
                    break;
                case "season":
                    episode.Season = Number(rawKey, value);
                    episode.Position ??= value.Position;
                    break;
                case "season_name":
                    episode.SeasonName = Text(key, value, "Extensions[0].SeasonName");
                    break;
                case "episode":
                    episode.Number = Number(rawKey, value);
                    episode.Position ??= value.Position;
                    break;
                case "episode_type" or "episodetype":
                    episode.EpisodeType = Text(key, value, "Extensions[0].Type").ToLowerInvariant() switch
                    {
                        "full" => PodcastEpisodeType.Full,
                        "trailer" => PodcastEpisodeType.Trailer,
                        "bonus" => PodcastEpisodeType.Bonus,
                        var other => throw new ArticleReadException(_file, value.Position, rawKey, $"\"{other}\" is not an episode type; use \"full\", \"trailer\" or \"bonus\""),
                    };
                    episode.Position ??= value.Position;
                    break;
                case "explicit":
                    episode.Explicit = Boolean(value) ?? throw new ArticleReadException(_file, value.Position, rawKey, "expected true or false");
                    break;
                case "transcript" or "transcripts":
                    episode.Transcripts.AddRange(Transcripts(rawKey, value));
                    episode.Position ??= value.Position;
                    break;
                default:
                    Ignored(rawKey, value.Position, $"front-matter key \"{rawKey}\" ignored (FeedKit does not use it)");
                    break;
            }
        }

        if (image is null && (imageAlt ?? imageCaption) is not null)
        {
            throw new ArticleReadException(_file, _positions.GetValueOrDefault("LeadImage.AltText", _positions.GetValueOrDefault("LeadImage.Caption", root.Position)), "image", "the lead image needs a URL (\"image\")");
        }

        Metadata = new ArticleMetadata
        {
            Id = id,
            Url = url,
            Published = published,
            Updated = updated,
            Language = language,
            Direction = direction,
            Authors = authors,
            Tags = tagsGiven ? [.. tags] : null,
            Categories = Categories.Count > 0 ? [.. Categories.Distinct(StringComparer.Ordinal)] : null,
            LeadImage = image is null ? null : image with { AltText = imageAlt ?? image.AltText, Caption = imageCaption ?? image.Caption, Length = imageLength ?? image.Length },
        };
        if (episode.Audio is not null)
        {
            Metadata = Metadata with
            {
                Media = [episode.Attachment(_file)],
                Extensions = [episode.Extension()],
            };
        }
        else if (episode.Position is { } position || episode.Length is not null || episode.Duration is not null)
        {
            throw new ArticleReadException(_file, episode.Position ?? root.Position, "audio", "a podcast episode needs its audio file's URL (\"audio\")");
        }
    }

    private Uri Url(string key, FrontMatterNode value, string path)
    {
        var text = Text(key, value, path);
        return Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var url)
            ? url
            : throw new ArticleReadException(_file, value.Position, key, $"\"{text}\" is not a URL");
    }

    private int Number(string key, FrontMatterNode value)
    {
        var text = Scalar(key, value);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArticleReadException(_file, value.Position, key, $"\"{text}\" is not a number from 1 (in ASCII digits)");
    }

    /// <summary>Seconds (<c>1950</c>), <c>MM:SS</c> or <c>HH:MM:SS</c>, in ASCII digits.</summary>
    /// <summary>The longest playing time <c>duration</c> takes: 10,000 hours.</summary>
    private const long MaxDurationSeconds = 10_000L * 3600;

    private TimeSpan Duration(string key, FrontMatterNode value)
    {
        var text = Text(key, value, "Media[0].Duration");
        var parts = text.Split(':');
        var seconds = 0L;
        for (var i = 0; i < parts.Length; i++)
        {
            // Minutes and seconds after the first part are below 60; the first part is at most MaxDurationSeconds, so
            // that nothing overflows.
            if (parts.Length > 3 || !long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > MaxDurationSeconds || (i > 0 && n >= 60))
            {
                throw new ArticleReadException(_file, value.Position, key, $"\"{text}\" is not a playing time: give seconds (1950), MM:SS (32:30) or HH:MM:SS (1:02:03)");
            }

            seconds = (seconds * 60) + n;
        }

        return seconds <= MaxDurationSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArticleReadException(_file, value.Position, key, $"\"{text}\" is longer than 10,000 hours: give the episode's playing time in seconds (1950), MM:SS (32:30) or HH:MM:SS (1:02:03)");
    }

    private List<PodcastTranscript> Transcripts(string key, FrontMatterNode value)
    {
        var result = new List<PodcastTranscript>();
        foreach (var item in value.Items ?? [value])
        {
            if (item.Entries is not null)
            {
                // transcript: { url: …, type: text/vtt, language: en, captions: true }
                var url = item.Get("url") is { IsNull: false } u ? Url(key + ".url", u, "Extensions[0].Transcripts") : throw new ArticleReadException(_file, item.Position, key, "a transcript needs a \"url\"");
                var type = item.Get("type") is { IsNull: false } t ? Scalar(key + ".type", t) : TranscriptType(key, item, url);
                LanguageTag? language = item.Get("language") is { IsNull: false } l ? Language(key + ".language", l) : null;
                var captions = item.Get("captions") is { IsNull: false } c && (Boolean(c) ?? throw new ArticleReadException(_file, c.Position, key + ".captions", "expected true or false"));
                result.Add(new PodcastTranscript(url, type) { Language = language, IsCaptions = captions });
            }
            else
            {
                var url = Url(key, item, "Extensions[0].Transcripts");
                result.Add(new PodcastTranscript(url, TranscriptType(key, item, url)));
            }
        }

        return result;
    }

    private string TranscriptType(string key, FrontMatterNode node, Uri url)
    {
        var path = url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString;
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".vtt" => "text/vtt",
            ".srt" => "application/x-subrip",
            ".html" or ".htm" => "text/html",
            ".txt" => "text/plain",
            ".json" => "application/json",
            _ => throw new ArticleReadException(_file, node.Position, key, $"the transcript's type cannot be told from \"{url.OriginalString}\": give it as {{ url: …, type: text/vtt }}"),
        };
    }

    /// <summary>The episode keys of the front matter, made into the audio attachment and a <see cref="PodcastEpisode"/>.</summary>
    private sealed class EpisodeKeys
    {
        public Uri? Audio { get; set; }
        public long? Length { get; set; }
        public string? Type { get; set; }
        public TimeSpan? Duration { get; set; }
        public int? Season { get; set; }
        public string? SeasonName { get; set; }
        public int? Number { get; set; }
        public PodcastEpisodeType EpisodeType { get; set; }
        public bool? Explicit { get; set; }
        public List<PodcastTranscript> Transcripts { get; } = [];
        public SourcePosition? Position { get; set; }

        public MediaAttachment Attachment(string file)
        {
            var path = Audio!.IsAbsoluteUri ? Audio.AbsolutePath : Audio.OriginalString;
            var type = Type ?? Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".mp3" => "audio/mpeg",
                ".m4a" => "audio/x-m4a",
                ".mp4" => "video/mp4",
                ".m4v" => "video/x-m4v",
                ".mov" => "video/quicktime",
                ".ogg" or ".oga" => "audio/ogg",
                ".opus" => "audio/opus",
                _ => throw new ArticleReadException(file, Position, "audio_type", $"the audio's media type cannot be told from \"{Audio.OriginalString}\": give \"audio_type\" (such as audio/mpeg)"),
            };
            return new MediaAttachment(Audio, type) { Length = Length, Duration = Duration };
        }

        public PodcastEpisode Extension() => new()
        {
            Number = Number,
            Season = Season,
            SeasonName = SeasonName,
            Type = EpisodeType,
            Explicit = Explicit,
            Transcripts = [.. Transcripts],
        };
    }

    private static int Rank(string key) => key.ToLowerInvariant() switch
    {
        "standfirst" => 0,
        "summary" => 1,
        "excerpt" => 2,
        "description" => 3,
        _ => 4,
    };

    private void Ignored(string key, SourcePosition? position, string message) =>
        _notes.Add(new ReaderNote(ReaderNoteKind.IgnoredKey, _file, position, message));

    private string Text(string key, FrontMatterNode value, string path)
    {
        _positions.TryAdd(path, value.Position);
        return Scalar(key, value);
    }

    private string Scalar(string key, FrontMatterNode value) =>
        value.Scalar?.Trim() ?? throw new ArticleReadException(_file, value.Position, key, $"needs a single value, not {value.Describe()}");

    private static bool? Boolean(FrontMatterNode value) =>
        value.Quoted ? null : value.Scalar?.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => null,
        };

    private ArticleDate Date(string key, FrontMatterNode value, string path)
    {
        var text = Text(key, value, path);
        try
        {
            return ArticleDate.Parse(text);
        }
        catch (FormatException e)
        {
            throw new ArticleReadException(_file, new SourcePosition(value.Position.Line), key, e.Message, e);
        }
    }

    private LanguageTag Language(string key, FrontMatterNode value)
    {
        var text = Text(key, value, "Language");
        try
        {
            return LanguageTag.Parse(text);
        }
        catch (FormatException e)
        {
            throw new ArticleReadException(_file, new SourcePosition(value.Position.Line), key, e.Message, e);
        }
    }

    private long Length(string key, FrontMatterNode value, string path)
    {
        var text = Text(key, value, path);
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            ? length
            : throw new ArticleReadException(_file, value.Position, key, $"\"{text}\" is not a size in bytes (a whole number, 0 or more)");
    }

    private ImmutableArray<Author> Authors(string key, FrontMatterNode value)
    {
        _positions.TryAdd("Authors", value.Position);
        var items = value.Items ?? [value];
        var authors = ImmutableArray.CreateBuilder<Author>(items.Count);
        foreach (var item in items)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"Authors[{authors.Count}]");
            _positions.TryAdd(path, item.Position);
            if (item.Entries is not null)
            {
                // Jekyll's author object: name, email, url (or uri).
                var name = item.Get("name") is { IsNull: false } n ? Scalar(key + ".name", n) : throw new ArticleReadException(_file, item.Position, key, "an author needs a \"name\"");
                Uri? uri = null;
                if ((item.Get("uri") ?? item.Get("url")) is { IsNull: false } u)
                {
                    _positions.TryAdd(path + ".Uri", u.Position);
                    var text = Scalar(key + ".url", u);
                    uri = Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var parsed) ? parsed : throw new ArticleReadException(_file, u.Position, key + ".url", $"\"{text}\" is not a URL");
                }

                if (item.Get("email") is { IsNull: false } email)
                {
                    _positions.TryAdd(path + ".Email", email.Position);
                }

                authors.Add(new Author(name) { Email = item.Get("email") is { IsNull: false } e ? Scalar(key + ".email", e) : null, Url = uri });
                continue;
            }

            authors.Add(ParseAuthor(Scalar(key, item)));
        }

        return authors.MoveToImmutable();
    }

    /// <summary><c>Name</c> or <c>Name &lt;name@example.com&gt;</c>.</summary>
    private static Author ParseAuthor(string value)
    {
        var open = value.LastIndexOf('<');
        return open > 0 && value.EndsWith('>')
            ? new Author(value[..open].Trim()) { Email = value[(open + 1)..^1].Trim() }
            : new Author(value);
    }

    private void AddTags(string key, FrontMatterNode value, List<string> tags, List<string>? categories)
    {
        _positions.TryAdd("Tags", value.Position);
        foreach (var item in value.Items ?? [value])
        {
            if (item.IsNull)
            {
                continue;
            }

            // Jekyll splits a single value at spaces ("tags: امنیت https" is two tags); list items stay whole.
            var text = Scalar(key, item);
            var words = value.Items is null && !item.Quoted ? text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [text];
            foreach (var tag in words)
            {
                categories?.Add(tag);
                if (!tags.Contains(tag, StringComparer.Ordinal))
                {
                    _positions.TryAdd(string.Create(CultureInfo.InvariantCulture, $"Tags[{tags.Count}]"), item.Position);
                    tags.Add(tag);
                }
            }
        }
    }

    private (Image?, string?, string?, long?) Image(string key, FrontMatterNode value, string? alt, string? caption, long? length)
    {
        // Hugo: images: [a.jpg, b.jpg] (the first is the lead image).
        var first = value.Items is { Count: > 0 } items ? items[0] : value;
        if (value.Items is { Count: 0 })
        {
            return (null, alt, caption, length);
        }

        _positions.TryAdd("LeadImage", first.Position);
        _positions.TryAdd("LeadImage.Url", first.Position);
        string url;
        if (first.Entries is not null)
        {
            // jekyll-seo-tag's image object: path (or url, src), alt, caption, length.
            var path = first.Get("path") ?? first.Get("url") ?? first.Get("src")
                ?? throw new ArticleReadException(_file, first.Position, key, "an image needs a \"path\" (or \"url\")");
            url = Scalar(key + ".path", path);
            alt ??= first.Get("alt") is { IsNull: false } a ? Scalar(key + ".alt", a) : null;
            caption ??= first.Get("caption") is { IsNull: false } c ? Scalar(key + ".caption", c) : null;
            length ??= first.Get("length") is { IsNull: false } l ? Length(key + ".length", l, "LeadImage.Length") : null;
        }
        else
        {
            url = Scalar(key, first);
        }

        return Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out var uri)
            ? (new Image(uri), alt, caption, length)
            : throw new ArticleReadException(_file, first.Position, key, $"\"{url}\" is not a URL");
    }
}
