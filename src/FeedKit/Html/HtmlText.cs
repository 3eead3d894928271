namespace FeedKit.Html;

/// <summary>Minimal HTML escaping: only what HTML needs, so that Arabic or Hebrew text stays readable.</summary>
internal static class HtmlText
{
    private static readonly System.Buffers.SearchValues<char> TextSpecial = System.Buffers.SearchValues.Create("&<>");

    /// <summary>Appends text content, escaping <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c>.</summary>
    public static HtmlBuilder AppendText(this HtmlBuilder html, string text)
    {
        var rest = text.AsSpan();
        while (true)
        {
            var special = rest.IndexOfAny(TextSpecial);
            if (special < 0)
            {
                return html.Append(rest);
            }

            html.Append(rest[..special]).Append(rest[special] switch { '&' => "&amp;", '<' => "&lt;", _ => "&gt;" });
            rest = rest[(special + 1)..];
        }
    }

    /// <summary>Appends <c> name="value"</c>, escaping the value for a double-quoted attribute.</summary>
    public static HtmlBuilder AppendAttribute(this HtmlBuilder html, string name, string value)
    {
        html.Append(' ').Append(name).Append("=\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                default: html.Append(c); break;
            }
        }

        return html.Append('"');
    }
}
