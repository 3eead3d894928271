using FeedKit.Markdown;
using FeedKit.Readers;

namespace FeedKit.Cli;

/// <summary>The library's readers the tool uses, by file extension: <c>.txt</c>, <c>.md</c>/<c>.markdown</c>, <c>.json</c>.</summary>
internal static class ArticleFiles
{
    public static readonly ArticleReaders Readers = new(new PlainTextReader(), new MarkdownArticleReader(), new JsonArticleReader());

    public static bool IsArticleFile(string path) =>
        Readers.Find(path) is not null
        && !string.Equals(Path.GetFileName(path), BuildCommand.SettingsFileName, StringComparison.OrdinalIgnoreCase);
}
