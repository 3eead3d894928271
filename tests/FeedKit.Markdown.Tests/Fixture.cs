using System.Text;
using FeedKit.Readers;

namespace FeedKit.Markdown.Tests;

/// <summary>Reads the fixtures copied beside the tests, and Markdown given as text.</summary>
internal static class Fixture
{
    public static string PathOf(string relative) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", relative.Replace('/', Path.DirectorySeparatorChar));

    public static ArticleReadResult Read(string relative) => new ArticleReaders(new MarkdownArticleReader()).ReadFile(PathOf(relative));

    public static ArticleReadResult ReadText(string text, string file = "posts/a.md") =>
        new MarkdownArticleReader().Read(file, Encoding.UTF8.GetBytes(text));

    public static ArticleDefaults Defaults { get; } = new(new Uri("https://example.com/blog/"));
}
