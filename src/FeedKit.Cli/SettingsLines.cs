using System.Text.Json;

namespace FeedKit.Cli;

/// <summary>Where keys are in the settings file, so that a warning about one names its line.</summary>
internal static class SettingsLines
{
    /// <summary>The line of each key of the <c>articles</c> object; empty when the file cannot be read.</summary>
    public static Dictionary<string, int> ArticleKeys(string path)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return lines;
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var inArticles = false;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                if (reader.CurrentDepth == 1)
                {
                    inArticles = reader.ValueTextEquals("articles"u8);
                }
                else if (reader.CurrentDepth == 2 && inArticles)
                {
                    var start = (int)reader.TokenStartIndex;
                    lines.TryAdd(reader.GetString()!, 1 + bytes.AsSpan(0, start).Count((byte)'\n'));
                }
            }
        }
        catch (JsonException)
        {
            // The settings were read already; a file changed since then keeps its messages without lines.
        }

        return lines;
    }
}
