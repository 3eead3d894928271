using FeedKit.Text;

namespace FeedKit.Html;

/// <summary>The language and direction that the surrounding HTML has already declared.</summary>
internal readonly record struct HtmlContext(LanguageTag? Language, TextDirection Direction);
