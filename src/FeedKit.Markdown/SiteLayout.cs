using System.Globalization;
using System.Text.RegularExpressions;
using FeedKit.Readers;
using FeedKit.Text;

namespace FeedKit.Markdown;

/// <summary>
/// What a static site's file layout says about a post: Jekyll's <c>_posts/2021-06-16-summit.md</c> (date, slug,
/// URL) and <c>_drafts/</c>; Hugo's <c>content/ar/…</c> and <c>content.ar/…</c> folders and <c>post.ar.md</c> names
/// (language), and page bundles (<c>summit/index.md</c>: the folder is the slug).
/// </summary>
internal sealed partial record SiteLayout(string Slug, ArticleDate? Date, bool IsJekyllPost, bool IsDraftFolder, LanguageTag? Language)
{
    /// <summary>Hugo's <c>_index.md</c> (<c>_index.fa.md</c>): a section's list page, not a post.</summary>
    public bool IsListPage { get; init; }


    public static SiteLayout Of(string file)
    {
        var segments = file.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var name = Path.GetFileNameWithoutExtension(segments.Length > 0 ? segments[^1] : file);
        var folders = segments.Length > 1 ? segments[..^1] : [];
        LanguageTag? language = null;

        // Hugo: post.ar.md, index.fa.md.
        var dot = name.LastIndexOf('.');
        if (dot > 0 && IsLanguageCode(name[(dot + 1)..]) is { } suffix)
        {
            language = suffix;
            name = name[..dot];
        }

        // Hugo: content/ar/posts/x.md, or a content folder per language (contentDir = "content.he").
        for (var i = 0; i < folders.Length && language is null; i++)
        {
            if (folders[i] == "content" && i + 1 < folders.Length && IsLanguageCode(folders[i + 1]) is { } folder)
            {
                language = folder;
            }
            else if (folders[i].StartsWith("content.", StringComparison.Ordinal) && IsLanguageCode(folders[i]["content.".Length..]) is { } contentDir)
            {
                language = contentDir;
            }
        }

        // Hugo page bundle: the folder names the page, and its URL ends in "/" so the bundle's images
        // (image = "cover.jpg") resolve inside it.
        var bundle = false;
        var listPage = name == "_index";
        if (name is "index" or "_index" && folders.Length > 0)
        {
            name = folders[^1];
            bundle = true;
        }

        ArticleDate? date = null;
        var isPost = false;
        var match = JekyllName().Match(name);
        if (match.Success && DateOnly.TryParseExact(match.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            date = ArticleDate.FromDay(day);
            name = match.Groups[2].Value;
            isPost = folders.Contains("_posts");
        }

        return new SiteLayout(bundle ? name + "/" : name, date, isPost, folders.Contains("_drafts"), language) { IsListPage = listPage };
    }

    /// <summary>
    /// Jekyll's default permalink, <c>/:categories/:year/:month/:day/:title:output_ext</c>, below the base URL.
    /// </summary>
    public string JekyllSlug(IEnumerable<string> categories, ArticleDate date)
    {
        var path = string.Join('/', categories.Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0));
        var day = date.Date.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);
        return (path.Length > 0 ? path + "/" : string.Empty) + day + "/" + Slug + ".html";
    }

    private static LanguageTag? IsLanguageCode(string text)
    {
        if (!LanguageCode().IsMatch(text))
        {
            return null;
        }

        // Only a code ISO 639 knows: a "faq" or "web" folder is not a language.
        return LanguageTag.TryParse(text).TryGetValue(out var tag) && tag.IsIso639 ? tag : null;
    }

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})-(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex JekyllName();

    // Two- or three-letter language, with an optional region or script: ar, fa, he, pt-br, zh-Hant.
    [GeneratedRegex(@"^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();
}
