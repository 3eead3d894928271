using FeedKit.Formats.Atom;
using FeedKit.Formats.Rss;
using FeedKit.Validation;
using FeedKit.Model;

namespace FeedKit.Tests.Formats;

public sealed class ValidationTests
{
    private static FeedValidationException Fails(Feed feed) =>
        Assert.Throws<FeedValidationException>(() => new AtomFeedWriter().WriteToString(feed));

    private static Article Valid(string slug = "a") => TestFeeds.Article(slug, "عنوان", null, new Paragraph("نص"));

    [Fact]
    public void An_article_without_id_or_url_is_an_error_naming_it()
    {
        var error = Fails(new Feed(TestFeeds.Info("ar", "ع"), [Valid(), Valid("b") with { Url = null }]));
        var problem = Assert.Single(error.Problems);
        Assert.Equal("articles[1].Id", problem.Path.ToString());
        Assert.Contains("neither an Id nor a Url", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_url_is_an_error_naming_field_and_item()
    {
        var error = Fails(new Feed(TestFeeds.Info("ar", "ع"), [Valid(), Valid(), Valid(), Valid("d") with { Url = new Uri("x/y", UriKind.Relative), Id = "tag:example.com,2026:d" }]));
        Assert.Contains(error.Problems, p => p.ToString() == "articles[3].Url: relative URI \"x/y\" needs a base: feeds are read far from the site, so every link must be absolute");
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var feed = new Feed(
            TestFeeds.Info("ar", "  ") with { SiteUrl = new Uri("/news", UriKind.Relative) },
            [Valid() with { Headline = "" }, Valid() with { Id = "not a uri" }, Valid("c") with { Published = TestFeeds.Morning, Updated = TestFeeds.Morning.AddDays(-1) }]);
        var error = Fails(feed);
        Assert.Equal(
            ["feed.Title", "feed.SiteUrl", "articles[0].Headline", "articles[1].Id", "articles[2].Updated"],
            error.Problems.Select(p => p.Path.ToString()));
        Assert.All(error.Problems, p => Assert.Equal(FeedProblemSeverity.Error, p.Severity));
        Assert.Contains("(5 problems)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_ids_are_errors()
    {
        var error = Fails(new Feed(TestFeeds.Info("ar", "ع"), [Valid("a"), Valid("b"), Valid("a")]));
        var problem = Assert.Single(error.Problems);
        Assert.Equal("articles[2].Id", problem.Path.ToString());
        Assert.Contains("articles[0]", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feed_without_articles_needs_an_explicit_date()
    {
        var error = Fails(new Feed(TestFeeds.Info("ar", "ع"), []));
        Assert.Equal("feed.Updated", Assert.Single(error.Problems).Path.ToString());

        var xml = new AtomFeedWriter().WriteToString(new Feed(TestFeeds.Info("ar", "ع") with { Updated = TestFeeds.Morning }, []));
        Assert.Contains("<updated>2026-03-14T09:30:00+03:00</updated>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Atom_needs_an_author_somewhere_but_RSS_does_not()
    {
        var feed = new Feed(TestFeeds.Info("ar", "ع") with { Authors = [] }, [Valid()]);
        Assert.Equal("articles[0].Authors", Assert.Single(Fails(feed).Problems).Path.ToString());
        Assert.Contains("<item>", new RssFeedWriter().WriteToString(feed), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x0001, "U+0001 (a control character)")]
    [InlineData(0xFFFF, "U+FFFF (a noncharacter)")]
    [InlineData(0xD800, "U+D800 (a high surrogate without its low half)")]
    [InlineData(0xDC00, "U+DC00 (a low surrogate without its high half)")]
    public void Characters_XML_cannot_carry_are_errors_with_their_position(int bad, string described)
    {
        var error = Fails(new Feed(TestFeeds.Info("ar", "ع"), [Valid() with { Headline = "عنوان" + (char)bad + "x" }]));
        var problem = Assert.Single(error.Problems);
        Assert.Equal("articles[0].Headline", problem.Path.ToString());
        Assert.Contains(described + " at index 5", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_web_links_are_errors()
    {
        var error = Fails(new Feed(TestFeeds.Info("ar", "ع"), [Valid() with { Url = new Uri("javascript:alert(1)") }]));
        Assert.Equal("articles[0].Url", Assert.Single(error.Problems).Path.ToString());
    }

    [Fact]
    public void Bad_email_is_an_error()
    {
        var error = Fails(new Feed(TestFeeds.Info("ar", "ع"), [Valid() with { Authors = [new Author("س") { Email = "not an email" }] }]));
        Assert.Equal("articles[0].Authors[0].Email", Assert.Single(error.Problems).Path.ToString());
    }

    [Fact]
    public void Empty_optional_texts_count_as_absent()
    {
        var xml = new AtomFeedWriter().WriteToString(new Feed(TestFeeds.Info("ar", "ع", subtitle: "  "), [Valid() with { Standfirst = " " }]));
        Assert.DoesNotContain("<subtitle", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<summary", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_written_when_the_feed_has_errors()
    {
        using var stream = new MemoryStream();
        Assert.Throws<FeedValidationException>(() => new AtomFeedWriter().Write(new Feed(TestFeeds.Info("ar", "ع"), [Valid() with { Headline = "" }]), stream));
        Assert.Equal(0, stream.Length);
    }
}
