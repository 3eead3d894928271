using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using FeedKit.Model;
using FeedKit.Readers;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdBlock = Markdig.Syntax.Block;
using MdListBlock = Markdig.Syntax.ListBlock;
using ModelBlock = FeedKit.Model.Block;
using ModelListBlock = FeedKit.Model.ListBlock;

namespace FeedKit.Markdown;

/// <summary>
/// Reads Markdown articles (CommonMark and pipe tables, with Markdig) with front matter as Jekyll and Hugo sites
/// write it: YAML between <c>---</c> lines (YamlDotNet) or TOML between <c>+++</c> lines (Tomlyn).
/// </summary>
/// <remarks>
/// <para>Front-matter keys (names ignore case): <c>title</c> (or <c>headline</c>); the standfirst from
/// <c>standfirst</c>, <c>summary</c>, <c>excerpt</c>, <c>description</c> or <c>subtitle</c> (the first of these
/// given); <c>date</c> (or <c>published</c>, <c>publishDate</c>) with or without a time and zone (see
/// <see cref="ArticleDate"/>); <c>updated</c> (or <c>lastmod</c>, <c>last_modified_at</c>); <c>id</c>;
/// <c>url</c> or <c>permalink</c> (relative ones are resolved against the site); <c>slug</c>; <c>lang</c> (or
/// <c>language</c>); <c>direction</c> (<c>rtl</c>/<c>ltr</c>); <c>author</c> or <c>authors</c> (<c>Name</c>,
/// <c>Name &lt;email&gt;</c>, or a map with <c>name</c>, <c>email</c>, <c>url</c>); <c>tags</c> and
/// <c>categories</c> (both become tags; an unquoted single value is split at spaces, as Jekyll does); <c>image</c> (a URL, or a map with <c>path</c>, <c>alt</c>,
/// <c>caption</c>, <c>length</c>), <c>thumbnail</c>, or Hugo's <c>images</c> list (the first), with <c>image_alt</c>,
/// <c>image_caption</c> and <c>image_length</c> (bytes). <c>draft: true</c> and <c>published: false</c> skip the
/// article with a note. Any other key (<c>layout</c>, a theme's own) is ignored with a note.</para>
/// <para>File layout: Jekyll's <c>_posts/2021-06-16-summit.md</c> gives the date (when the front matter has none),
/// the slug <c>summit</c> and Jekyll's default URL (<c>/:categories/:year/:month/:day/:title.html</c>); files under
/// <c>_drafts/</c> are skipped. Hugo's <c>content/ar/…</c> and <c>content.ar/…</c> folders and <c>post.ar.md</c> names give the language
/// (when the front matter has none) and put the slug below it, as Hugo puts a language's pages (<c>post.fa.md</c> and
/// <c>content/fa/post.md</c> are <c>fa/post</c>), so a post and its translations have URLs and ids of their own; a page
/// bundle's <c>index.md</c> takes its folder's name as slug; a section's list page (<c>_index.md</c>) is skipped with a
/// note (<see cref="ReaderNoteKind.SkippedPage"/>).</para>
/// <para>Without a <c>title</c>, a first-level heading before any other block is the headline.</para>
/// <para>Blocks: a paragraph of plain text is a <see cref="Paragraph"/>; a paragraph holding only an image is an
/// <see cref="ImageBlock"/> (its title is the caption); headings are <see cref="Subheading"/>s; a quote of plain
/// paragraphs is a <see cref="Quote"/> (a last paragraph starting with "—" or "--" is its attribution); a list of
/// plain one-paragraph items is a <see cref="ModelListBlock"/>. Everything else, and any of those with inline
/// markup (links, emphasis, code), becomes <see cref="RawHtml"/> rendered by Markdig, so nothing is lost.</para>
/// </remarks>
public sealed class MarkdownArticleReader : IArticleReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <summary>The HTML elements an inline tag in Markdown may be; any other "tag" is text (<c>List&lt;T&gt;</c>).</summary>
    private static readonly HashSet<string> HtmlElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img", "ins",
        "kbd", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time",
        "tt", "u", "var", "wbr", "audio", "video", "source", "track", "picture", "iframe", "embed", "object", "svg",
        "math", "script", "style", "button", "input", "label", "select", "textarea", "option", "form", "div", "p",
        "figure", "figcaption", "table", "tr", "td", "th", "ul", "ol", "li", "hr", "details", "summary",
    };

    /// <summary>
    /// CommonMark reads <c>&lt;T&gt;</c> in <c>List&lt;T&gt;</c> as raw HTML, which a reader then hides: a "tag" that
    /// names no HTML element is kept as the text the author wrote (documented normalization).
    /// </summary>
    private static void KeepNonHtmlTagsAsText(MarkdownDocument document)
    {
        foreach (var html in document.Descendants<Markdig.Syntax.Inlines.HtmlInline>().ToList())
        {
            var tag = html.Tag ?? string.Empty;
            var name = System.Text.RegularExpressions.Regex.Match(tag, @"^</?([A-Za-z][A-Za-z0-9-]*)").Groups[1].Value;
            if (name.Length > 0 && !HtmlElements.Contains(name))
            {
                html.ReplaceBy(new Markdig.Syntax.Inlines.LiteralInline(tag));
            }
        }
    }

    /// <inheritdoc />
    public ImmutableArray<string> Extensions { get; } = [".md", ".markdown"];

    /// <inheritdoc />
    public ArticleReadResult Read(string file, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(file);
        var text = ArticleFileText.Decode(file, content);
        var positions = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        var notes = new List<ReaderNote>();
        var layout = SiteLayout.Of(file);
        if (layout.IsDraftFolder)
        {
            notes.Add(new ReaderNote(ReaderNoteKind.SkippedDraft, file, null, "skipped: a draft (in a _drafts folder)"));
            return ArticleReadResult.Skipped(notes);
        }

        if (layout.IsListPage)
        {
            notes.Add(new ReaderNote(ReaderNoteKind.SkippedPage, file, null, "skipped: a Hugo list page (_index.md) introduces a section; it is not a post"));
            return ArticleReadResult.Skipped(notes);
        }

        var (frontMatter, markdown, offset) = SplitFrontMatter(file, text);
        var keys = new FrontMatterKeys(file, positions, notes);
        if (frontMatter is not null)
        {
            keys.Read(frontMatter);
        }

        if (keys.Draft is { } draft)
        {
            notes.Add(new ReaderNote(ReaderNoteKind.SkippedDraft, file, draft.Position, $"skipped: a draft ({draft.Reason})"));
            return ArticleReadResult.Skipped(notes);
        }

        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, Pipeline);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
        {
            throw new ArticleReadException(file, null, null, $"the Markdown cannot be read: {e.Message} (blocks nested too deeply? quotes and lists may nest a few dozen levels)", e);
        }

        KeepNonHtmlTagsAsText(document);
        var blocks = document.ToList();
        var headline = keys.Headline;
        if (headline is null && blocks.Count > 0 && blocks[0] is HeadingBlock { Level: 1 } title)
        {
            headline = PlainText(title.Inline) ?? RenderInlineAsText(title.Inline);
            positions.TryAdd("Headline", new SourcePosition(offset + title.Line + 1));
            blocks.RemoveAt(0);
        }

        if (headline is null)
        {
            throw new ArticleReadException(file, new SourcePosition(1), null, "no headline: give a \"title:\" in the front matter or start the text with a \"# Heading\"");
        }

        var body = ImmutableArray.CreateBuilder<ModelBlock>(blocks.Count);
        foreach (var block in blocks)
        {
            if (block is LinkReferenceDefinitionGroup)
            {
                continue;
            }

            positions.TryAdd(string.Create(CultureInfo.InvariantCulture, $"Body[{body.Count}]"), new SourcePosition(offset + block.Line + 1));
            try
            {
                body.Add(ToBlock(block));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
            {
                throw new ArticleReadException(file, new SourcePosition(offset + block.Line + 1), null, $"this block cannot be rendered: {e.Message}", e);
            }
        }

        var metadata = keys.Metadata;
        if (metadata.Language is null && layout.Language is not null)
        {
            metadata = metadata with { Language = layout.Language };
        }

        if (metadata.Published is null && layout.Date is { } day)
        {
            metadata = metadata with { Published = day };
            positions.TryAdd("Published", new SourcePosition(1));
        }

        var slug = keys.Slug ?? layout.Slug;

        // Hugo puts a language's pages below /<lang>/: post.fa.md and content/fa/post.md are fa/post, so that a post
        // and its translations (post.md, post.fa.md) have URLs and ids of their own.
        if (layout.Language is { } pageLanguage && !layout.IsJekyllPost)
        {
            slug = pageLanguage.Value.ToLowerInvariant() + "/" + slug;
        }

        if (layout.IsJekyllPost && metadata.Url is null && (metadata.Published ?? layout.Date) is { } date)
        {
            slug = layout.JekyllSlug(keys.Categories, date);
        }

        var source = new ArticleSource
        {
            File = file,
            Headline = headline,
            Standfirst = keys.Standfirst,
            Body = body.ToImmutable(),
            Metadata = metadata,
            Slug = slug,
            Locations = new ArticleLocations(file, positions),
        };
        return ArticleReadResult.Of(source, notes);
    }

    /// <summary>The front matter (YAML after a first line <c>---</c>, TOML after <c>+++</c>), the Markdown, and the
    /// number of lines before the Markdown.</summary>
    private static (FrontMatterNode? FrontMatter, string Markdown, int Offset) SplitFrontMatter(string file, string text)
    {
        var firstEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var first = (firstEnd < 0 ? text : text[..firstEnd]).TrimEnd();
        if (first is not ("---" or "+++"))
        {
            return (null, text, 0);
        }

        var lines = text.Split('\n');
        var end = -1;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line == first || (first == "---" && line == "..."))
            {
                end = i;
                break;
            }
        }

        if (end < 0)
        {
            throw new ArticleReadException(file, new SourcePosition(1), null, $"the front matter that starts here has no closing \"{first}\" line");
        }

        var header = string.Join('\n', lines[1..end]);
        var node = first == "---" ? YamlFrontMatter.Parse(file, header, 2) : TomlFrontMatter.Parse(file, header, 2);
        return (node, string.Join('\n', lines[(end + 1)..]), end + 1);
    }

    private static ModelBlock ToBlock(MdBlock block)
    {
        switch (block)
        {
            case HeadingBlock heading when PlainText(heading.Inline) is { } text:
                return new Subheading(text);
            case ParagraphBlock paragraph when OnlyImage(paragraph.Inline) is { } image:
                return new ImageBlock(image);
            case ParagraphBlock paragraph when PlainText(paragraph.Inline) is { } text:
                return new Paragraph(text);
            case QuoteBlock quote when quote.Count > 0 && quote.All(b => b is ParagraphBlock p && PlainText(p.Inline) is not null):
            {
                var texts = quote.Cast<ParagraphBlock>().Select(p => PlainText(p.Inline)!).ToList();
                string? attribution = null;
                if (texts.Count > 1 && (texts[^1].StartsWith('—') || texts[^1].StartsWith("--", StringComparison.Ordinal)))
                {
                    attribution = texts[^1].TrimStart('—', '-', ' ');
                    texts.RemoveAt(texts.Count - 1);
                }

                return new Quote(string.Join("\n", texts)) { Attribution = attribution };
            }

            case MdListBlock list when list.All(IsPlainItem):
                return new ModelListBlock([.. list.Cast<ListItemBlock>().Select(i => PlainText(((ParagraphBlock)i[0]).Inline)!)])
                {
                    Ordered = list.IsOrdered,
                };
            default:
                return new RawHtml(Render(block).Trim());
        }
    }

    private static bool IsPlainItem(MdBlock item) =>
        item is ListItemBlock { Count: 1 } listItem && listItem[0] is ParagraphBlock p && PlainText(p.Inline) is not null;

    private static Image? OnlyImage(ContainerInline? inline)
    {
        var children = inline?.Where(i => i is not LineBreakInline && !(i is LiteralInline l && l.Content.IsEmptyOrWhitespace())).ToList();
        if (children is not [LinkInline { IsImage: true } link])
        {
            return null;
        }

        if (!Uri.TryCreate(link.Url, UriKind.RelativeOrAbsolute, out var url))
        {
            return null;
        }

        var alt = PlainText(link) ?? string.Empty;
        return new Image(url)
        {
            AltText = alt.Length == 0 ? null : alt,
            Caption = string.IsNullOrWhiteSpace(link.Title) ? null : link.Title,
        };
    }

    /// <summary>The text of inlines that are plain text (literals, line breaks, entities); null when there is markup.</summary>
    private static string? PlainText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var child in inline)
        {
            switch (child)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                default:
                    return null;
            }
        }

        return text.ToString().Trim();
    }

    /// <summary>A heading's text when it has markup: its words without the markup (a headline is plain text).</summary>
    private static string RenderInlineAsText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        if (inline is not null)
        {
            AppendText(inline, text);
        }

        return text.ToString().Trim();
    }

    private static void AppendText(ContainerInline container, StringBuilder text)
    {
        foreach (var child in container)
        {
            switch (child)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case ContainerInline inner:
                    AppendText(inner, text);
                    break;
            }
        }
    }

    private static string Render(MdBlock block)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(block);
        writer.Flush();
        return writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
