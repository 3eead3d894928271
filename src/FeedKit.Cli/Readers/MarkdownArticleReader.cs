using System.Collections.Immutable;
using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using FeedKit.Model;
using MdBlock = Markdig.Syntax.Block;
using MdListBlock = Markdig.Syntax.ListBlock;
using ModelBlock = FeedKit.Model.Block;
using ModelListBlock = FeedKit.Model.ListBlock;

namespace FeedKit.Cli.Readers;

/// <summary>
/// Reads a Markdown article (CommonMark and pipe tables, with Markdig) with an optional front-matter header.
/// </summary>
/// <remarks>
/// <para>Header keys (see <see cref="FrontMatter"/> for the syntax): <c>title</c> (or <c>headline</c>),
/// <c>standfirst</c> (or <c>summary</c>, <c>description</c>), <c>id</c>, <c>url</c>, <c>published</c> (or
/// <c>date</c>), <c>updated</c>, <c>language</c> (or <c>lang</c>), <c>direction</c> (<c>rtl</c>/<c>ltr</c>),
/// <c>author</c> or <c>authors</c> (each <c>Name</c> or <c>Name &lt;email&gt;</c>), <c>tags</c>, <c>image</c>,
/// <c>image_alt</c>, <c>image_caption</c>. An unknown key is an error, so a typo does not pass silently.</para>
/// <para>Without a <c>title</c>, a first-level heading before any other block is the headline.</para>
/// <para>Blocks: a paragraph of plain text is a <see cref="Paragraph"/>; a paragraph holding only an image is an
/// <see cref="ImageBlock"/> (its title is the caption); headings are <see cref="Subheading"/>s; a quote of plain
/// paragraphs is a <see cref="Quote"/> (a last paragraph starting with "—" or "--" is its attribution); a list of
/// plain one-paragraph items is a <see cref="ModelListBlock"/>. Everything else, and any of those with inline
/// markup (links, emphasis, code), becomes <see cref="RawHtml"/> rendered by Markdig, so nothing is lost.</para>
/// </remarks>
internal static class MarkdownArticleReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public static ArticleSource Read(string file, string text)
    {
        var (entries, markdown, offset) = FrontMatter.Split(file, text);
        var lines = new SourceLines();
        var metadata = new ArticleSettings();
        string? headline = null;
        string? standfirst = null;
        ImageSettings? image = null;
        foreach (var entry in entries)
        {
            switch (entry.Key)
            {
                case "title" or "headline":
                    headline = Scalar(file, entry);
                    lines.Set("Headline", entry.Line);
                    break;
                case "standfirst" or "summary" or "description":
                    standfirst = Scalar(file, entry);
                    lines.Set("Standfirst", entry.Line);
                    break;
                case "id":
                    metadata.Id = Scalar(file, entry);
                    lines.Set("Id", entry.Line);
                    break;
                case "url":
                    metadata.Url = Scalar(file, entry);
                    lines.Set("Url", entry.Line);
                    break;
                case "published" or "date":
                    metadata.Published = Scalar(file, entry);
                    lines.Set("Published", entry.Line);
                    break;
                case "updated":
                    metadata.Updated = Scalar(file, entry);
                    lines.Set("Updated", entry.Line);
                    break;
                case "language" or "lang":
                    metadata.Language = Scalar(file, entry);
                    lines.Set("Language", entry.Line);
                    break;
                case "direction" or "dir":
                    metadata.Direction = Scalar(file, entry);
                    lines.Set("Direction", entry.Line);
                    break;
                case "author" or "authors":
                    metadata.Authors = [];
                    lines.Set("Authors", entry.Line);
                    foreach (var (value, line) in Items(entry))
                    {
                        lines.Set($"Authors[{metadata.Authors.Count}]", line);
                        metadata.Authors.Add(ParseAuthor(value));
                    }

                    break;
                case "tags" or "categories":
                    metadata.Tags = [];
                    lines.Set("Tags", entry.Line);
                    foreach (var (value, line) in Items(entry))
                    {
                        lines.Set($"Tags[{metadata.Tags.Count}]", line);
                        metadata.Tags.Add(value);
                    }

                    break;
                case "image":
                    (image ??= new ImageSettings()).Url = Scalar(file, entry);
                    lines.Set("LeadImage", entry.Line);
                    break;
                case "image_alt":
                    (image ??= new ImageSettings()).Alt = Scalar(file, entry);
                    lines.Set("LeadImage.AltText", entry.Line);
                    break;
                case "image_caption":
                    (image ??= new ImageSettings()).Caption = Scalar(file, entry);
                    lines.Set("LeadImage.Caption", entry.Line);
                    break;
                default:
                    throw new ArticleException(file, entry.Line, $"unknown front-matter key \"{entry.Key}\"; known: title, standfirst, id, url, published, updated, language, direction, author(s), tags, image, image_alt, image_caption");
            }
        }

        var document = Markdown.Parse(markdown, Pipeline);
        var blocks = document.ToList();
        if (headline is null && blocks.Count > 0 && blocks[0] is HeadingBlock { Level: 1 } title)
        {
            headline = PlainText(title.Inline) ?? RenderInlineAsText(title.Inline);
            lines.Set("Headline", offset + title.Line + 1);
            blocks.RemoveAt(0);
        }

        if (headline is null)
        {
            throw new ArticleException(file, 1, "no headline: give a \"title:\" in the front matter or start the text with a \"# Heading\"");
        }

        var body = ImmutableArray.CreateBuilder<ModelBlock>(blocks.Count);
        foreach (var block in blocks)
        {
            if (block is LinkReferenceDefinitionGroup)
            {
                continue;
            }

            lines.Set($"Body[{body.Count}]", offset + block.Line + 1);
            body.Add(ToBlock(block));
        }

        return new ArticleSource(file, headline, standfirst, body.ToImmutable(), metadata, image, lines);
    }

    private static string Scalar(string file, FrontMatter.Entry entry) =>
        entry.Scalar ?? throw new ArticleException(file, entry.Line, $"\"{entry.Key}\" needs a single value, not a list");

    private static IEnumerable<(string Value, int Line)> Items(FrontMatter.Entry entry) =>
        entry.List ?? (entry.Scalar is { } one ? [(one, entry.Line)] : []);

    /// <summary><c>Name</c> or <c>Name &lt;name@example.com&gt;</c>.</summary>
    private static AuthorSettings ParseAuthor(string value)
    {
        var open = value.LastIndexOf('<');
        if (open > 0 && value.EndsWith('>'))
        {
            return new AuthorSettings { Name = value[..open].Trim(), Email = value[(open + 1)..^1].Trim() };
        }

        return new AuthorSettings { Name = value };
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
