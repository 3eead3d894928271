using FeedKit.Model;
using FeedKit.Readers;
using FeedKit.Text;

namespace FeedKit.Markdown.Tests;

/// <summary>A Jekyll site's posts: front matter as Jekyll themes write it, and what _posts and _drafts say.</summary>
public sealed class JekyllSiteTests
{
    [Fact]
    public void A_real_looking_post_reads_with_its_folded_description_author_map_and_image_map()
    {
        var result = Fixture.Read("jekyll/_posts/2021-06-16-geneva-summit.md");
        var source = Assert.Single(result.Articles);
        Assert.Equal("ختام القمة الروسية الأمريكية في جنيف", source.Headline);
        Assert.Equal("القمة ناقشت الاستقرار والأزمات الإقليمية.\n", source.Standfirst + "\n");
        var metadata = source.Metadata;
        Assert.Equal("2021-06-16T21:30:00+02:00", metadata.Published.ToString());
        Assert.Equal(LanguageTag.Parse("ar"), metadata.Language);
        // Categories and tags both become tags, in the order the file gives them.
        Assert.Equal(new[] { "سياسة", "world", "جنيف", "قمة" }, metadata.Tags!.Value.ToArray());
        var author = Assert.Single(metadata.Authors!.Value);
        Assert.Equal(("غرفة الأخبار", "news@example.com"), (author.Name, author.Email));
        Assert.Equal("/assets/img/geneva.jpg", metadata.LeadImage!.Url.OriginalString);
        Assert.Equal("قصر جنيف", metadata.LeadImage.AltText);
        Assert.Equal(48213, metadata.LeadImage.Length);
        Assert.Equal(new Paragraph("أكد الرئيس الروسي أن المحادثات كانت بناءة."), source.Body[0]);
        Assert.Equal(new Subheading("محادثات مصغرة"), source.Body[1]);
        Assert.Equal("الرئيس", Assert.IsType<Quote>(source.Body[2]).Attribution);
        Assert.IsType<RawHtml>(source.Body[3]);

        // Line numbers of the file, front matter included.
        Assert.Equal(3, source.Locations.Find("Headline")!.Value.Line);
        Assert.Equal(11, source.Locations.Find("Standfirst")!.Value.Line);
        Assert.Equal(8, source.Locations.Find("Authors[0].Name")!.Value.Line);
        Assert.Equal(21, source.Locations.Find("Body[0]")!.Value.Line);
        Assert.Equal(23, source.Locations.Find("Body[1].Text")!.Value.Line);
    }

    [Fact]
    public void Keys_a_site_invents_are_ignored_with_a_note_each()
    {
        var notes = Fixture.Read("jekyll/_posts/2021-06-16-geneva-summit.md").Notes;
        Assert.All(notes, n => Assert.Equal(ReaderNoteKind.IgnoredKey, n.Kind));
        Assert.Equal(new[] { "layout", "comments", "toc" }, notes.Select(n => n.Message.Split('"')[1]).ToArray());
        Assert.Equal(2, notes[0].Position!.Value.Line);
    }

    [Fact]
    public void Categories_are_tags_and_are_also_kept_apart()
    {
        var metadata = Assert.Single(Fixture.Read("jekyll/_posts/2021-06-16-geneva-summit.md").Articles).Metadata;
        Assert.Equal(new[] { "سياسة", "world", "جنيف", "قمة" }, metadata.Tags!.Value.ToArray());
        Assert.Equal(new[] { "سياسة", "world" }, metadata.Categories!.Value.ToArray());
        Assert.Null(Assert.Single(Fixture.ReadText("---\ntitle: T\ntags: [a]\n---\nx\n").Articles).Metadata.Categories);
    }

    [Fact]
    public void The_post_file_name_gives_jekylls_url_and_the_front_matter_date_wins()
    {
        var source = Assert.Single(Fixture.Read("jekyll/_posts/2021-06-16-geneva-summit.md").Articles);
        Assert.Equal("سياسة/world/2021/06/16/geneva-summit.html", source.Slug);
        var article = source.ToArticle(Fixture.Defaults);
        Assert.Equal("https://example.com/blog/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9/world/2021/06/16/geneva-summit.html", article.Url!.AbsoluteUri);
        Assert.Equal("https://example.com/blog/assets/img/geneva.jpg", article.LeadImage!.Url.AbsoluteUri);
    }

    [Fact]
    public void A_post_without_a_date_takes_the_file_names_day_at_the_sites_offset()
    {
        var source = Assert.Single(Fixture.Read("jekyll/_posts/2021-06-18-no-date-in-front-matter.md").Articles);
        Assert.Equal("תקציר קצר.", source.Standfirst);
        Assert.Equal("2021/06/18/no-date-in-front-matter.html", source.Slug);
        var article = source.ToArticle(Fixture.Defaults with { UtcOffset = TimeSpan.FromHours(3) });
        Assert.Equal(new DateTimeOffset(2021, 6, 18, 0, 0, 0, TimeSpan.FromHours(3)), article.Published);
        Assert.Equal(TextDirection.RightToLeft, article.Language!.Direction);
    }

    [Theory]
    [InlineData("jekyll/_posts/2021-06-20-unpublished.md", "published: false", 4)]
    [InlineData("jekyll/_drafts/idea.md", "_drafts", null)]
    public void Unpublished_posts_and_drafts_are_skipped_with_a_note(string file, string why, int? line)
    {
        var result = Fixture.Read(file);
        Assert.Empty(result.Articles);
        var note = Assert.Single(result.Notes, n => n.Kind == ReaderNoteKind.SkippedDraft);
        Assert.Contains(why, note.Message, StringComparison.Ordinal);
        Assert.Equal(line, note.Position?.Line);
    }
}
