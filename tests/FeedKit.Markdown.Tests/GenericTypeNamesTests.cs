using FeedKit.Model;
using FeedKit.Readers;

namespace FeedKit.Markdown.Tests;

/// <summary>
/// CommonMark reads <c>&lt;T&gt;</c> as raw HTML, which readers then hide: "List&lt;T&gt;" lost its "&lt;T&gt;", and once
/// sanitized everything after it (issue 12, defect 2). A "tag" that is no HTML element stays text.
/// </summary>
public sealed class GenericTypeNamesTests
{
    [Fact]
    public void Generic_type_names_in_a_markdown_line_keep_every_character()
    {
        var result = Fixture.ReadText("---\ntitle: T\n---\nUse `code` and List<T> or Dictionary<TKey, TValue> here, and <em>this</em>.\n");
        var source = Assert.Single(result.Articles);
        var html = Assert.IsType<RawHtml>(Assert.Single(source.Body)).Html;
        Assert.Contains("List&lt;T&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Dictionary&lt;TKey, TValue&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<em>this</em>", html, StringComparison.Ordinal);
        Assert.Contains(" here, and ", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generic_type_name_survives_into_every_feed_format()
    {
        var source = Assert.Single(Fixture.ReadText("---\ntitle: T\ndate: 2026-03-14T09:30:00Z\n---\nUse List<T> here and more text.\n").Articles);
        var article = source.ToArticle(Fixture.Defaults);
        var feed = new Feed(new FeedInfo { Title = "F", SiteUrl = new Uri("https://example.com/"), Authors = [new Author("A")] }, [article]);
        foreach (var format in FeedFormats.All)
        {
            var text = Formats.FeedWriter.Create(format.Format).WriteToString(feed);
            Assert.Contains("List", text, StringComparison.Ordinal);
            Assert.Contains("here and more text.", text, StringComparison.Ordinal);
            Assert.True(text.Contains("List&amp;lt;T&amp;gt;", StringComparison.Ordinal) || text.Contains("List&lt;T&gt;", StringComparison.Ordinal), text);
        }
    }
}
