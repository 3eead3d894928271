using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FeedKit.Browser;
using FeedKit.Formats.Atom;
using FeedKit.Model;
using FeedKit.Validation;

namespace FeedKit.Tests.Browser;

/// <summary>
/// <see cref="FeedPage"/>: the bytes of the mixed Arabic and English case pinned; the same language per article as
/// the Atom writer; the same bytes under any culture and whether the feed is a list or a stream; errors leave nothing.
/// </summary>
public sealed partial class FeedPageTests
{
    private static readonly FeedPageLink[] Links =
    [
        new(FeedFormat.Atom, new Uri("https://example.com/feed.atom")),
        new(FeedFormat.Rss, new Uri("https://example.com/feed.rss")),
        new(FeedFormat.Json, new Uri("https://example.com/feed.json")),
    ];

    [Fact]
    public async Task Mixed_arabic_english_page() =>
        await Verifier.Verify(FeedPage.WriteToString(TestFeeds.Cases["english-in-arabic-feed"](), Links), "html");

    public static TheoryData<string> CaseNames() => new(TestFeeds.CaseNames);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_article_has_the_language_the_atom_entry_has_and_the_direction_of_its_html(string name)
    {
        var feed = TestFeeds.Cases[name]();
        var page = FeedPage.WriteToString(feed, Links);
        var atom = XDocument.Parse(new AtomFeedWriter().WriteToString(feed));
        XNamespace a = "http://www.w3.org/2005/Atom";
        var entries = atom.Root!.Elements(a + "entry").ToList();
        var articles = ArticleTag().Matches(page).ToList();
        Assert.Equal(entries.Count, articles.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var lang = (string?)entries[i].Attribute(XNamespace.Xml + "lang");
            Assert.Equal(lang, articles[i].Groups["lang"].Success ? articles[i].Groups["lang"].Value : null);

            // The Atom content's HTML wrapper says the article's direction: the page's <article> says the same.
            var content = (string?)entries[i].Element(a + "content") ?? (string?)entries[i].Element(a + "summary");
            if (content is not null)
            {
                Assert.Equal(Regex.Match(content, "^<div dir=\"(rtl|ltr)\"").Groups[1].Value, articles[i].Groups["dir"].Value);
            }
        }

        Assert.StartsWith(
            $"<!DOCTYPE html>\n<html lang=\"{(string?)atom.Root.Attribute(XNamespace.Xml + "lang")}\" dir=\"",
            page,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("he-IL")]
    [InlineData("th-TH")]
    public void Bytes_do_not_depend_on_the_current_culture(string culture)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            var invariant = TestFeeds.CaseNames.Select(n => FeedPage.WriteToBytes(TestFeeds.Cases[n](), Links)).ToList();
            var specific = new CultureInfo(culture);
            Assert.NotEqual(TestFeeds.Morning.ToString("D", CultureInfo.InvariantCulture), TestFeeds.Morning.ToString("D", specific));
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = specific;
            Assert.Equal(invariant, TestFeeds.CaseNames.Select(n => FeedPage.WriteToBytes(TestFeeds.Cases[n](), Links)).ToList());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_streamed_feed_gives_the_bytes_of_the_list(string name)
    {
        var feed = TestFeeds.Cases[name]();
        var list = feed with { Info = feed.Info with { Updated = feed.Updated } };
        var streamed = new Feed(list.Info, Stream(list.Articles));
        using var output = new NonSeekableStream();
        await FeedPage.WriteAsync(streamed, Links, output);
        Assert.Equal(FeedPage.WriteToBytes(list, Links), output.ToArray());
    }

    [Fact]
    public void A_feed_with_errors_throws_and_leaves_nothing()
    {
        var feed = TestFeeds.Cases["hebrew"]();
        var bad = new Feed(feed.Info, [.. feed.Articles, feed.Articles[0] with { Id = "other", Headline = " " }]);
        using var output = new MemoryStream();
        output.Write("kept"u8);
        var error = Assert.Throws<FeedValidationException>(() => FeedPage.WriteAsync(bad, Links, output).GetAwaiter().GetResult());
        Assert.Contains(error.Problems, p => p.Path.ToString().StartsWith("articles[1]", StringComparison.Ordinal));
        Assert.Equal("kept"u8.ToArray(), output.ToArray());
    }

    [Theory]
    [InlineData("/feed.atom")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.com/feed.atom")]
    public void A_link_must_be_an_absolute_web_url(string url)
    {
        var error = Assert.Throws<ArgumentException>(() => new FeedPageLink(FeedFormat.Atom, new Uri(url, UriKind.RelativeOrAbsolute)));
        Assert.Equal("url", error.ParamName);
    }

    [Fact]
    public void A_podcast_episode_gets_a_player_and_a_link_to_its_file_and_the_policy_allows_it()
    {
        var feed = FeedKit.Tests.Podcasts.PodcastFeeds.Arabic();
        var page = FeedPage.WriteToString(feed, Links);
        var episode = feed.Articles[0].Media[0].Url.AbsoluteUri;
        Assert.Contains($"<audio controls preload=\"none\" src=\"{episode}\"></audio>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{episode}\" dir=\"ltr\">{Path.GetFileName(new Uri(episode).AbsolutePath)}</a>", page, StringComparison.Ordinal);
        Assert.Equal(feed.Articles.Length, System.Text.RegularExpressions.Regex.Count(page, "<audio "));
        Assert.Contains("media-src http: https:", FeedPage.ContentSecurityPolicy, StringComparison.Ordinal);

        // Articles without audio or video get none.
        Assert.DoesNotContain("<audio", FeedPage.WriteToString(TestFeeds.Cases["hebrew"](), Links), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_links_there_is_no_subscribe_box()
    {
        var page = FeedPage.WriteToString(TestFeeds.Cases["hebrew"](), []);
        Assert.DoesNotContain("class=\"subscribe\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"alternate\"", page, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", page, StringComparison.Ordinal);
    }

    private static async IAsyncEnumerable<Article> Stream(IEnumerable<Article> articles, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var article in articles)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return article;
        }
    }

    /// <summary>A network-like target: the writer cannot cut it back, so it streams the articles as it reads them.</summary>
    private sealed class NonSeekableStream : MemoryStream
    {
        public override bool CanSeek => false;
    }

    [GeneratedRegex("<article(?: lang=\"(?<lang>[^\"]*)\")? dir=\"(?<dir>rtl|ltr)\">")]
    private static partial Regex ArticleTag();
}
