using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using CsCheck;
using FeedKit.Formats;
using FeedKit.Validation;
using FeedKit.Model;
using FeedKit.Text;
using FeedKit.Tests.Formats;

namespace FeedKit.Tests.Lint;

// Here, inside the namespace, the alias wins over the namespaces FeedKit.Xml and FeedKit.Tests.Xml.
using Xml = FeedKit.Tests.Formats.Xml;

/// <summary>
/// Random articles built from all of Unicode either get a lint error (and every writer refuses them with that
/// error) or give Atom, RSS and JSON Feed that are well-formed and parse back, through SSMS and CodeHollow, with the
/// same titles, links, ids, dates and languages as FeedKit meant to write (after its documented normalizations).
/// </summary>
public sealed class PropertyTests
{
    private static Gen<T> Pick<T>(params T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    /// <summary>Pieces of text that XML can carry, weighted towards the characters that trip feeds up.</summary>
    private static readonly Gen<string> CleanPiece = Gen.Frequency(
        (20, Gen.Char['a', 'z'].Select(c => c.ToString())),
        (20, Gen.Char['\u0621', '\u064A'].Select(c => c.ToString())),                       // Arabic letters
        (8, Gen.Char['\u05D0', '\u05EA'].Select(c => c.ToString())),                         // Hebrew letters
        (6, Gen.Char['0', '9'].Select(c => c.ToString())),
        (6, Pick(" ", "  ", "\t", "\n", "\r\n", "\u00A0", "\u3000")),
        (5, Pick("\u064B", "\u0650", "\u0654", "\u0301", "\u05B8")),                     // combining marks
        (4, Pick("\u200C", "\u200D", "\u200E", "\u200F", "\u061C")),                     // ZWNJ, ZWJ, marks
        (3, Pick("\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069")),
        (4, Pick("<", ">", "&", "\"", "'", "]]>", "&amp;", "<script>")),
        (1, Pick("\uFDD0", "\uFFFD")),
        (4, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)),                       // any supplementary plane
        (3, Gen.Int[0x1E900, 0x1E943].Select(char.ConvertFromUtf32)),                        // Adlam (right to left)
        (3, Gen.Int[0x1F600, 0x1F64F].Select(char.ConvertFromUtf32)),                        // emoji
        (3, Gen.Int[0x00A0, 0xD7FF].Select(i => ((char)i).ToString())));                     // any BMP above C1

    /// <summary>What XML cannot carry (or should not): C0 and C1 controls, lone surrogates, U+FFFE, U+FFFF.</summary>
    private static readonly Gen<string> BadPiece = Gen.Frequency(
        (3, Gen.Char['\u0000', '\u001F'].Where(c => c is not ('\t' or '\n' or '\r')).Select(c => c.ToString())),
        (2, Gen.Char['\u0080', '\u009F'].Select(c => c.ToString())),
        (2, Gen.Char['\uD800', '\uDFFF'].Select(c => c.ToString())),
        (1, Pick("\uFFFE", "\uFFFF")));

    private static readonly Gen<string> CleanText = CleanPiece.Array[0, 24].Select(string.Concat);

    /// <summary>Mostly clean text; one in fifteen has a character that must be refused somewhere in it.</summary>
    private static readonly Gen<string> Text = Gen.Frequency(
        (14, CleanText),
        (1, Gen.Select(CleanText, BadPiece, CleanText, (a, bad, b) => a + bad + b)));

    private static readonly Gen<LanguageTag?> Language = Pick<LanguageTag?>(
        null, LanguageTag.Parse("ar"), LanguageTag.Parse("he"), LanguageTag.Parse("fa-IR"), LanguageTag.Parse("ur"),
        LanguageTag.Parse("en"), LanguageTag.Parse("ckb"), LanguageTag.Parse("ff-Adlm"), LanguageTag.Parse("x-test"));

