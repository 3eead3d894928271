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
            throw new CliException($"{path}{where}: {e.Message}");
        }
    }
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
