using FeedKit.Readers;
using FeedKit.Text;

namespace FeedKit.Markdown.Tests;

/// <summary>A small multilingual Hugo site: TOML and YAML front matter, content/ar/ folders and post.fa.md names.</summary>
public sealed class HugoSiteTests
{
    [Fact]
    public void Toml_front_matter_reads_with_lines_and_the_language_of_its_folder()
    {
        var result = Fixture.Read("hugo/content/ar/posts/summit.md");
        var source = Assert.Single(result.Articles);
        Assert.Equal("قمة جنيف", source.Headline);
        Assert.Equal("ملخص القمة.", source.Standfirst);
        Assert.Equal("ar", source.Metadata.Language!.Value);
        Assert.Equal("2021-06-16T21:30:00+02:00", source.Metadata.Published.ToString());
        Assert.Equal("2021-06-17T08:00:00+02:00", source.Metadata.Updated.ToString());
        Assert.Equal(new[] { "جنيف", "سياسة", "أخبار" }, source.Metadata.Tags!.Value.ToArray());
        Assert.Equal("summit.jpg", source.Metadata.LeadImage!.Url.OriginalString);
        Assert.Equal("ar/geneva-summit", source.Slug);
        Assert.Equal(2, source.Locations.Find("Headline")!.Value.Line);
        Assert.Equal(7, source.Locations.Find("Standfirst")!.Value.Line);
        Assert.Equal(15, source.Locations.Find("Body[0]")!.Value.Line);
        Assert.Equal(new[] { "weight", "params" }, result.Notes.Select(n => n.Message.Split('"')[1]).ToArray());

        var article = source.ToArticle(Fixture.Defaults);
        Assert.Equal("https://example.com/blog/ar/geneva-summit", article.Url!.AbsoluteUri);
        Assert.Equal("https://example.com/blog/ar/summit.jpg", article.LeadImage!.Url.AbsoluteUri);
    }

    [Fact]
    public void A_language_suffix_gives_the_language_and_puts_the_slug_below_it()
    {
        var source = Assert.Single(Fixture.Read("hugo/content/fa/posts/post.fa.md").Articles);
        Assert.Equal("fa", source.Metadata.Language!.Value);
        Assert.Equal(TextDirection.RightToLeft, source.Metadata.Language.Direction);
        Assert.Equal("fa/post", source.Slug);
        Assert.Equal("خلاصه‌ی نشست.", source.Standfirst);
        Assert.Equal("2021-06-16", source.Metadata.Published.ToString());
    }

    [Fact]
    public void The_file_names_language_wins_over_its_folders_and_a_relative_url_resolves_against_the_site()
    {
        var source = Assert.Single(Fixture.Read("hugo/content/en/posts/summit.ar.md").Articles);
        Assert.Equal("ar", source.Metadata.Language!.Value);
        var article = source.ToArticle(Fixture.Defaults);
        Assert.Equal("https://example.com/blog/ar/geneva/", article.Url!.AbsoluteUri);
    }

    [Fact]
    public void A_page_bundles_folder_is_its_slug_and_its_images_resolve_inside_it()
    {
        // The shape of hugo-theme-stack's exampleSite/content/post/placeholder-text/index.ar.md (TOML, a quoted
        // date, lists over several lines, an image beside the page).
        const string Post = "+++\nauthor = \"Hugo Authors\"\ntitle = \"مثال نص\"\ndate = \"2019-03-09\"\ncategories = [\n    \"تجربة\",\n    \"تجربة مع فراغات\"\n]\nimage = \"cover.jpg\"\n+++\n## فقرة 1\n\nنص.\n";
        var source = Assert.Single(Fixture.ReadText(Post, "content/post/placeholder-text/index.ar.md").Articles);
        Assert.Equal("ar/placeholder-text/", source.Slug);
        Assert.Equal(new[] { "تجربة", "تجربة مع فراغات" }, source.Metadata.Tags!.Value.ToArray());
        Assert.Equal(7, source.Locations.Find("Tags[1]")!.Value.Line);
        var article = source.ToArticle(Fixture.Defaults);
        Assert.Equal("https://example.com/blog/ar/placeholder-text/", article.Url!.AbsoluteUri);
        Assert.Equal("https://example.com/blog/ar/placeholder-text/cover.jpg", article.LeadImage!.Url.AbsoluteUri);
        Assert.Equal("ar", article.Language!.Value);
    }

    [Fact]
    public void A_draft_is_skipped_with_a_note_naming_its_line()
    {
        var result = Fixture.Read("hugo/content/fa/posts/later.fa.md");
        Assert.Empty(result.Articles);
        var note = Assert.Single(result.Notes);
        Assert.Equal(ReaderNoteKind.SkippedDraft, note.Kind);
        Assert.Equal(4, note.Position!.Value.Line);
        Assert.EndsWith("later.fa.md:4: skipped: a draft (\"draft: true\")", note.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_front_matter_language_wins_over_the_layouts()
    {
        var source = Assert.Single(Fixture.ReadText("---\ntitle: T\nlang: en\n---\nx\n", "content/ar/posts/x.md").Articles);
        Assert.Equal("en", source.Metadata.Language!.Value);
        var byFolder = Assert.Single(Fixture.ReadText("---\ntitle: T\n---\nx\n", "content/faq/x.md").Articles);
        Assert.Null(byFolder.Metadata.Language);
        var byContentDir = Assert.Single(Fixture.ReadText("---\ntitle: T\n---\nx\n", "site/content.he/docs/x.md").Articles);
        Assert.Equal("he", byContentDir.Metadata.Language!.Value);
    }
}
