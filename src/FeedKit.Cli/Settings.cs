using System.Text.Json;
using System.Text.Json.Serialization;

namespace FeedKit.Cli;

/// <summary>
/// The settings file (<c>feedkit.json</c>) beside the articles: what plain text does not say.
/// Unknown keys are errors, so that a typo does not pass silently.
/// </summary>
internal sealed class Settings
{
    /// <summary>The JSON Schema an editor checks the file with (<c>feedkit schema</c> writes FeedKit's); not used otherwise.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public string? Title { get; set; }
    public string? Subtitle { get; set; }
    public string? SiteUrl { get; set; }
    public string? SelfUrl { get; set; }
    public string? ArticleBaseUrl { get; set; }
    public string? Id { get; set; }
    public string? Language { get; set; }
    public string? Direction { get; set; }
    public string? Rights { get; set; }
    public string? Icon { get; set; }
    public string? Logo { get; set; }
    public List<AuthorSettings>? Authors { get; set; }
    public string? Published { get; set; }

    /// <summary>The UTC offset (<c>+03:00</c>) of article dates written without one, as a site's time zone.</summary>
    public string? UtcOffset { get; set; }
    public Dictionary<string, ArticleSettings>? Articles { get; set; }

    /// <summary>The show's settings when the feed is a podcast (the episodes' own keys are in their front matter).</summary>
    public PodcastSettings? Podcast { get; set; }

    /// <summary>The page-chrome rule of plain-text articles: <see cref="FeedKit.Readers.PlainTextOptions"/>.</summary>
    public ChromeSettings? Chrome { get; set; }

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static Settings Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<Settings>(stream, JsonOptions) ?? new Settings();
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? FormattableString.Invariant($" (line {line + 1}, {e.Path})") : string.Empty;
            throw new CliException($"{path}{where}: {Explain(e)}");
        }
    }

    /// <summary>
    /// The reader's message in the settings file's terms: an unknown key names the keys allowed there (and the nearest
    /// one), a value of the wrong kind says which kind is expected; never a .NET type name.
    /// </summary>
    internal static string Explain(JsonException e)
    {
        var message = e.Message;
        var key = e.Path is { } jsonPath ? LastKey(jsonPath) : null;
        const string Unmapped = "could not be mapped to any .NET member contained in type '";
        var at = message.IndexOf(Unmapped, StringComparison.Ordinal);
        if (at >= 0 && key is not null)
        {
            var typeName = message[(at + Unmapped.Length)..];
            typeName = typeName[..typeName.IndexOf('\'', StringComparison.Ordinal)];
            var keys = typeof(Settings).Assembly.GetType(typeName) is { } type ? KeysOf(type) : [];
            if (keys.Count == 0)
            {
                return $"unknown key \"{key}\"";
            }

            var near = Mistypes.Nearest(key, keys);
            return $"unknown key \"{key}\"{(near is null ? string.Empty : $" (did you mean \"{near}\"?)")}; the keys here are {string.Join(", ", keys.Select(k => $"\"{k}\""))}";
        }

        const string Convert = "could not be converted to ";
        at = message.IndexOf(Convert, StringComparison.Ordinal);
        if (at >= 0)
        {
            var target = message[(at + Convert.Length)..];
            var end = target.IndexOf(". ", StringComparison.Ordinal);
            target = end > 0 ? target[..end] : target;
            var expected = target switch
            {
                "System.String" => "a string (in double quotes)",
                "System.Boolean" or "System.Nullable`1[System.Boolean]" => "true or false",
                "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" or "System.Nullable`1[System.Int64]" => "a whole number",
                _ when target.StartsWith("System.Collections.Generic.List", StringComparison.Ordinal) => "an array ([ … ])",
                _ => "an object ({ … })",
            };
            return key is null ? $"expected {expected}" : $"\"{key}\" expects {expected}";
        }

        // Syntax errors: the reader's own words, without its position suffix (the line is named already).
        var suffix = message.IndexOf(" Path: ", StringComparison.Ordinal) is var p and > 0 ? p : message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        return suffix > 0 ? message[..suffix].TrimEnd(' ', '|') : message;
    }

    private static string? LastKey(string jsonPath)
    {
        // $.podcast.owner.name, $.articles['a b'].tags[0], $['key']
        var path = jsonPath.TrimEnd();
        while (path.EndsWith(']') && path.LastIndexOf('[') is var open and >= 0 && !path[(open + 1)..].StartsWith('\''))
        {
            path = path[..open];
        }

        if (path.EndsWith("']", StringComparison.Ordinal) && path.LastIndexOf("['", StringComparison.Ordinal) is var quoted and >= 0)
        {
            return path[(quoted + 2)..^2];
        }

        var dot = path.LastIndexOf('.');
        return dot >= 0 && dot < path.Length - 1 ? path[(dot + 1)..] : null;
    }

    private static List<string> KeysOf(Type type) =>
        [.. type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(p => p.SetMethod is not null)
            .Where(p => p.GetCustomAttributes(typeof(JsonIgnoreAttribute), false).Length == 0)
            .Select(p => p.GetCustomAttributes(typeof(JsonPropertyNameAttribute), false) is [JsonPropertyNameAttribute named] ? named.Name : JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .Order(StringComparer.Ordinal)];
}

