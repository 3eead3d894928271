using System;
using System.Collections.Generic;

namespace FeedKit.Text;

/// <summary>
/// The usual writing direction of a language tag: from its script subtag when it has one (generated from the UCD's
/// Scripts.txt), else from the language. The language lists are hand-kept and deliberately partial: a language missing
/// from both lists gives <see langword="null"/>, so callers fall back to the text's first strong character rather than
/// trusting a guess.
/// </summary>
internal static class LanguageDirections
{
    /// <summary>Languages whose usual script is right to left (Arabic, Hebrew, Thaana, Syriac, N'Ko, Hanifi Rohingya, ...).</summary>
    private static readonly HashSet<string> RightToLeft = new(StringComparer.Ordinal)
    {
        "abv", "acm", "acq", "acw", "acx", "aeb", "aec", "afb", "ajp", "apc", "apd", "ar", "arb", "arc", "arq", "ars",
        "ary", "arz", "avl", "ayh", "ayl", "ayn", "ayp", "azb", "bal", "bcc", "bgn", "bgp", "bqi", "brh", "ckb", "dv",
        "fa", "glk", "haz", "hbo", "he", "jpr", "jrb", "khw", "ks", "lki", "lrc", "luz", "mid", "myz", "mzn", "nqo",
        "ota", "pbt", "pbu", "pes", "pnb", "prs", "ps", "pst", "rhg", "sam", "sd", "sdh", "shu", "skr", "ssh", "syr",
        "ug", "ur", "uzs", "ydd", "yi", "yih",
    };

    /// <summary>
    /// Common languages whose usual script is left to right. Not here on purpose: "ku" (Kurmanji is Latin, Sorani and
    /// Iraqi/Iranian Kurdish are Arabic), "und", "mul", "zxx", "mis" and private-use codes.
    /// </summary>
    private static readonly HashSet<string> LeftToRight = new(StringComparer.Ordinal)
    {
        "af", "ak", "am", "an", "as", "ast", "az", "ba", "be", "bg", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ceb", "chr",
        "cmn", "co", "cs", "cv", "cy", "da", "de", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "ff", "fi", "fil", "fj",
        "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gsw", "gu", "gv", "ha", "hak", "haw", "hi", "hmn", "hr", "hsb", "ht",
        "hu", "hy", "ia", "id", "ig", "is", "it", "iu", "ja", "jv", "ka", "kk", "kl", "km", "kn", "ko", "kok", "ky", "la",
        "lb", "lg", "ln", "lo", "lt", "lu", "lv", "mai", "mg", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "nan", "nb",
        "nds", "ne", "nl", "nn", "no", "nso", "ny", "oc", "om", "or", "os", "pa", "pl", "pt", "qu", "rm", "rn", "ro", "ru",
        "rw", "sa", "sc", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta",
        "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tpi", "tr", "ts", "tt", "ty", "uk", "uz", "ve", "vi", "wo", "wuu",
        "xh", "yo", "yue", "za", "zh", "zu",
    };

    /// <summary>The direction for a parsed tag, or null when FeedKit cannot tell.</summary>
    public static TextDirection? Of(string language, string? script, string? region)
    {
        if (language == "x")
        {
            return null;
        }

        if (script is not null)
        {
            return Contains(BidiData.RightToLeftScripts, script) ? TextDirection.RightToLeft
                : Contains(BidiData.LeftToRightScripts, script) ? TextDirection.LeftToRight
                : null;
        }

        // Where a country writes the language in another script than usual (CLDR's likely subtags agree).
        var byRegion = (language, region) switch
        {
            ("pa", "PK") or ("uz", "AF") or ("az", "IR") or ("ku", "IQ") or ("ku", "IR") or ("kk", "CN") or ("ky", "CN")
                => TextDirection.RightToLeft,
            ("ku", "TR") => TextDirection.LeftToRight,
            _ => (TextDirection?)null,
        };

        return byRegion
            ?? (RightToLeft.Contains(language) ? TextDirection.RightToLeft
                : LeftToRight.Contains(language) ? TextDirection.LeftToRight
                : null);
    }

    private static bool Contains(string[] sorted, string value) =>
        Array.BinarySearch(sorted, value, StringComparer.Ordinal) >= 0;

    /// <summary>For tests: the hand-kept lists.</summary>
    internal static IEnumerable<string> RightToLeftLanguages => RightToLeft;

    /// <summary>For tests: the hand-kept lists.</summary>
    internal static IEnumerable<string> LeftToRightLanguages => LeftToRight;
}
