using FeedKit.Model;
using FeedKit.Tests.Formats;
using FeedKit.Validation;
using Xunit;

namespace FeedKit.Tests.Validation;

/// <summary>Issue 12, defect 10: what the validation let through.</summary>
public sealed class ValidationGapTests
{
    private static FeedProblem Error(Feed feed) =>
        Assert.Single(FeedLint.Check(feed), p => p.Severity == FeedProblemSeverity.Error);

    private static Feed With(Article article) => new(TestFeeds.Info("ar", "أخبار"), [article]);

    private static Article Plain => TestFeeds.Article("a", "عنوان", "مقدمة.", new Paragraph("نص."));

    [Theory]
    [InlineData("ftp://example.com/people/layla")]
    [InlineData("file:///etc/passwd")]
    [InlineData("urn:isbn:0451450523")]
    public void An_author_url_that_is_not_a_page_or_an_address_is_an_error(string url)
    {
        var problem = Error(With(Plain with { Authors = [new Author("ليلى") { Url = new Uri(url) }] }));
        Assert.Equal("articles[0].Authors[0].Url", problem.Path.ToString());
        Assert.Equal(FeedProblemCodes.NotHttpUri, problem.Code);
    }

    [Theory]
    [InlineData("https://example.com/people/layla")]
    [InlineData("mailto:layla@example.com")]
    public void An_author_url_may_be_a_page_or_an_address(string url) =>
        Assert.DoesNotContain(FeedLint.Check(With(Plain with { Authors = [new Author("ليلى") { Url = new Uri(url) }] })), p => p.Severity == FeedProblemSeverity.Error);

    [Fact]
    public void A_link_with_credentials_is_an_error_that_does_not_repeat_the_secret()
    {
        var problem = Error(With(Plain with { Url = new Uri("https://user:s3cret@example.com/a") }));
        Assert.Equal("articles[0].Url", problem.Path.ToString());
        Assert.Equal(FeedProblemCodes.UriCredentials, problem.Code);
        Assert.DoesNotContain("s3cret", problem.Message, StringComparison.Ordinal);

        var feedLink = Error(new Feed(TestFeeds.Info("ar", "أخبار") with { SiteUrl = new Uri("https://admin:pw@example.com/") }, [Plain]));
        Assert.Equal("feed.SiteUrl", feedLink.Path.ToString());
        Assert.DoesNotContain("pw@", feedLink.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200F")]
    [InlineData("\u00AD")]
    [InlineData("\u200B\u200F\u00AD\u2066\u2069\uFEFF")]
    public void A_headline_of_invisible_characters_only_is_empty(string headline)
    {
        var problem = Error(With(Plain with { Headline = headline }));
        Assert.Equal("articles[0].Headline", problem.Path.ToString());
        Assert.Equal(FeedProblemCodes.Empty, problem.Code);
    }

    [Fact]
    public void A_headline_with_a_visible_character_next_to_invisible_ones_is_fine() =>
        Assert.DoesNotContain(FeedLint.Check(With(Plain with { Headline = "\u200Fخبر\u200B" })), p => p.Severity == FeedProblemSeverity.Error);

    [Theory]
    [InlineData("\U000FFFFF")]
    [InlineData("\uFDEA")]
    public void A_noncharacter_in_raw_html_is_dropped_with_a_warning_never_silently(string noncharacter)
    {
        // Found by fuzzing in CI (a plane-15 noncharacter): sanitizing drops it, and says so with the block's path.
        var feed = With(Plain with { Body = [new RawHtml("<p>a" + noncharacter + "b</p>")] });
        var warning = Assert.Single(FeedLint.Check(feed), p => p.Code == FeedProblemCodes.HtmlRemoved);
        Assert.Equal("articles[0].Body[0].Html", warning.Path.ToString());
        Assert.Contains("&lt;p&gt;ab&lt;/p&gt;", new FeedKit.Formats.Atom.AtomFeedWriter().WriteToString(feed), StringComparison.Ordinal);
    }
}