internal sealed class AuthorSettings
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Uri { get; set; }
}

internal sealed class ArticleSettings
{
    public string? Id { get; set; }
    public string? Url { get; set; }
    public string? Published { get; set; }
    public string? Updated { get; set; }
    public string? Language { get; set; }
    public string? Direction { get; set; }
    public List<AuthorSettings>? Authors { get; set; }
    public List<string>? Tags { get; set; }
}

/// <summary><c>podcast</c> in <c>feedkit.json</c>: <see cref="FeedKit.Podcasts.PodcastShow"/>'s members, by the same names in camel case.</summary>
internal sealed class PodcastSettings
{
    public string? Author { get; set; }
    public PodcastOwnerSettings? Owner { get; set; }
    public string? Artwork { get; set; }

    /// <summary>Apple categories: <c>"Technology"</c>, or with a subcategory <c>"News/Tech News"</c>.</summary>
    public List<string>? Categories { get; set; }
    public bool Explicit { get; set; }
    public string? Type { get; set; }
    public bool Complete { get; set; }
    public bool Block { get; set; }
    public string? NewFeedUrl { get; set; }
    public string? Subtitle { get; set; }
    public string? Summary { get; set; }
    public string? Guid { get; set; }
    public bool? Locked { get; set; }
    public List<PodcastFundingSettings>? Funding { get; set; }
    public List<PodcastPersonSettings>? People { get; set; }
    public PodcastLocationSettings? Location { get; set; }
    public string? Medium { get; set; }
    public PodcastLicenseSettings? License { get; set; }
}

internal sealed class PodcastOwnerSettings
{
    public string? Name { get; set; }
    public string? Email { get; set; }
}

internal sealed class PodcastFundingSettings
{
    public string? Url { get; set; }
    public string? Text { get; set; }
}

internal sealed class PodcastPersonSettings
{
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? Group { get; set; }
    public string? Img { get; set; }
    public string? Href { get; set; }
}

internal sealed class PodcastLocationSettings
{
    public string? Name { get; set; }
    public string? Geo { get; set; }
    public string? Osm { get; set; }
}

internal sealed class PodcastLicenseSettings
{
    public string? Identifier { get; set; }
    public string? Url { get; set; }
}

/// <summary>
/// <c>"chrome"</c>: <see cref="FeedKit.Readers.PlainTextOptions"/> from the settings file. <c>enabled</c> is
/// <c>RemoveChrome</c>, <c>unlisted</c> is <c>RemoveUnlistedChrome</c>, <c>add</c> and <c>remove</c> are
/// <c>AddedChromePhrases</c> and <c>RemovedChromePhrases</c>.
/// </summary>
internal sealed class ChromeSettings
{
    public bool? Enabled { get; set; }
    public bool? Unlisted { get; set; }
    public List<string>? Add { get; set; }
    public List<string>? Remove { get; set; }

    public FeedKit.Readers.PlainTextOptions ToOptions(string where)
    {
        static System.Collections.Immutable.ImmutableArray<string> Phrases(List<string>? phrases, string where) =>
            phrases is null ? []
            : [.. phrases.Select((p, i) => string.IsNullOrWhiteSpace(p)
                ? throw new CliException(FormattableString.Invariant($"{where}[{i}]: a chrome phrase cannot be empty or null"))
                : p)];

        return FeedKit.Readers.PlainTextOptions.Default with
        {
            RemoveChrome = Enabled ?? true,
            RemoveUnlistedChrome = Unlisted ?? true,
            AddedChromePhrases = Phrases(Add, where + ": chrome.add"),
            RemovedChromePhrases = Phrases(Remove, where + ": chrome.remove"),
        };
    }
}

/// <summary>A usage or input error the CLI reports as one line, with exit code 2.</summary>
internal sealed class CliException(string message) : Exception(message);
