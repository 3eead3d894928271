using System.Collections.Immutable;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Html;

/// <summary>
/// Renders an article's standfirst and body as HTML fragments that carry their own language and direction:
/// the whole is wrapped in <c>&lt;div dir="rtl" lang="ar"&gt;</c>, and a block whose direction or language
/// differs from the article's gets its own <c>dir</c> and <c>lang</c>. Direction inside the HTML is what
/// survives in readers whose sanitizers keep anything at all.
/// </summary>
internal static class ArticleHtml
{
    /// <summary>
    /// A summary as one paragraph inside the wrapper, in the calling thread's builder: read it before rendering
    /// anything else. Null when there is no summary.
    /// </summary>
    public static HtmlBuilder? RenderSummary(string? summary, HtmlContext context)
    {
        if (summary is null)
        {
            return null;
        }

        var html = HtmlBuilder.Rent();
        OpenWrapper(html, context);
        html.Append("<p>").AppendText(summary).Append("</p>");
        return html.Append("</div>");
    }

    /// <summary>
    /// The lead image and body blocks inside the wrapper, in the calling thread's builder: read it before rendering
    /// anything else. Null when there is nothing to show.
    /// </summary>
    public static HtmlBuilder? RenderBody(Image? leadImage, ImmutableArray<Block> body, HtmlContext context)
    {
        var html = HtmlBuilder.Rent();
        OpenWrapper(html, context);
        var empty = true;
        if (leadImage is { } lead)
        {
            RenderFigure(html, lead, block: null, context);
            empty = false;
        }

        foreach (var block in body)
        {
            if (RenderBlock(html, block, context, separator: !empty))
            {
                empty = false;
            }
        }

        return empty ? null : html.Append("</div>");
    }

    /// <summary>The plain text a block shows, for direction detection; null for raw HTML and images without text.</summary>
    public static string? PlainTextOf(Block block) => block switch
    {
        Paragraph p => p.Text,
        Subheading s => s.Text,
        Quote q => q.Text,
        ListBlock l => l.Items.IsDefaultOrEmpty ? null : string.Join(" ", l.Items),
        ImageBlock i => i.Image?.Caption ?? i.Image?.AltText,
        _ => null,
    };

    private static void OpenWrapper(HtmlBuilder html, HtmlContext context)
    {
        html.Append("<div");
        html.AppendAttribute("dir", DirValue(context.Direction));
        if (context.Language is { } language)
        {
            html.AppendAttribute("lang", language.Value);
        }

        html.Append('>');
    }

    private static bool RenderBlock(HtmlBuilder html, Block block, HtmlContext context, bool separator)
    {
        var text = PlainTextOf(block);
        if (block is Paragraph or Subheading or Quote && string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (separator)
        {
            html.Append('\n');
        }

        switch (block)
        {
            case Paragraph p:
                html.Append("<p");
                AppendBlockAttributes(html, block, text, context);
                html.Append('>').AppendText(p.Text).Append("</p>");
                break;
            case Subheading s:
                html.Append("<h2");
                AppendBlockAttributes(html, block, text, context);
                html.Append('>').AppendText(s.Text).Append("</h2>");
                break;
            case Quote q:
                html.Append("<blockquote");
                AppendBlockAttributes(html, block, text, context);
                html.Append("><p>").AppendText(q.Text).Append("</p>");
                if (!string.IsNullOrWhiteSpace(q.Attribution))
                {
                    html.Append("<p>— <cite>").AppendText(q.Attribution).Append("</cite></p>");
                }

                html.Append("</blockquote>");
                break;
            case ListBlock l:
                var tag = l.Ordered ? "ol" : "ul";
                html.Append('<').Append(tag);
                AppendBlockAttributes(html, block, text, context);
                html.Append('>');
                foreach (var item in l.Items)
                {
                    html.Append("<li>").AppendText(item).Append("</li>");
                }

                html.Append("</").Append(tag).Append('>');
                break;
            case ImageBlock i:
                RenderFigure(html, i.Image, block, context);
                break;
            case RawHtml raw:
                // Sanitized already, once, by FeedNormalizer (unless trusted): the lint saw exactly this HTML.
                var fragment = raw.Html;
                var start = html.Length;
                html.Append("<div");
                var before = html.Length;
                AppendBlockAttributes(html, block, text, context);
                if (html.Length == before)
                {
                    html.Length = start;
                    html.Append(fragment);
                }
                else
                {
                    html.Append('>').Append(fragment).Append("</div>");
                }

                break;
        }

        return true;
    }

    private static void RenderFigure(HtmlBuilder html, Image image, Block? block, HtmlContext context)
    {
        html.Append("<figure");
        if (block is not null)
        {
            AppendBlockAttributes(html, block, PlainTextOf(block), context);
        }

        html.Append("><img");
        html.AppendAttribute("src", image.Url.AbsoluteUri);
        html.AppendAttribute("alt", string.IsNullOrWhiteSpace(image.AltText) ? string.Empty : image.AltText);
        html.Append('>');
        if (!string.IsNullOrWhiteSpace(image.Caption))
        {
            html.Append("<figcaption>").AppendText(image.Caption).Append("</figcaption>");
        }

        html.Append("</figure>");
    }

    /// <summary>
    /// A block's own <c>dir</c> and <c>lang</c>, when they differ from the article's. Its direction is, in
    /// order: explicit, from its language, from its text when every strong character in it runs against the
    /// article's direction (a quote wholly in English inside an Arabic story), else the article's.
    /// </summary>
    private static void AppendBlockAttributes(HtmlBuilder html, Block block, string? text, HtmlContext context)
    {
        var direction = block.Direction
            ?? block.Language?.Direction
            ?? DirectionOfForeignText(text, context.Direction)
            ?? context.Direction;
        if (direction != context.Direction)
        {
            html.AppendAttribute("dir", DirValue(direction));
        }

        if (block.Language is { } language && !language.Equals(context.Language))
        {
            html.AppendAttribute("lang", language.Value);
        }
    }

    private static TextDirection? DirectionOfForeignText(string? text, TextDirection surrounding) =>
        text is null ? null : Bidi.ForeignDirection(text, surrounding);

    internal static string DirValue(TextDirection direction) =>
        direction == TextDirection.RightToLeft ? "rtl" : "ltr";
}
