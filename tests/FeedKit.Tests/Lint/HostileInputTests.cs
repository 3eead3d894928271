using System.Collections.Immutable;
using System.Text.Json;
using System.Xml.Linq;
using FeedKit.Formats;
using FeedKit.Formats.Atom;
using FeedKit.Formats.Json;
using FeedKit.Formats.Rss;
using FeedKit.Validation;
using FeedKit.Model;
using FeedKit.Text;
using FeedKit.Tests.Formats;

namespace FeedKit.Tests.Lint;

// Here, inside the namespace, the alias wins over the namespaces FeedKit.Xml and FeedKit.Tests.Xml.
using Xml = FeedKit.Tests.Formats.Xml;

/// <summary>
/// Whatever a CMS hands over, FeedKit either writes feeds every reader accepts or names exactly what is wrong.
/// Each row: an input, and its expected outcome, a specific error (path and words) or a specific result.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly DateTimeOffset When = new(2026, 3, 14, 9, 30, 0, TimeSpan.FromHours(3));

    private static FeedInfo Info => new()
    {
        Title = "أخبار",
        SiteUrl = new Uri("https://example.com/"),
        SelfUrl = new Uri("https://example.com/feed"),
        Language = LanguageTag.Parse("ar"),
        Authors = [new Author("غرفة الأخبار")],
    };

    private static Article Good(string slug = "a") => new()
    {
        Url = new Uri($"https://example.com/{slug}"),
        Headline = "عنوان الخبر",
        Standfirst = "ملخص الخبر.",
        Body = [new Paragraph("نص الخبر.")],
        Published = When,
    };

    private static Feed One(Article article) => new(Info, [article]);

    private static Feed OneHeadline(string headline) => One(Good() with { Headline = headline });

    private static Feed OneBlock(Block block) => One(Good() with { Body = [block] });

    /// <summary>What the three writers produced, parsed.</summary>
    private sealed record Outputs(string Atom, string Rss, string Json, ImmutableArray<FeedProblem> Lint)
    {
        public XDocument AtomXml { get; } = XDocument.Parse(Atom);

        public XDocument RssXml { get; } = XDocument.Parse(Rss);

        public JsonElement JsonFeed { get; } = JsonDocument.Parse(Json).RootElement.Clone();

        public string Title(int index = 0) => AtomXml.Root!.Elements(Xml.Atom + "entry").ElementAt(index).Element(Xml.Atom + "title")!.Value;

        public string Content(int index = 0) => AtomXml.Root!.Elements(Xml.Atom + "entry").ElementAt(index).Element(Xml.Atom + "content")!.Value;

        public void Warns(string path, string words) =>
            Assert.Contains(Lint, p => p.Severity == FeedProblemSeverity.Warning && p.Path.ToString() == path && p.Message.Contains(words, StringComparison.Ordinal));
    }

    private sealed record Case(Func<Feed> Feed, string? ErrorPath = null, string? ErrorWords = null, Action<Outputs>? Check = null);

    private static Case Error(Func<Feed> feed, string path, string words) => new(feed, path, words);

    private static Case Writes(Func<Feed> feed, Action<Outputs> check) => new(feed, Check: check);

    private static readonly ImmutableSortedDictionary<string, Case> Cases = new Dictionary<string, Case>
    {
        // Missing and empty texts.
        ["null headline"] = Error(() => OneHeadline(null!), "articles[0].Headline", "is required"),
        ["empty headline"] = Error(() => OneHeadline(""), "articles[0].Headline", "is empty"),
        ["whitespace-only headline"] = Error(() => OneHeadline(" \t\u3000 "), "articles[0].Headline", "is empty"),
        ["whitespace-only feed title"] = Error(() => new Feed(Info with { Title = "\n " }, [Good()]), "feed.Title", "is empty"),
        ["null feed title"] = Error(() => new Feed(Info with { Title = null! }, [Good()]), "feed.Title", "is required"),
        ["null article"] = Error(() => new Feed(Info, [Good(), null!]), "articles[1]", "is null"),
        ["null block"] = Error(() => OneBlock(null!), "articles[0].Body[0]", "is null"),
        ["null paragraph text"] = Error(() => OneBlock(new Paragraph(null!)), "articles[0].Body[0].Text", "is required"),
        ["empty list"] = Error(() => OneBlock(new ListBlock([])), "articles[0].Body[0].Items", "at least one item"),
        ["null author"] = Error(() => One(Good() with { Authors = [null!] }), "articles[0].Authors[0]", "is null"),
        ["author without name"] = Error(() => One(Good() with { Authors = [new Author(" ")] }), "articles[0].Authors[0].Name", "is empty"),
        ["bad e-mail"] = Error(() => One(Good() with { Authors = [new Author("س") { Email = "a b@c" }] }), "articles[0].Authors[0].Email", "name@host"),

        // Normalizations.
        ["CRLF inside a headline"] = Writes(() => OneHeadline("سطر\r\nثان"), o => Assert.Equal("سطر ثان", o.Title())),
        ["surrounding whitespace"] = Writes(() => OneHeadline("  \t عنوان \n"), o => Assert.Equal("عنوان", o.Title())),
        ["decomposed text becomes NFC"] = Writes(() => OneHeadline("\u0627\u0654\u0643\u062F"), o => Assert.Equal("\u0623\u0643\u062F", o.Title())),
        ["whitespace-only paragraph is left out"] = Writes(() => One(Good() with { Body = [new Paragraph("  "), new Paragraph("نص.")] }), o => Assert.Equal("<div dir=\"rtl\" lang=\"ar\"><p>نص.</p></div>", o.Content())),
        ["CRLF in a paragraph"] = Writes(() => OneBlock(new Paragraph("أ\r\nب\rج")), o => Assert.Contains("<p>أ\nب\nج</p>", o.Content(), StringComparison.Ordinal)),

        // Characters XML cannot carry, and C1 controls.
        ["U+0000"] = Error(() => OneHeadline("عنوان\0"), "articles[0].Headline", "U+0000 (a control character) at index 5"),
        ["U+0001"] = Error(() => OneHeadline("\u0001عنوان"), "articles[0].Headline", "U+0001 (a control character) at index 0"),
        ["U+001B escape"] = Error(() => OneBlock(new Paragraph("\u001B[31mأحمر")), "articles[0].Body[0].Text", "U+001B"),
        ["C1 U+0085"] = Error(() => OneHeadline("عنوان\u0085"), "articles[0].Headline", "C1 control"),
        ["C1 U+009C in a tag"] = Error(() => One(Good() with { Tags = ["\u009Cوسم"] }), "articles[0].Tags[0]", "C1 control"),
        ["U+FFFE"] = Error(() => OneHeadline("\uFFFE"), "articles[0].Headline", "U+FFFE (a noncharacter)"),
        ["U+FFFF"] = Error(() => new Feed(Info with { Subtitle = "x\uFFFF" }, [Good()]), "feed.Subtitle", "U+FFFF (a noncharacter)"),
        ["lone high surrogate"] = Error(() => OneHeadline("عنوان\uD83D"), "articles[0].Headline", "high surrogate"),
        ["lone low surrogate"] = Error(() => OneBlock(new Paragraph("\uDE00نص")), "articles[0].Body[0].Text", "low surrogate"),
        ["emoji surrogate pair"] = Writes(() => OneHeadline("عنوان 😀"), o =>
        {
            Assert.Equal("عنوان 😀", o.Title());
            Assert.Equal("عنوان 😀", o.JsonFeed.GetProperty("items")[0].GetProperty("title").GetString());
        }),

        // Bidi controls.
        ["RLE embedding warns"] = Writes(() => OneHeadline("\u202Bعنوان\u202C"), o => o.Warns("articles[0].Headline", "embedding control U+202B")),
        ["isolates do not warn"] = Writes(() => OneHeadline("عنوان \u2066iPhone\u2069"), o => Assert.DoesNotContain(o.Lint, p => p.Path.ToString() == "articles[0].Headline")),

        // Links and ids.
        ["relative URL"] = Error(() => One(Good() with { Url = new Uri("x/y", UriKind.Relative), Id = "tag:example.com,2026:1" }), "articles[0].Url", "relative URI \"x/y\" needs a base"),
        ["javascript: URL"] = Error(() => One(Good() with { Url = new Uri("javascript:alert(1)") }), "articles[0].Url", "not an http or https URL"),
        ["ftp URL"] = Error(() => One(Good() with { Url = new Uri("ftp://example.com/a") }), "articles[0].Url", "not an http or https URL"),
        ["relative site link"] = Error(() => new Feed(Info with { SiteUrl = new Uri("/", UriKind.Relative) }, [Good()]), "feed.SiteUrl", "needs a base"),
        ["relative image"] = Error(() => One(Good() with { LeadImage = new Image(new Uri("a.jpg", UriKind.Relative)) }), "articles[0].LeadImage.Url", "needs a base"),
        ["IDN host"] = Writes(() => One(Good() with { Url = new Uri("https://مثال.example/خبر") }), o =>
        {
            var href = o.AtomXml.Descendants(Xml.Atom + "link").Last().Attribute("href")!.Value;
            Assert.Equal(new Uri("https://مثال.example/خبر").AbsoluteUri, href);
            Assert.True(Uri.IsWellFormedUriString(href, UriKind.Absolute));
        }),
        ["percent-encoded IRI"] = Writes(() => One(Good() with { Url = new Uri("https://example.com/%D8%AE%D8%A8%D8%B1") }), o =>
            Assert.Contains("<link>https://example.com/%D8%AE%D8%A8%D8%B1</link>", o.Rss, StringComparison.Ordinal)),
        ["id that is not a URI"] = Error(() => One(Good() with { Id = "x/y" }), "articles[0].Id", "not an absolute URI"),
        ["id with spaces"] = Error(() => One(Good() with { Id = " tag:example.com,2026:1" }), "articles[0].Id", "starts or ends with white space"),
        ["javascript: id"] = Error(() => One(Good() with { Id = "javascript:alert(1)" }), "articles[0].Id", "not an absolute URI"),
        ["duplicate ids"] = Error(() => new Feed(Info, [Good("a"), Good("b"), Good("a")]), "articles[2].Id", "also the id of articles[0]"),

        // Dates.
        ["DateTimeOffset.MinValue"] = Writes(() => One(Good() with { Published = DateTimeOffset.MinValue }), o =>
        {
            Assert.Contains("<published>0001-01-01T00:00:00Z</published>", o.Atom, StringComparison.Ordinal);
            Assert.Contains("<pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate>", o.Rss, StringComparison.Ordinal);
            o.Warns("articles[0].Published", "before 1990");
        }),
        ["DateTimeOffset.MaxValue"] = Writes(() => One(Good() with { Published = DateTimeOffset.MaxValue }), o =>
        {
            Assert.Contains("<published>9999-12-31T23:59:59.9999999Z</published>", o.Atom, StringComparison.Ordinal);
            Assert.Contains("<pubDate>Fri, 31 Dec 9999 23:59:59 GMT</pubDate>", o.Rss, StringComparison.Ordinal);
            o.Warns("articles[0].Published", "in the future");
        }),
        ["Nepal offset +05:45"] = Writes(() => One(Good() with { Published = new DateTimeOffset(2026, 3, 14, 9, 30, 0, new TimeSpan(5, 45, 0)) }), o =>
        {
            Assert.Contains("<published>2026-03-14T09:30:00+05:45</published>", o.Atom, StringComparison.Ordinal);
            Assert.Contains("<pubDate>Sat, 14 Mar 2026 03:45:00 GMT</pubDate>", o.Rss, StringComparison.Ordinal);
        }),
        ["offset -12:00 crossing the date line"] = Writes(() => One(Good() with { Published = new DateTimeOffset(2026, 3, 14, 20, 0, 0, TimeSpan.FromHours(-12)) }), o =>
            Assert.Contains("<pubDate>Sun, 15 Mar 2026 08:00:00 GMT</pubDate>", o.Rss, StringComparison.Ordinal)),
        ["updated before published"] = Error(() => One(Good() with { Updated = When.AddSeconds(-1) }), "articles[0].Updated", "earlier than Published"),
        ["no articles and no date"] = Error(() => new Feed(Info, []), "feed.Updated", "explicit Updated date"),

        // Languages.
        ["ckb: error for RSS, warning for Atom"] = Error(() => new Feed(Info with { Language = LanguageTag.Parse("ckb") }, [Good()]), "feed.Language", "not an ISO 639 code"),

        // HTML.
        ["script in raw HTML"] = Writes(() => OneBlock(new RawHtml("<p>قبل</p><script>alert(1)</script><p>بعد</p>")), o =>
        {
            Assert.DoesNotContain("script", o.Content(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("alert", o.Content(), StringComparison.Ordinal);
            Assert.Contains("<p>قبل</p><p>بعد</p>", o.Content(), StringComparison.Ordinal);
        }),
        ["on* attributes"] = Writes(() => OneBlock(new RawHtml("<p onclick=\"steal()\" dir=\"ltr\" lang=\"en\">Hi <bdi onmouseover=\"x()\">زيد</bdi></p>")), o =>
        {
            Assert.DoesNotContain("on", o.Content().Replace("lang", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains("<p dir=\"ltr\" lang=\"en\">Hi <bdi>زيد</bdi></p>", o.Content(), StringComparison.Ordinal);
        }),
        ["javascript: link in raw HTML"] = Writes(() => OneBlock(new RawHtml("<a href=\"javascript:alert(1)\">اضغط</a> <a href=\"/about\">عن</a>")), o =>
        {
            Assert.DoesNotContain("javascript", o.Content(), StringComparison.Ordinal);
            Assert.Contains("href=\"https://example.com/about\"", o.Content(), StringComparison.Ordinal);
        }),
        ["style and styles"] = Writes(() => OneBlock(new RawHtml("<style>p{display:none}</style><p style=\"color:red\">نص</p>")), o =>
        {
            Assert.DoesNotContain("style", o.Content(), StringComparison.Ordinal);
            Assert.Contains("<p>نص</p>", o.Content(), StringComparison.Ordinal);
        }),
        ["unclosed tags"] = Writes(() => OneBlock(new RawHtml("<p><b>غامق")), o => Assert.Contains("<p><b>غامق</b></p>", o.Content(), StringComparison.Ordinal)),
        ["entities in raw HTML"] = Writes(() => OneBlock(new RawHtml("<p>أ &amp; ب &lt; ج&nbsp;د &copy;</p>")), o =>
            Assert.Contains("<p>أ &amp; ب &lt; ج&nbsp;د ©</p>", o.Content(), StringComparison.Ordinal)),
        ["character reference to U+0001 in raw HTML"] = Writes(() => OneBlock(new RawHtml("<p>&#x1;نص</p>")), o =>
        {
            Assert.Contains("<p>نص</p>", o.Content(), StringComparison.Ordinal);
            o.Warns("articles[0].Body[0].Html", "U+0001 (a control character)");
        }),
        ["character reference to U+001B in raw HTML"] = Writes(() => OneBlock(new RawHtml("<p>&#x1B;[31mأحمر</p>")), o =>
        {
            Assert.Contains("<p>[31mأحمر</p>", o.Content(), StringComparison.Ordinal);
            o.Warns("articles[0].Body[0].Html", "U+001B");
        }),
        ["character reference to U+FFFE in raw HTML"] = Writes(() => OneBlock(new RawHtml("<p>نص&#xFFFE;</p>")), o => o.Warns("articles[0].Body[0].Html", "U+FFFE (a noncharacter)")),
        ["character reference to U+FFFF in raw HTML"] = Writes(() => OneBlock(new RawHtml("<p>نص&#xffff;</p>")), o => o.Warns("articles[0].Body[0].Html", "U+FFFF (a noncharacter)")),
        ["character reference to a C1 control in raw HTML"] = Writes(() => OneBlock(new RawHtml("<p>نص&#x81;</p>")), o =>
        {
            Assert.DoesNotContain('\u0081', o.Content());
            Assert.DoesNotContain('\u0081', o.JsonFeed.GetProperty("items")[0].GetProperty("content_html").GetString()!);
            o.Warns("articles[0].Body[0].Html", "U+0081 (a C1 control character)");
        }),
        ["character reference to U+0001 in a raw HTML attribute"] = Writes(() => OneBlock(new RawHtml("<p title=\"a&#x1;b\">نص</p>")), o =>
        {
            Assert.Contains("<p title=\"ab\">نص</p>", o.Content(), StringComparison.Ordinal);
            o.Warns("articles[0].Body[0].Html", "U+0001");
        }),
        ["generic type in raw HTML keeps the text after it"] = Writes(() => OneBlock(new RawHtml("<p>Use List<T> here and more text.</p>")), o =>
            Assert.Contains("<p>Use List here and more text.</p>", o.Content(), StringComparison.Ordinal)),
        ["Word markup in raw HTML keeps its text"] = Writes(() => OneBlock(new RawHtml("<p>نص <o:p>office</o:p></p>")), o =>
            Assert.Contains("<p>نص office</p>", o.Content(), StringComparison.Ordinal)),
        ["form in raw HTML"] = Writes(() => OneBlock(new RawHtml("<form action=\"https://evil.example/\">كلمة السر <input type=\"password\" name=\"pw\"><button>أرسل</button><select name=\"s\"><option>واحد</option></select><textarea name=\"t\">ملاحظة</textarea></form>")), o =>
        {
            XNamespace content = "http://purl.org/rss/1.0/modules/content/";
            foreach (var html in new[] { o.Content(), o.RssXml.Descendants(content + "encoded").Single().Value, o.JsonFeed.GetProperty("items")[0].GetProperty("content_html").GetString()! })
            {
                foreach (var banned in new[] { "<form", "<input", "<button", "<select", "<textarea", "name=", "evil.example" })
                {
                    Assert.DoesNotContain(banned, html, StringComparison.Ordinal);
                }

                Assert.Contains("كلمة السر أرسلواحدملاحظة", html, StringComparison.Ordinal);
            }
        }),
        ["50,000 nested divs in raw HTML"] = Error(() => OneBlock(new RawHtml(string.Concat(Enumerable.Repeat("<div>", 50_000)) + "x" + string.Concat(Enumerable.Repeat("</div>", 50_000)))), "articles[0].Body[0].Html", "nested more than 256 deep"),
        ["URL with credentials in raw HTML"] = Writes(() => OneBlock(new RawHtml("<a href=\"https://user:secret@example.com/\">رابط</a>")), o =>
        {
            Assert.DoesNotContain("secret", o.Content(), StringComparison.Ordinal);
            Assert.Contains("<a>رابط</a>", o.Content(), StringComparison.Ordinal);
            o.Warns("articles[0].Body[0].Html", "with credentials (user:password@example.com)");
        }),
        ["trusted raw HTML is kept as it is"] = Writes(() => OneBlock(new RawHtml("<p>x</p><script>track()</script>") { Trusted = true }), o =>
            Assert.Contains("<script>track()</script>", o.Content(), StringComparison.Ordinal)),
        ["markup characters in plain text"] = Writes(() => OneHeadline("<b>\"عنوان\" & 'x' ]]></b>"), o =>
        {
            // Starts with a Latin letter in an Arabic article: the first-strong guard adds RLM.
            Assert.Equal("\u200F<b>\"عنوان\" & 'x' ]]></b>", o.Title());
            Assert.Equal("\u200F<b>\"عنوان\" & 'x' ]]></b>", o.RssXml.Descendants("item").Single().Element("title")!.Value);
        }),
        ["markup characters in a paragraph"] = Writes(() => OneBlock(new Paragraph("a < b && c > d")), o =>
            Assert.Contains("<p dir=\"ltr\">a &lt; b &amp;&amp; c &gt; d</p>", o.Content(), StringComparison.Ordinal)),

        // Size.
        ["10 MB body"] = Writes(() => OneBlock(new Paragraph(string.Concat(Enumerable.Repeat("نص طويل جدا ", 10 * 1024 * 1024 / 12)))), o =>
            Assert.True(o.Content().Length > 10_000_000)),
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Fact]
    public void There_are_at_least_40_cases() => Assert.True(Cases.Count >= 40, $"{Cases.Count} cases");

    [Theory]
    [MemberData(nameof(Names))]
    public void Hostile_input_gets_its_expected_outcome(string name)
    {
        var @case = Cases[name];
        var feed = @case.Feed();
        var lint = FeedLint.Check(feed, new FeedLintOptions { Now = new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero) });
        if (@case.ErrorPath is not null)
        {
            Assert.Contains(lint, p => p.Severity == FeedProblemSeverity.Error && p.Path.ToString() == @case.ErrorPath && p.Message.Contains(@case.ErrorWords!, StringComparison.Ordinal));

            // At least one writer refuses it with that same problem, and nothing is half-written.
            var refused = 0;
            foreach (var writer in new FeedWriter[] { new AtomFeedWriter(), new RssFeedWriter(), new JsonFeedWriter() })
            {
                using var output = new MemoryStream();
                try
                {
                    writer.Write(feed, output);
                }
                catch (FeedValidationException e)
                {
                    refused++;
                    Assert.Equal(0, output.Length);
                    Assert.Contains(e.Problems, p => p.Path.ToString() == @case.ErrorPath);
                }
            }

            Assert.True(refused > 0, "no writer refused the feed");
            return;
        }

        Assert.DoesNotContain(lint, p => p.Severity == FeedProblemSeverity.Error);
        var outputs = new Outputs(
            new AtomFeedWriter().WriteToString(feed),
            new RssFeedWriter().WriteToString(feed),
            new JsonFeedWriter().WriteToString(feed),
            lint);
        @case.Check!(outputs);
    }

    [Fact]
    public void A_hundred_thousand_articles_are_written_in_every_format()
    {
        var articles = Enumerable.Range(0, 100_000).Select(i => new Article
        {
            Url = new Uri($"https://example.com/n/{i}"),
            Headline = $"خبر {i}",
            Published = When.AddSeconds(-i),
        });
        var feed = new Feed(Info, articles);
        foreach (var writer in new FeedWriter[] { new AtomFeedWriter(), new RssFeedWriter(), new JsonFeedWriter() })
        {
            using var output = new MemoryStream();
            writer.Write(feed, output);
            output.Position = 0;
            if (writer is JsonFeedWriter)
            {
                using var json = JsonDocument.Parse(output);
                Assert.Equal(100_000, json.RootElement.GetProperty("items").GetArrayLength());
            }
            else
            {
                var xml = XDocument.Load(output);
                Assert.Equal(100_000, xml.Descendants().Count(e => e.Name.LocalName is "entry" or "item"));
            }
        }
    }

    [Fact]
    public void The_ckb_case_is_only_a_warning_for_Atom_and_JSON()
    {
        var feed = Cases["ckb: error for RSS, warning for Atom"].Feed();
        var lint = FeedLint.Check(feed, new FeedLintOptions { Formats = [FeedFormat.Atom, FeedFormat.Json] });
        Assert.Contains(lint, p => p.Severity == FeedProblemSeverity.Warning && p.Path.ToString() == "feed.Language");
        Assert.Contains("xml:lang=\"ckb\"", new AtomFeedWriter().WriteToString(feed), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar_SA", "Did you mean \"ar-SA\"?")]
    [InlineData("arabic", "Did you mean \"ar\"?")]
    [InlineData("x", "needs at least one subtag after \"x-\"")]
    [InlineData("", "cannot be empty")]
    [InlineData("ar-", "ends with '-'")]
    [InlineData("عربي", "only ASCII letters, digits and '-'")]
    public void Bad_language_tags_are_refused_where_they_enter_the_model(string tag, string words)
    {
        var error = Assert.Throws<FormatException>(() => LanguageTag.Parse(tag));
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, LanguageTag.TryParse(tag).Error);
    }
}
