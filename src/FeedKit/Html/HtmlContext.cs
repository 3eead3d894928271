using FeedKit.Text;

namespace FeedKit.Html;

/// <summary>
/// The language and direction that the surrounding HTML has already declared, and the article's URL, against which
/// relative links in raw HTML are resolved.
/// </summary>
internal readonly record struct HtmlContext(LanguageTag? Language, TextDirection Direction, Uri? BaseUrl = null);
