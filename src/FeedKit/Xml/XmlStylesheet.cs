using System.Text;

namespace FeedKit.Xml;

/// <summary>The optional <c>&lt;?xml-stylesheet?&gt;</c> instruction of the XML formats (<c>FeedWriterOptions.Stylesheet</c>).</summary>
internal static class XmlStylesheet
{
    /// <summary>Throws when the option cannot be written: an absolute URL that is not http(s), or characters XML cannot carry.</summary>
    public static void Validate(Uri? stylesheet, string paramName)
    {
        if (stylesheet is null)
        {
            return;
        }

        if (stylesheet.IsAbsoluteUri && stylesheet.Scheme != Uri.UriSchemeHttp && stylesheet.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"The stylesheet \"{stylesheet.OriginalString}\" is not an http or https URL (a relative one such as \"/feed.xsl\" is fine).", paramName);
        }

        if (Text.XmlChars.IndexOfInvalid(Href(stylesheet), out _) >= 0)
        {
            throw new ArgumentException("The stylesheet URL has characters XML cannot carry.", paramName);
        }
    }

    /// <summary>Writes the instruction, when the option is set; call right after <c>WriteStartDocument</c>.</summary>
    public static void Write(Utf8XmlWriter xml, Uri? stylesheet)
    {
        if (stylesheet is null)
        {
            return;
        }

        // Pseudo-attribute values: the predefined entities are recognised, so escape what would end or break them.
        var href = new StringBuilder();
        foreach (var c in Href(stylesheet))
        {
            _ = c switch
            {
                '&' => href.Append("&amp;"),
                '"' => href.Append("&quot;"),
                '<' => href.Append("&lt;"),
                '>' => href.Append("&gt;"),
                _ => href.Append(c),
            };
        }

        xml.WriteProcessingInstruction("xml-stylesheet", $"type=\"text/xsl\" href=\"{href}\"");
    }

    private static string Href(Uri stylesheet) => stylesheet.IsAbsoluteUri ? stylesheet.AbsoluteUri : stylesheet.OriginalString;
}
