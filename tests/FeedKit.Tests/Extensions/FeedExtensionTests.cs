using System.Text.Json;
using System.Xml.Linq;
using FeedKit.Extensions;
using FeedKit.Formats;
using FeedKit.Formats.Atom;
using FeedKit.Formats.Json;
using FeedKit.Formats.Rss;
using FeedKit.Model;
using FeedKit.Tests.Formats;
using FeedKit.Tests.Media;
using FeedKit.Validation;
using Xunit;

namespace FeedKit.Tests.Extensions;

using Xml = FeedKit.Tests.Formats.Xml;

/// <summary>A publisher's own namespace, written through FeedKit's one extension mechanism, in all three formats.</summary>
public sealed class FeedExtensionTests
{
    private static readonly XNamespace Ex = Rating.Ns.Uri;

    /// <summary>The example of docs/extensions.md: a star rating on an article.</summary>
    public sealed record Rating(int Stars) : FeedExtension
    {
        public static readonly XmlNamespace Ns = new("ex", "https://example.com/ns/rating/1.0");

        public override XmlNamespace Namespace => Ns;

        protected override void Validate(ExtensionValidator check)
        {
            if (Stars is < 1 or > 5)
            {
                check.Error("Stars", $"{Stars} is not between 1 and 5", "rating-range");
            }
        }

        protected override void WriteXml(XmlExtensionWriter xml) => xml.WriteElement("rating", Stars);

        protected override void WriteJson(JsonExtensionWriter json) => json.WriteNumber("rating", Stars);
    }

    /// <summary>A feed-level extension with nested elements, an attribute and a guarded text.</summary>
    public sealed record Desk(string Name, string Email) : FeedExtension
    {
        public override XmlNamespace Namespace => Rating.Ns;

        protected override void Validate(ExtensionValidator check)
        {
            check.CheckText(Name, "Name", required: true);
            check.CheckText(Email, "Email", required: true);
        }

        protected override void WriteXml(XmlExtensionWriter xml)
        {
            xml.WriteStartElement("desk");
            xml.WriteAttribute("email", Email);
            xml.WriteString(xml.Guard(Name));
            xml.WriteEndElement();
        }

        protected override void WriteJson(JsonExtensionWriter json)
        {
            json.WriteStartObject("desk");
            json.WriteString("name", json.Guard(Name));
            json.WriteString("email", Email);
            json.WriteEndObject();
        }
    }

    /// <summary>A media file's own element (the clip's speaker), written inside its media:content and its JSON attachment.</summary>
    public sealed record Speaker(string Name) : FeedExtension
    {
        public override XmlNamespace Namespace => Rating.Ns;

        protected override void WriteXml(XmlExtensionWriter xml) => xml.WriteElement("speaker", Name);

        protected override void WriteJson(JsonExtensionWriter json) => json.WriteString("speaker", Name);
    }

    /// <summary>The docs' second example: a namespace the W3C validator knows (Slash), so it gives no warning at all.</summary>
    public sealed record Comments(int Count) : FeedExtension
    {
        public static readonly XmlNamespace Ns = new("slash", "http://purl.org/rss/1.0/modules/slash/");

        public override XmlNamespace Namespace => Ns;

        protected override void Validate(ExtensionValidator check)
        {
            if (Count < 0)
            {
                check.Error("Count", $"{Count} is negative", "comments-negative");
            }
        }

        protected override void WriteXml(XmlExtensionWriter xml) => xml.WriteElement("comments", Count);

        protected override void WriteJson(JsonExtensionWriter json) => json.WriteNumber("comments", Count);
    }

    [Fact]
    public async Task A_known_namespace_writes_the_same_way_and_is_valid_Atom()
    {
        var feed = new Feed(TestFeeds.Info("ar", "أخبار"), [TestFeeds.Article("a", "خبر", "مقدمة.", new Paragraph("نص.")) with { Extensions = [new Comments(4)] }]);
        var atom = new AtomFeedWriter().WriteToString(feed);
        Assert.Contains("xmlns:slash=\"http://purl.org/rss/1.0/modules/slash/\"", atom, StringComparison.Ordinal);
        Assert.Contains("<slash:comments>4</slash:comments>", atom, StringComparison.Ordinal);
        Assert.Contains("<slash:comments>4</slash:comments>", new RssFeedWriter().WriteToString(feed), StringComparison.Ordinal);
        Assert.Contains("\"_slash\": {", new JsonFeedWriter().WriteToString(feed), StringComparison.Ordinal);
        await RichFeeds.AssertValidAtom(atom);
        Assert.Equal("comments-negative", Assert.Single(FeedLint.Check(new Feed(feed.Info, [feed.Articles[0] with { Extensions = [new Comments(-1)] }])), p => p.Severity == FeedProblemSeverity.Error).Code);
    }

    private static Feed Sample(int stars = 4) => new(
        TestFeeds.Info("ar", "أخبار") with { Extensions = [new Desk("iPhone desk", "desk@example.com")] },
        [
            TestFeeds.Article("rated", "مراجعة الهاتف", "مقدمة.", new Paragraph("نص.")) with
            {
                Extensions = [new Rating(stars)],
                Media = [new MediaAttachment(new Uri("https://example.com/clip.mp3"), "audio/mpeg") { Length = 1000, Extensions = [new Speaker("ليلى")] }],
            },
            TestFeeds.Article("plain", "خبر آخر", null, new Paragraph("نص آخر.")),
        ]);

