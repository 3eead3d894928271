using System.Collections.Immutable;

namespace FeedKit.Readers;

/// <summary>How <see cref="PlainTextArticleReader"/> reads a plain-text article.</summary>
public sealed record PlainTextOptions
{
    /// <summary>The default options.</summary>
    public static PlainTextOptions Default { get; } = new();

    /// <summary>
    /// Page chrome that scrapers leave at the end of an article: blocks equal to one of these (ignoring case and
    /// surrounding whitespace) are removed from the end of the text, however many follow one another. Only
    /// the end is trimmed, so the same words inside the article are kept.
    /// </summary>
    public ImmutableArray<string> TrailingChrome { get; init; } =
    [
        // Arabic
        "مقالات ذات صلة", "مواضيع ذات صلة", "أخبار ذات صلة", "اقرأ أيضا", "اقرأ أيضاً", "زر الذهاب إلى الأعلى", "العودة إلى الأعلى", "شارك", "شارك هذا المقال",
        // Hebrew
        "כתבות נוספות", "כתבות קשורות", "חזרה למעלה", "שתפו",
        // Persian
        "مطالب مرتبط", "اخبار مرتبط", "بازگشت به بالا", "اشتراک‌گذاری",
        // Urdu
        "متعلقہ مضامین", "واپس اوپر جائیں",
        // English
        "Related articles", "Related posts", "Related stories", "Read more", "Read also", "Back to top", "Go to top", "Share this", "Share this article", "Share",
    ];

    /// <summary>
    /// The longest block, in characters, that can be a subheading. A subheading is a short block without
    /// closing punctuation that is followed by a paragraph. Default 80.
    /// </summary>
    public int SubheadingMaxLength { get; init; } = 80;
}