    // 1990..2100 with any offset: earlier dates are linted as implausible, and parsers disagree about them.
    private static readonly Gen<DateTimeOffset> Date = Gen.Select(
        Gen.Long[new DateTime(1990, 1, 2).Ticks, new DateTime(2100, 1, 1).Ticks],
        Gen.Int[-14 * 60, 14 * 60],
        (ticks, minutes) => new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(minutes)));

    private static readonly Gen<Block> BlockGen = Gen.Frequency(
        (6, Text.Select(t => (Block)new Paragraph(t))),
        (2, Text.Select(t => (Block)new Subheading(t))),
        (1, Gen.Select(Text, Language, (t, l) => (Block)new Quote(t) { Language = l })),
        (1, Text.Array[1, 3].Select(items => (Block)new ListBlock([.. items]))),
        (1, Text.Select(t => (Block)new RawHtml("<p>" + t + "</p>"))));

    private static readonly Gen<Article> ArticleGen = Gen.Select(
        Text, Text.Null(), BlockGen.Array[0, 4], Language, Date, Gen.Int[0, 1_000_000],
        (headline, standfirst, body, language, published, n) => new Article
        {
            Url = new Uri($"https://example.com/{n}"),
            Headline = headline,
            Standfirst = standfirst,
            Body = [.. body],
            Published = published,
            Language = language,
        });

    private static readonly Gen<Feed> FeedGen = Gen.Select(
        Text, Language, ArticleGen.Array[1, 4],
        (title, language, articles) => new Feed(
            new FeedInfo
            {
                Title = title,
                SiteUrl = new Uri("https://example.com/"),
                SelfUrl = new Uri("https://example.com/feed"),
                Language = language,
                Authors = [new Author("Desk")],
            },
            articles));

    private static int refusedCount;
    private static int writtenCount;

    [Fact]
    public void Every_feed_is_refused_with_its_lint_errors_or_written_and_read_back_intact()
    {
        refusedCount = writtenCount = 0;
        FeedGen.Sample(CheckAllFormats, iter: 2000, threads: 1);

        // Both outcomes must really happen, or the property says nothing.
        Assert.True(refusedCount > 50, $"only {refusedCount} refusals");
        Assert.True(writtenCount > 50, $"only {writtenCount} feeds written");
    }

    internal static void CheckAllFormats(Feed feed)
    {
        foreach (var format in new[] { FeedFormat.Atom, FeedFormat.Rss, FeedFormat.Json })
        {
            var errors = FeedLint.Check(feed, new FeedLintOptions { Formats = [format] }).Where(p => p.Severity == FeedProblemSeverity.Error).ToList();
            var writer = FeedWriter.Create(format);
            using var output = new MemoryStream();
            if (errors.Count > 0)
            {
                var refused = Assert.Throws<FeedValidationException>(() => writer.Write(feed, output));
                Assert.Equal(errors, refused.Problems);
                Assert.Equal(0, output.Length);
                refusedCount++;
                continue;
            }

            writer.Write(feed, output);
            writtenCount++;
            var bytes = output.ToArray();
            Expected expected;
            using (var normalized = FeedNormalizer.Resolve(feed, new ValidationOptions(format, FirstStrongGuard: true), out var header))
            {
                expected = new Expected(header, normalized.Articles.ToArray());
            }

            var text = new UTF8Encoding(false, true).GetString(bytes);
            if (format == FeedFormat.Json)
            {
                CheckJson(text, expected);
            }
            else
            {
                CheckXml(text, expected, format);
            }

            CheckCodeHollow(bytes, expected, format);
        }
    }

    private static void CheckXml(string text, Expected expected, FeedFormat format)
    {
        var document = XDocument.Parse(text);
        using var reader = XmlReader.Create(new StringReader(text));
        var parsed = SyndicationFeed.Load(reader);
        Assert.Equal(expected.Header.Title, parsed.Title.Text);
        var items = parsed.Items.ToList();
        Assert.Equal(expected.Articles.Length, items.Count);
        foreach (var (want, got) in expected.Articles.Zip(items))
        {
            Assert.Equal(want.Headline, got.Title.Text);
            Assert.Equal(want.Id, got.Id);
            Assert.Equal(want.Url, got.Links.First().Uri);
            Assert.Equal(want.Published.UtcDateTime, got.PublishDate.UtcDateTime);
        }

        var languages = format == FeedFormat.Atom
            ? document.Root!.Elements(Xml.Atom + "entry").Select(e => e.Attribute(Xml.Lang)?.Value)
            : document.Descendants("item").Select(e => e.Element(Xml.Dc + "language")?.Value);
        Assert.Equal(expected.Articles.Select(a => a.Language?.Value), languages);
    }

    private static void CheckJson(string text, Expected expected)
    {
        using var document = JsonDocument.Parse(text);
        Assert.Equal(expected.Header.Title, document.RootElement.GetProperty("title").GetString());
        var items = document.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expected.Articles.Length, items.Count);
        foreach (var (want, got) in expected.Articles.Zip(items))
        {
            Assert.Equal(want.Headline, got.GetProperty("title").GetString());
            Assert.Equal(want.Id, got.GetProperty("id").GetString());
            Assert.Equal(want.Language?.Value, got.TryGetProperty("language", out var l) ? l.GetString() : null);
            Assert.Equal(want.Published, DateTimeOffset.Parse(got.GetProperty("date_published").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static void CheckCodeHollow(byte[] bytes, Expected expected, FeedFormat format)
    {
        var parsed = CodeHollow.FeedReader.FeedReader.ReadFromByteArray(bytes);
        var items = parsed.Items.ToList();
        Assert.Equal(expected.Articles.Length, items.Count);
        foreach (var (want, got) in expected.Articles.Zip(items))
        {
            Assert.Equal(want.Headline.Trim(), got.Title?.Trim());
            Assert.Equal(want.Url!.AbsoluteUri, got.Link);
            Assert.Equal(want.Id, got.Id);
        }

        if (format != FeedFormat.Atom)
        {
            Assert.Equal(expected.Header.Language?.Value, parsed.Language);
        }
    }

    /// <summary>What the normalizer resolved, copied out of its pooled array.</summary>
    private sealed record Expected(ResolvedHeader Header, ResolvedArticle[] Articles);
}
