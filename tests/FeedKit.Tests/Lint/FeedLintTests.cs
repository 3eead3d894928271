using FeedKit.Formats;
using FeedKit.Formats.Atom;
using FeedKit.Validation;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Tests.Lint;

public sealed class FeedLintTests
{
    private static Feed With(Article article, string? feedLanguage = "ar") =>
        new(TestFeeds.Info("ar", "أخبار") with { Language = feedLanguage is null ? null : LanguageTag.Parse(feedLanguage) }, [article]);

    private static Article Arabic => TestFeeds.Article("a", "عنوان الخبر", "ملخص.", new Paragraph("نص الخبر."));

    private static Article English => TestFeeds.Article("e", "A headline", "A summary.", new Paragraph("The text."));

    private static FeedProblem Single(Feed feed, string path, FeedLintOptions? options = null)
    {
        var problems = FeedLint.Check(feed, options).Where(p => p.Path.ToString() == path).ToList();
        return Assert.Single(problems);
    }

    [Fact]
    public void A_clean_feed_has_no_problems()
    {
        Assert.Empty(FeedLint.Check(With(Arabic)));
        foreach (var name in TestFeeds.CaseNames)
        {
            Assert.DoesNotContain(FeedLint.Check(TestFeeds.Cases[name]()), p => p.Severity == FeedProblemSeverity.Error);
        }
    }

