using FeedKit.Markdown;
using FeedKit.Readers;

namespace FeedKit.Cli;

/// <summary>The library's readers the tool uses, by file extension: <c>.txt</c>, <c>.md</c>/<c>.markdown</c>, <c>.json</c>.</summary>
internal static class ArticleFiles
{
    public static readonly ArticleReaders Readers = For(PlainTextOptions.Default);

    /// <summary>The readers, with plain text read with <paramref name="plainText"/> (the settings' <c>chrome</c>).</summary>
    public static ArticleReaders For(PlainTextOptions plainText) =>
        new(new PlainTextReader(plainText), new MarkdownArticleReader(), new JsonArticleReader());

    public static bool IsArticleFile(string path) =>
        Readers.Find(path) is not null
        && !string.Equals(Path.GetFileName(path), BuildCommand.SettingsFileName, StringComparison.OrdinalIgnoreCase);
}
