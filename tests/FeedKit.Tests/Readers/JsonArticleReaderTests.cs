using System.Text;
using FeedKit.Model;
using FeedKit.Readers;
using FeedKit.Text;

namespace FeedKit.Tests.Readers;

/// <summary>JSON article files: the documented schema, positions of every field, and hostile input refused with file, line, column and field.</summary>
public sealed class JsonArticleReaderTests
{
    private const string Article = """
        {
          "headline": "ختام القمة",
          "standfirst": "القمة ناقشت الاستقرار",
          "id": "tag:example.com,2021:summit",
          "url": "https://example.com/news/summit",
          "published": "2021-06-16T21:30:00+02:00",
          "updated": "2021-06-17 08:00:00 +0200",
          "language": "ar",
          "authors": [ { "name": "غرفة الأخبار", "email": "news@example.com" } ],
          "tags": [ "جنيف" ],
          "leadImage": { "url": "summit.jpg", "alt": "القمة", "length": 48213, "mediaType": "image/jpeg" },
          "body": [
            { "type": "paragraph", "text": "أكد الرئيس." },
            { "type": "subheading", "text": "محادثات" },
            { "type": "quote", "text": "We agreed.", "attribution": "Biden", "language": "en" },
            { "type": "list", "items": [ "أ", "ب" ], "ordered": true },
            { "type": "image", "url": "https://example.com/a.jpg", "caption": "جنيف", "length": 1200 },
            { "type": "html", "html": "<table><tr><td>1</td></tr></table>" }
          ]
        }
        """;

    private static ArticleSource Read(string json, string file = "posts/summit.json") =>
        Assert.Single(new JsonArticleReader().Read(file, Encoding.UTF8.GetBytes(json)).Articles);