    [Fact]
    public void Declared_right_to_left_language_without_right_to_left_text()
    {
        var problem = Single(With(English), "articles[0].Language");
        Assert.Equal(FeedProblemSeverity.Warning, problem.Severity);
        Assert.Contains("the feed's language \"ar\" is written right to left, but the article has no right-to-left letters", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_left_to_right_language_with_only_right_to_left_text()
    {
        var problem = Single(With(Arabic with { Language = LanguageTag.Parse("en") }), "articles[0].Language");
        Assert.Contains("\"en\" is written left to right, but all the article's letters are right-to-left", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_text_in_either_language_is_fine()
    {
        var mixed = Arabic with { Headline = "iPhone 17 يصل" };
        Assert.DoesNotContain(FeedLint.Check(With(mixed)), p => p.Path.ToString() == "articles[0].Language");
        Assert.DoesNotContain(FeedLint.Check(With(mixed with { Language = LanguageTag.Parse("en") })), p => p.Path.ToString() == "articles[0].Language");
    }

    [Fact]
    public void Right_to_left_text_without_any_language()
    {
        var problem = Single(With(Arabic, feedLanguage: null), "articles[0].Language");
        Assert.Contains("right-to-left text but no language", problem.Message, StringComparison.Ordinal);
        Assert.Empty(FeedLint.Check(With(English, feedLanguage: null)).Where(p => p.Path.ToString() == "articles[0].Language"));
    }

    [Fact]
    public void A_title_against_its_direction_warns_only_when_the_guard_is_off()
    {
        var feed = With(Arabic with { Headline = "iPhone 17 يصل" });
        Assert.DoesNotContain(FeedLint.Check(feed), p => p.Path.ToString() == "articles[0].Headline");
        var off = new FeedLintOptions { FirstStrongGuard = false };
        Assert.Contains("dir=\"auto\"", Single(feed, "articles[0].Headline", off).Message, StringComparison.Ordinal);

        var feedTitle = new Feed(TestFeeds.Info("ar", "2026"), [Arabic]);
        Assert.Contains("U+200F", Single(feedTitle, "feed.Title", off).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedding_controls_warn_and_isolates_do_not()
    {
        Assert.Contains("U+202B", Single(With(Arabic with { Standfirst = "\u202Bملخص\u202C" }), "articles[0].Standfirst").Message, StringComparison.Ordinal);
        Assert.Empty(FeedLint.Check(With(Arabic with { Standfirst = "ملخص \u2067עברית\u2069" })));
    }

    [Fact]
    public void Missing_self_link_and_implausible_dates_warn()
    {
        var feed = new Feed(TestFeeds.Info("ar", "أخبار") with { SelfUrl = null }, [Arabic with { Published = new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero) }]);
        var problems = FeedLint.Check(feed);
        Assert.Contains(problems, p => p.Path.ToString() == "feed.SelfUrl" && p.Severity == FeedProblemSeverity.Warning);
        Assert.Contains(problems, p => p.Path.ToString() == "articles[0].Published" && p.Severity == FeedProblemSeverity.Warning && p.Message.Contains("1970-01-01T00:00:00Z is before 1990", StringComparison.Ordinal));
    }

    [Fact]
    public void An_article_without_a_url_warns_at_its_url_once_for_all_formats()
    {
        var feed = With(Arabic with { Id = "tag:example.com,2026:a", Url = null });
        var problems = FeedLint.Check(feed, new FeedLintOptions { Formats = [FeedFormat.Atom, FeedFormat.Rss, FeedFormat.Json] });
        var problem = Assert.Single(problems, p => p.Code == FeedProblemCodes.NoArticleUrl);
        Assert.Equal("articles[0].Url", problem.Path.ToString());
        Assert.Equal(FeedProblemSeverity.Warning, problem.Severity);
        Assert.DoesNotContain(FeedLint.Check(With(Arabic)), p => p.Code == FeedProblemCodes.NoArticleUrl);
    }

    [Theory]
    [InlineData("Learn the <b> tag", "<b>")]
    [InlineData("Tom &amp; Jerry", "&amp;")]
    [InlineData("سعر &#1633; دينار", "&#1633;")]
    [InlineData("A &#x26; B", "&#x26;")]
    [InlineData("ملاحظات </p> النهاية", "</p>")]
    [InlineData("a < b > c", null)]
    [InlineData("AT&T; profits & losses", null)]
    [InlineData("R&D in 2026", null)]
    [InlineData("x <3 y", null)]
    [InlineData("<a <b <c and no end", null)]
    public void An_rss_title_that_readers_would_take_for_html_warns(string headline, string? markup)
    {
        var feed = With(Arabic with { Headline = headline });
        var rss = FeedLint.Check(feed, new FeedLintOptions { Formats = [FeedFormat.Rss] }).Where(p => p.Code == FeedProblemCodes.TitleLooksLikeHtml).ToList();
        if (markup is null)
        {
            Assert.Empty(rss);
            return;
        }

        var problem = Assert.Single(rss);
        Assert.Equal("articles[0].Headline", problem.Path.ToString());
        Assert.Contains($"contains \"{markup}\"", problem.Message, StringComparison.Ordinal);

        // Atom's and JSON Feed's titles say they are text.
        Assert.DoesNotContain(FeedLint.Check(feed, new FeedLintOptions { Formats = [FeedFormat.Atom, FeedFormat.Json] }), p => p.Code == FeedProblemCodes.TitleLooksLikeHtml);
    }

    [Fact]
    public void A_hostile_title_of_unclosed_tags_and_references_is_checked_in_one_pass()
    {
        // 1.4 million characters of "<a&amp" without '>' or ';': looking for the end of each from its start took time
        // that grew with the square of the length (hours here); the check now reads the title once.
        var headline = "عنوان " + string.Concat(Enumerable.Repeat("<a&amp", 200_000));
        var problems = FeedLint.Check(With(Arabic with { Headline = headline }), new FeedLintOptions { Formats = [FeedFormat.Rss] });
        Assert.DoesNotContain(problems, p => p.Code == FeedProblemCodes.TitleLooksLikeHtml);
    }

    [Fact]
    public void Future_dates_warn_only_when_the_caller_gives_the_time()
    {
        var feed = With(Arabic with { Published = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        Assert.Empty(FeedLint.Check(feed));
        var now = new FeedLintOptions { Now = new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero) };
        Assert.Contains("in the future", Single(feed, "articles[0].Published", now).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_come_first_once_each_although_every_format_is_checked()
    {
        var feed = new Feed(TestFeeds.Info("ar", "أخبار") with { SelfUrl = null }, [Arabic with { Headline = "" }]);
        var problems = FeedLint.Check(feed);
        Assert.Equal(["articles[0].Headline", "feed.SelfUrl"], problems.Select(p => p.Path.ToString()));
        Assert.Equal([FeedProblemSeverity.Error, FeedProblemSeverity.Warning], problems.Select(p => p.Severity));
    }

    [Fact]
    public void Writers_report_warnings_to_the_callback_and_still_write()
    {
        var warnings = new List<FeedProblem>();
        var xml = new AtomFeedWriter(new FeedWriterOptions { Warnings = warnings.Add }).WriteToString(With(English));
        Assert.Contains("<entry", xml, StringComparison.Ordinal);
        Assert.Equal("articles[0].Language", Assert.Single(warnings).Path.ToString());
    }
}
