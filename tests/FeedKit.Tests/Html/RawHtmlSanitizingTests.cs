using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using FeedKit.Formats;
using FeedKit.Formats.Atom;
using FeedKit.Formats.Json;
using FeedKit.Formats.Rss;
using FeedKit.Validation;
using FeedKit.Model;
using FeedKit.Tests.Formats;

namespace FeedKit.Tests.Html;

using Xml = FeedKit.Tests.Formats.Xml;

/// <summary>
/// RawHtml sanitizing (FeedKit issue 12): the lint and the writers see the same sanitized HTML, no visible text is
/// lost, forms and credentials never reach readers, and deep nesting is refused instead of stalling the writer.
/// </summary>
public sealed class RawHtmlSanitizingTests
{
    private const string BodyPath = "articles[0].Body[1].Html";

    private static Feed OneBlock(string html) => new(
        TestFeeds.Info("en", "News"),
        [TestFeeds.Article("a", "A headline", "A summary.", new Paragraph("First."), new RawHtml(html))]);

    private static IReadOnlyList<FeedProblem> Lint(Feed feed) =>
        FeedLint.Check(feed, new FeedLintOptions { Now = new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero) });

    /// <summary>The body HTML each format wrote, after parsing each feed back.</summary>
    private static Dictionary<string, string> Bodies(Feed feed)
    {
        var atom = XDocument.Parse(new AtomFeedWriter().WriteToString(feed));
        var rss = XDocument.Parse(new RssFeedWriter().WriteToString(feed));
        using var json = JsonDocument.Parse(new JsonFeedWriter().WriteToString(feed));
        XNamespace content = "http://purl.org/rss/1.0/modules/content/";
        return new Dictionary<string, string>
        {
            ["atom"] = atom.Descendants(Xml.Atom + "content").Single().Value,
            ["rss"] = rss.Descendants(content + "encoded").Single().Value,
            ["json"] = json.RootElement.GetProperty("items")[0].GetProperty("content_html").GetString()!,
        };
    }

    private static string VisibleText(string html)
    {
        using var document = new HtmlParser().ParseDocument("<!doctype html><html><body>" + html);
        foreach (var hidden in document.Body!.QuerySelectorAll("script, style, template").ToList())
        {
            hidden.Remove();
        }

        return document.Body.TextContent;
    }

    public static TheoryData<string> Texts => new()
    {
        "<p>Use List<T> here and more text.</p>",
        "<p>Word <o:p>office</o:p> markup and <st1:place>Dubai</st1:place>.</p>",
        Markdig.Markdown.ToHtml("Use `code` and List<T> or Dictionary<TKey, TValue> here").Trim(),
        "<p>Before <custom-element>inside <b>bold</b></custom-element> after</p>",
        "<form action=\"https://evil.example/\">Name <input name=\"n\"> <button>Send it</button> <select><option>One</option></select> <textarea>A note</textarea></form>",
        "<div><font face=\"x\">old</font> <blink>blink</blink> <marquee>moving</marquee> <noscript>no script</noscript></div>",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Every_character_of_visible_text_survives(string html)
    {
        var feed = OneBlock(html);
        Assert.DoesNotContain(Lint(feed), p => p.Path.ToString() == BodyPath && p.Message.Contains("dropped text", StringComparison.Ordinal));
        var expected = "First." + VisibleText(html);
        foreach (var (format, body) in Bodies(feed))
        {
            Assert.True(expected == VisibleText(body).Replace("\n", "", StringComparison.Ordinal), $"{format}: \"{VisibleText(body)}\" is not \"{expected}\"");
        }
    }

    [Fact]
    public void Generic_type_in_raw_HTML_keeps_the_rest_of_the_paragraph()
    {
        foreach (var (format, body) in Bodies(OneBlock("<p>Use List<T> here and more text.</p>")))
        {
            Assert.True(body.Contains("Use List here and more text.", StringComparison.Ordinal), $"{format}: {body}");
        }
    }

    [Fact]
    public void Forms_controls_and_names_never_reach_readers_in_any_format()
    {
        var feed = OneBlock("<form action=\"https://evil.example/\" method=\"post\">Your key: <input type=\"password\" name=\"pw\"> "
            + "<button name=\"go\">Log in</button> <select name=\"s\"><option>One</option></select> <textarea name=\"t\">Note</textarea>"
            + "<a name=\"anchor\" href=\"https://example.com/x\">link</a></form>");
        Assert.DoesNotContain(Lint(feed), p => p.Severity == FeedProblemSeverity.Error);
        foreach (var (format, body) in Bodies(feed))
        {
            foreach (var banned in new[] { "<form", "<input", "<button", "<select", "<option", "<textarea", "name=", "evil.example", "password" })
            {
                Assert.True(!body.Contains(banned, StringComparison.OrdinalIgnoreCase), $"{format} has {banned}: {body}");
            }

            foreach (var kept in new[] { "Your key:", "Log in", "One", "Note", "<a href=\"https://example.com/x\">link</a>" })
            {
                Assert.True(body.Contains(kept, StringComparison.Ordinal), $"{format} lost {kept}: {body}");
            }
        }
    }

    [Theory]
    [InlineData("<p>&#x1;</p>", "U+0001")]
    [InlineData("<p>a&#x1B;[31mred</p>", "U+001B")]
    [InlineData("<p>&#xFFFE;x</p>", "U+FFFE")]
    [InlineData("<p>x&#xFFFF;</p>", "U+FFFF")]
    [InlineData("<p>&#xFDD0;x</p>", "U+FDD0")]
    [InlineData("<p>x&#x1FFFF;</p>", "U+1FFFF")]
    [InlineData("<p>&#x81;&#x8D;&#x9D;x</p>", "U+0081")]
    [InlineData("<p title=\"a&#x1;b&#x90;\">x</p>", "U+0001")]
    [InlineData("<a href=\"https://example.com/&#x1;\">x</a>", "U+0001")]
    public void Character_references_a_feed_cannot_carry_are_dropped_with_a_warning(string html, string named)
    {
        var feed = OneBlock(html);
        var lint = Lint(feed);
        Assert.DoesNotContain(lint, p => p.Severity == FeedProblemSeverity.Error);
        Assert.Contains(lint, p => p.Severity == FeedProblemSeverity.Warning && p.Path.ToString() == BodyPath && p.Message.Contains(named, StringComparison.Ordinal));

        // The lint passed, so every writer writes it, and every feed parses back without the character.
        foreach (var (format, body) in Bodies(feed))
        {
            foreach (var c in body)
            {
                Assert.False(c < ' ' && c is not ('\t' or '\n' or '\r'), $"{format}: U+{(int)c:X4}");
                Assert.False(c is >= '\u0080' and <= '\u009F' or '\uFFFE' or '\uFFFF' or >= '\uFDD0' and <= '\uFDEF', $"{format}: U+{(int)c:X4}");
            }
        }
    }

    [Fact]
    public void Fifty_thousand_nested_divs_are_an_error_with_the_path_not_a_stall()
    {
        const int Depth = 50_000;
        var html = string.Concat(Enumerable.Repeat("<div>", Depth)) + "x" + string.Concat(Enumerable.Repeat("</div>", Depth));
        var problem = Assert.Single(Lint(OneBlock(html)), p => p.Severity == FeedProblemSeverity.Error);
        Assert.Equal(BodyPath, problem.Path.ToString());
        Assert.Contains("nested more than 256 deep", problem.Message, StringComparison.Ordinal);
        var refused = Assert.Throws<FeedValidationException>(() => new AtomFeedWriter().WriteToString(OneBlock(html)));
        Assert.Contains(refused.Problems, p => p.Path.ToString() == BodyPath);
    }

    [Theory]
    [InlineData("<b>", 50_000)]
    [InlineData("<span><i>", 300)]
    [InlineData("<svg><g>", 200)]
    [InlineData("<svg><foreignObject><div/>", 200)]
    [InlineData("<table><tr><td>", 300)]
    public void Deep_unclosed_markup_is_refused(string open, int times)
    {
        var html = string.Concat(Enumerable.Repeat(open, times)) + "x";
        Assert.Contains(Lint(OneBlock(html)), p => p.Severity == FeedProblemSeverity.Error && p.Path.ToString() == BodyPath && p.Message.Contains("deep", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<div>", "</div>", 250)]
    [InlineData("<p>", "", 1_000)]
    [InlineData("<li>", "", 1_000)]
    [InlineData("<br>", "", 1_000)]
    [InlineData("<svg><path d=\"M0 0\"/></svg>", "", 1_000)]
    [InlineData("<script><div><div></script>", "", 1_000)]
    [InlineData("<!-- <div> -->", "", 1_000)]
    [InlineData("<p title=\"<div>\">", "", 1_000)]
    public void Long_but_shallow_markup_is_written(string open, string close, int times)
    {
        var html = string.Concat(Enumerable.Repeat(open, times)) + "x" + string.Concat(Enumerable.Repeat(close, times));
        var feed = OneBlock(html);
        Assert.DoesNotContain(Lint(feed), p => p.Severity == FeedProblemSeverity.Error);
        Assert.All(Bodies(feed).Values, body => Assert.Contains("x", body, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<a href=\"https://user:secret@example.com/x\">link</a>", "link")]
    [InlineData("<img src=\"https://u:secret@img.example/a.png\" alt=\"pic\">", "<img alt=\"pic\">")]
    [InlineData("<a href=\"//user:secret@example.com/x\">link</a>", "link")]
    public void URLs_with_credentials_are_dropped_with_a_warning_that_keeps_the_secret(string html, string kept)
    {
        var feed = OneBlock(html);
        var warning = Assert.Single(Lint(feed), p => p.Path.ToString() == BodyPath && p.Message.Contains("credentials", StringComparison.Ordinal));
        Assert.DoesNotContain("secret", warning.Message, StringComparison.Ordinal);
        Assert.Contains("example", warning.Message, StringComparison.Ordinal);
        foreach (var (format, body) in Bodies(feed))
        {
            Assert.True(!body.Contains("secret", StringComparison.Ordinal), $"{format}: {body}");
            Assert.True(body.Contains(kept, StringComparison.Ordinal), $"{format}: {body}");
        }
    }

    [Fact]
    public void Removed_scripts_and_their_text_are_a_warning()
    {
        var warning = Assert.Single(Lint(OneBlock("<p>a</p><script>track()</script><svg><text>chart</text></svg>")), p => p.Path.ToString() == BodyPath);
        Assert.Equal(FeedProblemSeverity.Warning, warning.Severity);
        Assert.Contains("<script>, <svg>", warning.Message, StringComparison.Ordinal);
        Assert.Contains("12 characters", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_normalized_feed_holds_the_sanitized_HTML_that_every_writer_writes()
    {
        var feed = OneBlock("<p onclick=\"x()\">a&#x1;b <o:p>c</o:p></p><script>track()</script>");
        using var normalized = FeedNormalizer.Resolve(feed, new ValidationOptions(FeedFormat.Atom, FirstStrongGuard: true), out _);
        var html = Assert.IsType<RawHtml>(normalized.Articles[0].Body[1]).Html;
        Assert.Equal("<p>ab c</p>", html);
        Assert.All(Bodies(feed).Values, body => Assert.Contains("<p>First.</p>\n<p>ab c</p>", body, StringComparison.Ordinal));
    }

    [Fact]
    public void Trusted_raw_HTML_is_written_as_it_is()
    {
        var feed = new Feed(TestFeeds.Info("en", "News"), [TestFeeds.Article("a", "A headline", null, new RawHtml("<form><input name=\"q\"></form>") { Trusted = true })]);
        Assert.DoesNotContain(Lint(feed), p => p.Path.ToString().StartsWith("articles[0].Body", StringComparison.Ordinal));
        Assert.All(Bodies(feed).Values, body => Assert.Contains("<form><input name=\"q\"></form>", body, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<p>שורה אחת<br>שורה שתיים</p>", "שורה אחת שורה שתיים")]
    [InlineData("<table><tr><th>שם</th><th>Role</th></tr><tr><td>נועה</td><td>host</td></tr></table>", "שם Role נועה host")]
    [InlineData("<ul><li>یک</li><li>دو</li></ul><p>سه <b>چهار</b>\n  پنج</p>", "سه چهار پنج")]
    [InlineData("<div>a<div>b</div></div>", "a b")]
    [InlineData("<p> </p><img src=\"https://example.com/a.jpg\">", null)]
    public void Plain_text_of_raw_html_keeps_words_apart_at_element_boundaries(string html, string? expected)
    {
        // The RSS description (and a podcast's itunes:summary) of an item whose body starts with raw HTML: TextContent
        // ran "a<br>b" and table cells together.
        Assert.Equal(expected, FeedKit.Html.HtmlSanitizing.PlainText(html));
    }

    [Fact]
    public void An_rss_item_whose_body_is_raw_html_gets_its_first_paragraph_as_description_with_words_apart()
    {
        var feed = new Feed(TestFeeds.Info("he", "חדשות"), [TestFeeds.Article("a", "כותרת", null, new RawHtml("<p>שורה אחת<br>שורה שתיים</p>"))]);
        var description = XDocument.Parse(new RssFeedWriter().WriteToString(feed)).Root!.Element("channel")!.Element("item")!.Element("description")!.Value;
        Assert.Equal("<div dir=\"rtl\" lang=\"he\"><p>שורה אחת שורה שתיים</p></div>", description);
    }
}