    [Fact]
    public async Task Atom_declares_the_namespace_once_on_the_root_and_writes_each_element_where_it_belongs()
    {
        var text = new AtomFeedWriter().WriteToString(Sample());
        var document = XDocument.Parse(text);
        Assert.Equal(1, CountDeclarations(text, Rating.Ns.Uri));
        Assert.Equal(Rating.Ns.Uri, document.Root!.Attribute(XNamespace.Xmlns + "ex")?.Value);
        var entries = document.Root.Elements(Xml.Atom + "entry").ToList();
        Assert.Equal("4", entries[0].Element(Ex + "rating")?.Value);
        Assert.Null(entries[1].Element(Ex + "rating"));
        Assert.Equal("desk@example.com", document.Root.Element(Ex + "desk")?.Attribute("email")?.Value);
        Assert.Equal("\u200FiPhone desk", document.Root.Element(Ex + "desk")?.Value);
        Assert.Equal("ليلى", entries[0].Descendants(Xml.Media + "content").Single().Element(Ex + "speaker")?.Value);
        await RichFeeds.AssertValidAtom(text);
    }

    [Fact]
    public void Rss_declares_the_namespace_once_and_writes_the_same_elements()
    {
        var text = new RssFeedWriter().WriteToString(Sample());
        var document = XDocument.Parse(text);
        Assert.Equal(1, CountDeclarations(text, Rating.Ns.Uri));
        var channel = document.Root!.Element("channel")!;
        var items = channel.Elements("item").ToList();
        Assert.Equal("4", items[0].Element(Ex + "rating")?.Value);
        Assert.Null(items[1].Element(Ex + "rating"));
        Assert.Equal("\u200FiPhone desk", channel.Element(Ex + "desk")?.Value);
        Assert.Equal("ليلى", items[0].Element(Xml.Media + "content")?.Element(Ex + "speaker")?.Value);
    }

    [Fact]
    public void Json_Feed_writes_each_extension_in_its_underscore_object()
    {
        using var document = JsonDocument.Parse(new JsonFeedWriter().WriteToString(Sample()));
        var root = document.RootElement;
        Assert.Equal("\u200FiPhone desk", root.GetProperty("_ex").GetProperty("desk").GetProperty("name").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, items[0].GetProperty("_ex").GetProperty("rating").GetInt32());
        Assert.False(items[1].TryGetProperty("_ex", out _));
        Assert.Equal("ليلى", items[0].GetProperty("attachments")[0].GetProperty("_ex").GetProperty("speaker").GetString());
    }

    [Fact]
    public async Task The_extension_case_is_pinned_in_all_three_formats()
    {
        var feed = Sample();
        var all = string.Join(
            "\n----\n",
            FeedFormats.All.Select(f => FeedWriter.Create(f.Format).WriteToString(feed)));
        await Verifier.Verify(all, "txt");
    }

    [Fact]
    public void An_extension_s_own_rule_is_an_error_with_its_path_and_code_in_the_lint_and_the_writers()
    {
        var feed = Sample(stars: 9);
        var problem = Assert.Single(FeedLint.Check(feed), p => p.Severity == FeedProblemSeverity.Error);
        Assert.Equal("articles[0].Extensions[0].Stars", problem.Path.ToString());
        Assert.Equal(0, problem.Path.ArticleIndex);
        Assert.Equal("rating-range", problem.Code);
        foreach (var format in FeedFormats.All)
        {
            var error = Assert.Throws<FeedValidationException>(() => FeedWriter.Create(format.Format).WriteToString(feed));
            Assert.Equal(problem, Assert.Single(error.Problems));
        }
    }

    [Fact]
    public async Task A_streamed_feed_must_declare_the_namespaces_of_its_articles_and_then_gives_the_same_bytes()
    {
        var feed = Sample();
        var info = feed.Info with { Updated = TestFeeds.Morning, Extensions = [] };
        var writer = new AtomFeedWriter();
        var error = await Assert.ThrowsAsync<FeedValidationException>(() => writer.WriteAsync(new Feed(info, feed.Articles.ToAsyncEnumerable()), new MemoryStream()));
        Assert.All(error.Problems, p => Assert.Equal(FeedProblemCodes.UndeclaredNamespace, p.Code));
        Assert.Equal(["articles[0].Extensions[0]", "articles[0].Media[0].Extensions[0]"], error.Problems.Select(p => p.Path.ToString()));

        var declared = info with { Namespaces = [Rating.Ns] };
        using var streamed = new MemoryStream();
        await writer.WriteAsync(new Feed(declared, feed.Articles.ToAsyncEnumerable()), streamed);
        Assert.Equal(writer.WriteToString(new Feed(declared, feed.Articles)), System.Text.Encoding.UTF8.GetString(streamed.ToArray()));
        Assert.Equal(writer.WriteToString(new Feed(info, feed.Articles)), System.Text.Encoding.UTF8.GetString(streamed.ToArray()));
    }

    [Fact]
    public void A_prefix_taken_by_another_namespace_is_an_error()
    {
        var clash = new XmlNamespace("media", "https://example.com/not-media-rss");
        var feed = Sample() with { Info = Sample().Info with { Namespaces = [clash] } };
        var problem = Assert.Single(FeedLint.Check(feed, new FeedLintOptions { Formats = [FeedFormat.Atom] }), p => p.Severity == FeedProblemSeverity.Error);
        Assert.Equal(FeedProblemCodes.NamespaceConflict, problem.Code);
        Assert.Contains("\"media\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extensions_compare_by_value_like_the_rest_of_the_model()
    {
        Assert.Equal(Sample(), Sample());
        Assert.NotEqual(Sample(), Sample(stars: 3));
        Assert.Equal(Sample().GetHashCode(), Sample().GetHashCode());
    }

    private static int CountDeclarations(string text, string uri) =>
        text.Split("=\"" + uri + "\"").Length - 1;
}
