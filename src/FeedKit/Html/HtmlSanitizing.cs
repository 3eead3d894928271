using Ganss.Xss;

namespace FeedKit.Html;

/// <summary>
/// The allow-list FeedKit applies to <see cref="Model.RawHtml"/> blocks, on top of HtmlSanitizer's defaults
/// (which already drop scripts, event handlers and <c>javascript:</c> URLs).
/// </summary>
internal static class HtmlSanitizing
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string html, Uri? baseUrl) =>
        Sanitizer.Sanitize(html, baseUrl?.AbsoluteUri ?? string.Empty);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();

        // Direction and language markup is what FeedKit is for: keep it.
        foreach (var tag in new[] { "bdi", "bdo", "figure", "figcaption", "cite", "q", "abbr", "time" })
        {
            sanitizer.AllowedTags.Add(tag);
        }

        foreach (var attribute in new[] { "dir", "lang" })
        {
            sanitizer.AllowedAttributes.Add(attribute);
        }

        // No styles: readers restyle content, and CSS can hide or spoof text.
        sanitizer.AllowedTags.Remove("style");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedAttributes.Remove("id");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();

        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        return sanitizer;
    }
}
