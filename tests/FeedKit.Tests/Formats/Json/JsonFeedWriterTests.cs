using System.Text.Json;
using System.Text.RegularExpressions;
using FeedKit.Formats.Json;
using FeedKit.Model;

namespace FeedKit.Tests.Formats.Json;

public sealed partial class JsonFeedWriterTests
{
    private static JsonElement Write(Feed feed) =>
        JsonDocument.Parse(new JsonFeedWriter().WriteToString(feed)).RootElement.Clone();

    [Fact]
    public async Task Seed_json()
    {
        using var stdout = new MemoryStream();
        Assert.Equal(0, FeedKit.Cli.FeedKitCli.Run(["build", TestFeeds.SeedDirectory, "--format", "json"], stdout, TextWriter.Null));
        await Verifier.Verify(System.Text.Encoding.UTF8.GetString(stdout.ToArray()), "json");
    }

    [Fact]
    public async Task Mixed_languages_json()
    {
        await Verifier.Verify(new JsonFeedWriter().WriteToString(TestFeeds.Cases["english-in-arabic-feed"]()), "json");
    }

    public static TheoryData<string> Cases => [.. TestFeeds.CaseNames];

    /// <summary>Every field JSON Feed 1.1 requires is there, and every field has the type the spec gives it.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Fields_and_types_follow_JSON_Feed_1_1(string name)
    {
        var feed = TestFeeds.Cases[name]();
        var root = Write(feed);
        Assert.Equal("https://jsonfeed.org/version/1.1", Required(root, "version", JsonValueKind.String).GetString());
        Required(root, "title", JsonValueKind.String);
        Assert.Equal(JsonValueKind.Array, Required(root, "items", JsonValueKind.Array).ValueKind);
        foreach (var (property, kind) in new[] { ("home_page_url", JsonValueKind.String), ("feed_url", JsonValueKind.String), ("description", JsonValueKind.String), ("icon", JsonValueKind.String), ("favicon", JsonValueKind.String), ("language", JsonValueKind.String), ("authors", JsonValueKind.Array) })
        {
            Optional(root, property, kind);
        }

        var allowedTop = new[] { "version", "title", "home_page_url", "feed_url", "description", "user_comment", "next_url", "icon", "favicon", "authors", "language", "expired", "hubs", "items" };
        Assert.All(root.EnumerateObject(), p => Assert.Contains(p.Name, allowedTop));
        CheckAuthors(root);

        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(feed.Articles.Length, items.Count);
        foreach (var item in items)
        {
            Required(item, "id", JsonValueKind.String);
            Assert.True(item.TryGetProperty("content_html", out _) || item.TryGetProperty("content_text", out _), "an item needs content_html or content_text");
            foreach (var (property, kind) in new[] { ("url", JsonValueKind.String), ("title", JsonValueKind.String), ("content_html", JsonValueKind.String), ("summary", JsonValueKind.String), ("image", JsonValueKind.String), ("date_published", JsonValueKind.String), ("date_modified", JsonValueKind.String), ("tags", JsonValueKind.Array), ("language", JsonValueKind.String), ("authors", JsonValueKind.Array) })
            {
                Optional(item, property, kind);
            }

            foreach (var date in new[] { "date_published", "date_modified" })
            {
                if (item.TryGetProperty(date, out var value))
                {
                    Assert.Matches(Rfc3339(), value.GetString()!);
                }
            }

            if (item.TryGetProperty("tags", out var tags))
            {
                Assert.All(tags.EnumerateArray(), t => Assert.Equal(JsonValueKind.String, t.ValueKind));
            }

            CheckAuthors(item);
        }
    }

    [Fact]
    public void Language_at_the_top_and_on_every_item_and_html_wrapped()
    {
        var root = Write(TestFeeds.Cases["english-in-arabic-feed"]());
        Assert.Equal("ar", root.GetProperty("language").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["ar", "en-GB"], items.Select(i => i.GetProperty("language").GetString()));
        Assert.StartsWith("<div dir=\"rtl\" lang=\"ar\">", items[0].GetProperty("content_html").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("<div dir=\"ltr\" lang=\"en-GB\">", items[1].GetProperty("content_html").GetString(), StringComparison.Ordinal);
        Assert.Equal("The two presidents agreed to keep talking.", items[1].GetProperty("summary").GetString());
    }

    [Fact]
    public void First_strong_guard_on_title_and_summary()
    {
        var item = Write(TestFeeds.Cases["arabic-latin-start"]()).GetProperty("items")[0];
        Assert.StartsWith("\u200FiPhone 17", item.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("\u200FApple", item.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Authors_tags_dates_and_image()
    {
        var article = TestFeeds.Cases["no-standfirst-two-authors"]().Articles[0] with
        {
            Updated = TestFeeds.Morning.AddDays(1),
            LeadImage = new Image(new Uri("https://example.com/a.jpg")) { AltText = "صورة" },
        };
        var item = Write(new Feed(TestFeeds.Info("ar", "آراء"), [article])).GetProperty("items")[0];
        var authors = item.GetProperty("authors").EnumerateArray().ToList();
        Assert.Equal(("ليلى حسن", "https://example.com/authors/layla"), (authors[0].GetProperty("name").GetString(), authors[0].GetProperty("url").GetString()));
        Assert.False(authors[1].TryGetProperty("url", out _));
        Assert.Equal(["إعلام", "رأي"], item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("2026-03-14T09:30:00+03:00", item.GetProperty("date_published").GetString());
        Assert.Equal("2026-03-15T09:30:00+03:00", item.GetProperty("date_modified").GetString());
        Assert.Equal("https://example.com/a.jpg", item.GetProperty("image").GetString());
        Assert.False(item.TryGetProperty("summary", out _));

        var feedAuthor = Write(TestFeeds.Cases["hebrew"]()).GetProperty("authors")[0];
        Assert.Equal("mailto:news@example.com", feedAuthor.GetProperty("url").GetString());
    }

    [Fact]
    public void Text_is_utf8_not_escaped()
    {
        var text = new JsonFeedWriter().WriteToString(TestFeeds.Cases["persian-zwnj"]());
        Assert.Contains("کتاب\u200Cهای تازه", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u06", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
    }

    private static JsonElement Required(JsonElement parent, string name, JsonValueKind kind)
    {
        Assert.True(parent.TryGetProperty(name, out var value), $"missing required \"{name}\"");
        Assert.Equal(kind, value.ValueKind);
        return value;
    }

    private static void Optional(JsonElement parent, string name, JsonValueKind kind)
    {
        if (parent.TryGetProperty(name, out var value))
        {
            Assert.True(value.ValueKind == kind, $"\"{name}\" is {value.ValueKind}, not {kind}");
        }
    }

    private static void CheckAuthors(JsonElement parent)
    {
        if (!parent.TryGetProperty("authors", out var authors))
        {
            return;
        }

        foreach (var author in authors.EnumerateArray())
        {
            Assert.Equal(JsonValueKind.Object, author.ValueKind);
            Assert.True(author.TryGetProperty("name", out var n) || author.TryGetProperty("url", out n), "an author needs a name or url");
            Optional(author, "name", JsonValueKind.String);
            Optional(author, "url", JsonValueKind.String);
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
