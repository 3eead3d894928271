using System.Text;
using FeedKit.Readers;

namespace FeedKit.Cli.Readers;

/// <summary>Picks the reader by file extension: <c>.txt</c>, <c>.md</c>/<c>.markdown</c>, <c>.json</c>.</summary>
internal static class ArticleReaders
{
    public static readonly string[] Extensions = [".txt", ".md", ".markdown", ".json"];

    public static bool IsArticleFile(string path) =>
        Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase)
        && !string.Equals(Path.GetFileName(path), BuildCommand.SettingsFileName, StringComparison.OrdinalIgnoreCase);

    /// <exception cref="ArticleException">The file cannot be read or parsed.</exception>
    public static ArticleSource Read(string file)
    {
        var extension = Path.GetExtension(file).ToLowerInvariant();
        var text = ReadUtf8(file);
        return extension switch
        {
            ".md" or ".markdown" => MarkdownArticleReader.Read(file, text),
            ".json" => JsonArticleReader.Read(file, text),
            _ => ReadPlainText(file, text),
        };
    }

    /// <summary>UTF-8 (a byte order mark is dropped), CRLF and CR to LF, NFC: the same words give the same bytes.</summary>
    public static string ReadUtf8(string file)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArticleException(file, null, $"cannot be read: {e.Message}");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var line = 1 + bytes.AsSpan(0, Math.Clamp(e.Index, 0, bytes.Length)).Count((byte)'\n');
            throw new ArticleException(file, line, "the file is not valid UTF-8");
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    private static ArticleSource ReadPlainText(string file, string text)
    {
        PlainTextArticle article;
        try
        {
            article = PlainTextArticleReader.Read(text);
        }
        catch (PlainTextFormatException e)
        {
            var message = e.Message[(e.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..];
            throw new ArticleException(file, e.Line, $"column {e.Column}: {message}");
        }

        var lines = new SourceLines();
        lines.Set("Headline", FirstNonBlankLine(text));
        return new ArticleSource(file, article.Headline, article.Standfirst, article.Body, new ArticleSettings(), null, lines);
    }

    private static int FirstNonBlankLine(string text)
    {
        var line = 1;
        foreach (var raw in text.Split('\n'))
        {
            if (raw.Trim().Length > 0)
            {
                return line;
            }

            line++;
        }

        return 1;
    }
}