    private static ArticleReadException Refuse(string json) =>
        Assert.Throws<ArticleReadException>(() => new JsonArticleReader().Read("bad.json", Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Every_field_of_the_schema_is_read()
    {
        var source = Read(Article);
        Assert.Equal("ختام القمة", source.Headline);
        Assert.Equal("القمة ناقشت الاستقرار", source.Standfirst);
        Assert.Equal("tag:example.com,2021:summit", source.Metadata.Id);
        Assert.Equal(new DateTimeOffset(2021, 6, 16, 21, 30, 0, TimeSpan.FromHours(2)), source.Metadata.Published!.Value.ToDateTimeOffset(TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2021, 6, 17, 8, 0, 0, TimeSpan.FromHours(2)), source.Metadata.Updated!.Value.ToDateTimeOffset(TimeSpan.Zero));
        Assert.Equal("news@example.com", source.Metadata.Authors!.Value[0].Email);
        Assert.Equal(new[] { "جنيف" }, source.Metadata.Tags!.Value.ToArray());
        Assert.Equal(48213, source.Metadata.LeadImage!.Length);
        Assert.Equal("image/jpeg", source.Metadata.LeadImage.MediaType);
        Assert.Equal("القمة", source.Metadata.LeadImage.AltText);
        Assert.Equal(new Paragraph("أكد الرئيس."), source.Body[0]);
        Assert.Equal(new Subheading("محادثات"), source.Body[1]);
        Assert.Equal(new Quote("We agreed.") { Attribution = "Biden", Language = LanguageTag.Parse("en") }, source.Body[2]);
        Assert.True(Assert.IsType<ListBlock>(source.Body[3]).Ordered);
        Assert.Equal(new[] { "أ", "ب" }, Assert.IsType<ListBlock>(source.Body[3]).Items.ToArray());
        Assert.Equal(1200, Assert.IsType<ImageBlock>(source.Body[4]).Image.Length);
        Assert.Equal(new RawHtml("<table><tr><td>1</td></tr></table>"), source.Body[5]);
        Assert.Equal("summit", source.Slug);
    }

    [Fact]
    public void Field_locations_use_the_model_paths_of_feed_problems()
    {
        var locations = Read(Article).Locations;
        Assert.Equal(new SourcePosition(2, 15), locations.Find("Headline"));
        Assert.Equal(new SourcePosition(9, 16), locations.Find("Authors[0]"));
        Assert.Equal(9, locations.Find("Authors[0].Email")!.Value.Line);
        Assert.Equal(new SourcePosition(10, 13), locations.Find("Tags[0]"));
        Assert.Equal(15, locations.Find("Body[2].Language")!.Value.Line);
        Assert.Equal(16, locations.Find("Body[3].Items[1]")!.Value.Line);
        Assert.Equal(11, locations.Find("LeadImage.AltText")!.Value.Line);
        Assert.Null(locations.Find("Rights"));
        Assert.Equal("posts/summit.json", locations.File);
    }

    [Fact]
    public void The_article_merges_with_the_hosts_defaults_and_resolves_the_lead_image()
    {
        var article = Read(Article).ToArticle(new ArticleDefaults(new Uri("https://example.com/other/")));
        Assert.Equal("https://example.com/news/summit", article.Url!.AbsoluteUri);
        Assert.Equal("https://example.com/news/summit.jpg", article.LeadImage!.Url.AbsoluteUri);
    }

    [Theory]
    [InlineData("{\n  \"headline\": \"H\",\n  \"headlne\": \"typo\"\n}", 3, 3, "headlne", "unknown field")]
    [InlineData("{\n  \"headline\": \"H\",\n  \"body\": [\n    { \"type\": \"para\", \"text\": \"x\" }\n  ]\n}", 4, 15, "body[0].type", "\"para\" is not a block type")]
    [InlineData("{\n  \"headline\": \"H\",\n  \"body\": [\n    { \"type\": \"quote\",\n      \"text\": \"x\",\n      \"language\": \"en_US\" }\n  ]\n}", 6, 19, "body[0].language", "")]
    [InlineData("{\n  \"headline\": \"H\",\n  \"body\": [ { \"type\": \"list\" } ]\n}", 3, 13, "body[0]", "a \"list\" block needs \"items\"")]
    [InlineData("{ \"headline\": \"H\", \"authors\": [null] }", 1, 32, "authors[0]", "expected an author object, found null")]
    [InlineData("{ \"headline\": \"H\", \"body\": [null] }", 1, 29, "body[0]", "expected a block object, found null")]
    [InlineData("{ \"headline\": \"H\", \"body\": [ { \"type\": \"paragraph\", \"text\": 7 } ] }", 1, 61, "body[0].text", "expected a string, found a number")]
    [InlineData("{ \"headline\": \"H\", \"tags\": \"one\" }", 1, 28, "tags", "expected an array, found a string")]
    [InlineData("{ \"headline\": \"H\", \"tags\": [null] }", 1, 29, "tags[0]", "found null")]
    [InlineData("{ \"headline\": \"H\", \"authors\": [ { \"email\": \"a@b\" } ] }", 1, 33, "authors[0]", "needs a \"name\"")]
    [InlineData("{ \"headline\": [\"H\"] }", 1, 15, "headline", "expected a string, found an array")]
    [InlineData("{ \"headline\": \"H\", \"leadImage\": { \"url\": \"a.jpg\", \"length\": -1 } }", 1, 61, "leadImage.length", "whole number")]
    [InlineData("{ \"headline\": \"H\", \"leadImage\": { \"url\": \"a.jpg\", \"length\": 1.5 } }", 1, 61, "leadImage.length", "1.5")]
    [InlineData("{ \"headline\": \"H\", \"body\": [ { \"type\": \"list\", \"items\": [\"a\"], \"ordered\": \"yes\" } ] }", 1, 75, "body[0].ordered", "expected true or false")]
    [InlineData("{ \"headline\": \"H\", \"published\": \"yesterday\" }", 1, 33, "published", "is not an RFC 3339 date")]
    [InlineData("{ \"headline\": \"H\", \"headline\": \"I\" }", 1, 20, "headline", "given twice")]
    public void Wrong_fields_name_the_file_line_column_and_field(string json, int line, int column, string field, string message)
    {
        var error = Refuse(json);
        Assert.Equal("bad.json", error.File);
        Assert.Equal(new SourcePosition(line, column), error.Position);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"bad.json:{line}:{column}: {field}: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n  \"headline\": \"H\"\n  \"tags\": []\n}", 3, "not valid JSON")]
    [InlineData("[ ]", 1, "expected an article object, found an array")]
    [InlineData("null", 1, "expected an article object, found null")]
    [InlineData("", 1, "empty")]
    [InlineData("{ \"headline\": \"H\" } { }", 1, "after a single JSON value")]
    [InlineData("{\n  \"standfirst\": \"S\"\n}", 1, "no \"headline\"")]
    [InlineData("{ \"headline\": \"H\", \"body\": [ { \"type\": \"paragraph\", \"text\": \"unterminated } ] }", 1, "not valid JSON")]
    public void Malformed_json_is_an_error_with_its_position(string json, int line, string message)
    {
        var error = Refuse(json);
        Assert.Equal(line, error.Position!.Value.Line);
        Assert.NotNull(error.Position.Value.Column);
        Assert.Contains(message, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        var json = "{ \"headline\": \"H\", \"body\": " + new string('[', 5000) + new string(']', 5000) + " }";
        var error = Refuse(json);
        Assert.Contains("not valid JSON", error.Reason, StringComparison.Ordinal);
        Assert.Equal(1, error.Position!.Value.Line);
    }

    [Fact]
    public void A_noncharacter_is_an_error_with_its_line_and_column()
    {
        var error = Refuse("{\n  \"headline\": \"H\uFFFE\"\n}");
        Assert.Equal(new SourcePosition(2, 17), error.Position);
        Assert.Contains("U+FFFE", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n  \"headline\": \"H\\uFFFE\"\n}", 2, 15, "U+FFFE")]
    [InlineData("{\n  \"headline\": \"H\\u0000\"\n}", 2, 15, "U+0000")]
    [InlineData("{ \"headline\": \"H\\uD83F\\uDFFF\" }", 1, 15, "U+1FFFF")]
    [InlineData("{ \"head\\uFFFFline\": \"H\" }", 1, 3, "U+FFFF")]
    [InlineData("{ \"headline\": \"H\\uD800\" }", 1, 15, "half a surrogate pair")]
    [InlineData("{ \"headline\": \"\\uDC00H\" }", 1, 15, "half a surrogate pair")]
    public void Escaped_characters_xml_cannot_carry_name_the_value(string json, int line, int column, string what)
    {
        var error = Refuse(json);
        Assert.Equal(new SourcePosition(line, column), error.Position);
        Assert.Contains(what, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Strings_are_put_in_nfc_by_FeedKits_normalizer()
    {
        // e + combining acute (U+0065 U+0301) becomes é (U+00E9).
        var source = Read("{ \"headline\": \"Caf\u0065\u0301\" }");
        Assert.Equal("Caf\u00E9", source.Headline);
    }
}
