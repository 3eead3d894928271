using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace FeedKit.Text;

/// <summary>
/// Checks a language tag against the RFC 5646 §2.1 grammar and builds its canonical form. Each error message quotes the
/// input, says what is wrong and where, and suggests a fix when one is obvious: these messages reach people who typed a
/// tag into a config file, not only programmers.
/// </summary>
internal static class LanguageTagParser
{
    /// <summary>RFC 5646 sets no limit; real tags stay far below this, and it keeps hostile input out of messages.</summary>
    public const int MaxLength = 128;

    /// <summary>The parts of a well-formed tag, in canonical case.</summary>
    internal readonly record struct Parts(string Value, string Language, string? Script, string? Region);

    private enum Position { Language, ExtLang, Script, Region, Variant }

    /// <summary>Parses <paramref name="input"/>; on failure returns false with a message for a <see cref="FormatException"/>.</summary>
    public static bool TryParse(string input, out Parts parts, [NotNullWhen(false)] out string? error)
    {
        parts = default;
        error = Check(input, ref parts);
        return error is null;
    }

    private static string? Check(string input, ref Parts parts)
    {
        if (IsBlank(input))
        {
            return "A language tag cannot be empty.";
        }

        if (input.Length > MaxLength)
        {
            return Fail(input, "it is " + AsciiText.Decimal(input.Length) + " characters long; FeedKit accepts at most " + AsciiText.Decimal(MaxLength) + ".");
        }

        if (CheckCharacters(input) is { } characterError)
        {
            return characterError;
        }

        var lower = AsciiText.ToLower(input);
        if (Grandfathered(lower, out var preferred))
        {
            return preferred is null
                ? Fail(input, "it is one of the grandfathered tags of RFC 5646 §2.2.8 that has no modern replacement, and FeedKit does not accept those. Use the language code of the content instead, e.g. \"en\".")
                : Check(preferred, ref parts);
        }

        var subtags = lower.Split('-');
        var starts = new int[subtags.Length];
        for (int i = 1, at = 0; i < subtags.Length; i++)
        {
            at += subtags[i - 1].Length + 1;
            starts[i] = at;
        }

        return CheckPrimary(input, subtags[0])
            ?? CheckLengths(input, subtags, starts)
            ?? Build(input, subtags, starts, ref parts);
    }

    /// <summary>Only ASCII letters, digits and '-'; no empty subtags. Catches "ar_SA", " ar", "ar-", "ar--SA", "العربية".</summary>
    private static string? CheckCharacters(string input)
    {
        if (input.IndexOf('_', StringComparison.Ordinal) >= 0)
        {
            return Fail(input, "subtags are separated by '-', not '_'.", SuggestionFor(input, input.Replace('_', '-')));
        }

        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (char.IsWhiteSpace(c))
            {
                var words = input.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                return Fail(input, "it contains whitespace at index " + AsciiText.Decimal(i) + ".", SuggestionFor(input, string.Join("-", words)));
            }

            if (c != '-' && !AsciiText.IsLetterOrDigit(c))
            {
                return Fail(input, "the character " + Describe(input, i) + " at index " + AsciiText.Decimal(i) + " (in the subtag \"" + SubtagAround(input, i) + "\") is not allowed: a language tag has only ASCII letters, digits and '-'.");
            }

            if (c == '-' && (i == 0 || i == input.Length - 1 || input[i - 1] == '-'))
            {
                var where = i == 0 ? "it starts with '-'" : i == input.Length - 1 ? "it ends with '-'" : "it has an empty subtag (\"--\")";
                return Fail(input, where + " at index " + AsciiText.Decimal(i) + ".", SuggestionFor(input, string.Join("-", input.Split(new[] { '-' }, StringSplitOptions.RemoveEmptyEntries))));
            }
        }

        return null;
    }

    private static string? CheckPrimary(string input, string primary)
    {
        if (primary.Length is 2 or 3 && AsciiText.AllLetters(primary))
        {
            return null;
        }

        if (primary == "x")
        {
            return input.Length > 1 ? null : Fail(input, "a private-use tag needs at least one subtag after \"x-\", e.g. \"x-mytag\".");
        }

        if (primary.Length == 1)
        {
            return Fail(input, "it starts with the single letter \"" + primary + "\"; a tag starts with a language code (2 or 3 letters, e.g. \"ar\") or, for private use, with \"x-\".");
        }

        var reason = "the primary subtag \"" + primary + "\" is not a language code: language codes are 2 or 3 letters (ISO 639), e.g. \"ar\", \"fa\" or \"ckb\".";
        if (CodeForName(primary) is { } code)
        {
            var rest = input.Substring(primary.Length);
            return Fail(input, reason, SuggestionFor(input, code + rest) ?? code);
        }

        return Fail(input, reason);
    }

    private static string? CheckLengths(string input, string[] subtags, int[] starts)
    {
        for (var i = 1; i < subtags.Length; i++)
        {
            if (subtags[i].Length > 8)
            {
                return Fail(input, "the subtag \"" + Original(input, subtags[i], starts[i]) + "\" at index " + AsciiText.Decimal(starts[i]) + " is " + AsciiText.Decimal(subtags[i].Length) + " characters long; subtags have at most 8.");
            }
        }

        return null;
    }

    /// <summary>Walks the subtags through the grammar's positions and writes the canonical form (subtags are lowercase here).</summary>
    private static string? Build(string input, string[] subtags, int[] starts, ref Parts parts)
    {
        var language = subtags[0];
        var canonical = new List<string>(subtags.Length);
        string? script = null, region = null;
        var variants = new HashSet<string>(StringComparer.Ordinal);
        var extensions = new SortedDictionary<char, List<string>>();
        var position = Position.Language;

        if (language == "x")
        {
            parts = new Parts(string.Join("-", subtags), "x", null, null);
            return null;
        }

        language = language switch
        {
            "iw" => "he",
            "ji" => "yi",
            "in" => "id",
            "jw" => "jv",
            "mo" => "ro",
            _ => Iso639.ToAlpha2(language) ?? language,
        };
        canonical.Add(language);

        for (var i = 1; i < subtags.Length; i++)
        {
            var s = subtags[i];
            var at = " at index " + AsciiText.Decimal(starts[i]);
            var quoted = "\"" + Original(input, s, starts[i]) + "\"";

            if (s == "x")
            {
                if (i == subtags.Length - 1)
                {
                    return Fail(input, "the private-use marker \"x\"" + at + " needs at least one subtag after it, e.g. \"x-mytag\".");
                }

                var privateUse = new List<string>(subtags.Length - i);
                for (; i < subtags.Length; i++)
                {
                    privateUse.Add(subtags[i]);
                }

                return Finish(canonical, extensions, privateUse, language, script, region, ref parts);
            }

            if (s.Length == 1)
            {
                var subtagsAfter = new List<string>();
                while (i + 1 < subtags.Length && subtags[i + 1].Length > 1)
                {
                    subtagsAfter.Add(subtags[++i]);
                }

                if (subtagsAfter.Count == 0)
                {
                    return Fail(input, "the extension " + quoted + at + " needs at least one subtag of 2 to 8 letters or digits after it.");
                }

                if (extensions.ContainsKey(s[0]))
                {
                    return Fail(input, "the extension " + quoted + at + " appears twice; each extension singleton may appear only once.");
                }

                // Every longer subtag up to the next singleton belongs to the extension, so nothing else can follow it.
                extensions.Add(s[0], subtagsAfter);
                continue;
            }

            if (s.Length == 3 && AsciiText.AllLetters(s))
            {
                if (position == Position.Language)
                {
                    position = Position.ExtLang;
                    canonical.Add(s);
                    continue;
                }

                return Fail(input, position == Position.ExtLang
                    ? "the subtag " + quoted + at + " would be a second extended language subtag, which RFC 5646 reserves and never allows."
                    : "the subtag " + quoted + at + " looks like an extended language subtag, which must come right after the primary language subtag.");
            }

            if (s.Length == 4 && AsciiText.AllLetters(s))
            {
                if (position >= Position.Script)
                {
                    return Fail(input, "the script subtag " + quoted + at + " is out of place: a script comes right after the language, before the region.");
                }

                script = AsciiText.ToTitle(s);
                canonical.Add(script);
                position = Position.Script;
                continue;
            }

            if ((s.Length == 2 && AsciiText.AllLetters(s)) || (s.Length == 3 && AsciiText.AllDigits(s)))
            {
                if (position >= Position.Region)
                {
                    return Fail(input, "the region subtag " + quoted + at + " is out of place: a tag has at most one region, after the language and script and before any variants.");
                }

                region = AsciiText.ToUpper(s);
                canonical.Add(region);
                position = Position.Region;
                continue;
            }

            if (s.Length >= 5 || (s.Length == 4 && AsciiText.IsDigit(s[0])))
            {
                if (!variants.Add(s))
                {
                    return Fail(input, "the variant " + quoted + at + " appears twice.");
                }

                canonical.Add(s);
                position = Position.Variant;
                continue;
            }

            return Fail(input, "the subtag " + quoted + at + " is none of: script (4 letters), region (2 letters or 3 digits), variant (5 to 8 letters or digits, or a digit and 3 letters or digits).");
        }

        return Finish(canonical, extensions, null, language, script, region, ref parts);
    }

    /// <summary>Appends extensions in singleton order (RFC 5646 §4.5) and then private use.</summary>
    private static string? Finish(
        List<string> canonical,
        SortedDictionary<char, List<string>> extensions,
        List<string>? privateUse,
        string language,
        string? script,
        string? region,
        ref Parts parts)
    {
        foreach (var extension in extensions)
        {
            canonical.Add(new string(extension.Key, 1));
            canonical.AddRange(extension.Value);
        }

        if (privateUse is not null)
        {
            canonical.AddRange(privateUse);
        }

        parts = new Parts(string.Join("-", canonical), language, script, region);
        return null;
    }

    /// <summary>
    /// The irregular and regular grandfathered tags of RFC 5646 §2.2.8, matched whole. Those with an IANA Preferred-Value
    /// are replaced by it; the rest (i-default, i-enochian, i-mingo, cel-gaulish, zh-min) are refused.
    /// </summary>
    private static bool Grandfathered(string lower, out string? preferred)
    {
        preferred = lower switch
        {
            "en-gb-oed" => "en-GB-oxendict",
            "i-ami" => "ami",
            "i-bnn" => "bnn",
            "i-hak" => "hak",
            "i-klingon" => "tlh",
            "i-lux" => "lb",
            "i-navajo" => "nv",
            "i-pwn" => "pwn",
            "i-tao" => "tao",
            "i-tay" => "tay",
            "i-tsu" => "tsu",
            "sgn-be-fr" => "sfb",
            "sgn-be-nl" => "vgt",
            "sgn-ch-de" => "sgg",
            "art-lojban" => "jbo",
            "no-bok" => "nb",
            "no-nyn" => "nn",
            "zh-guoyu" => "cmn",
            "zh-hakka" => "hak",
            "zh-min-nan" => "nan",
            "zh-xiang" => "hsn",
            _ => null,
        };
        return preferred is not null || lower is "i-default" or "i-enochian" or "i-mingo" or "cel-gaulish" or "zh-min";
    }

    /// <summary>English names people put where a code belongs ("arabic"), lowercase.</summary>
    private static string? CodeForName(string name) => name switch
    {
        "arabic" => "ar",
        "hebrew" => "he",
        "persian" or "farsi" => "fa",
        "dari" => "prs",
        "urdu" => "ur",
        "pashto" or "pashtu" or "pushto" => "ps",
        "kurdish" => "ku",
        "sorani" => "ckb",
        "sindhi" => "sd",
        "uyghur" or "uighur" => "ug",
        "yiddish" => "yi",
        "dhivehi" or "divehi" or "maldivian" => "dv",
        "syriac" => "syr",
        "english" => "en",
        "french" => "fr",
        "german" => "de",
        "spanish" => "es",
        "italian" => "it",
        "portuguese" => "pt",
        "russian" => "ru",
        "chinese" or "mandarin" => "zh",
        "japanese" => "ja",
        "korean" => "ko",
        "hindi" => "hi",
        "bengali" or "bangla" => "bn",
        "punjabi" or "panjabi" => "pa",
        "turkish" => "tr",
        "dutch" => "nl",
        "polish" => "pl",
        "swedish" => "sv",
        "greek" => "el",
        "ukrainian" => "uk",
        "indonesian" => "id",
        "malay" => "ms",
        "swahili" => "sw",
        "thai" => "th",
        "vietnamese" => "vi",
        "azerbaijani" or "azeri" => "az",
        "hausa" => "ha",
        "somali" => "so",
        "amharic" => "am",
        "tamil" => "ta",
        _ => null,
    };

    private static string Fail(string input, string reason, string? suggestion = null) =>
        "\"" + Shorten(input) + "\" is not a valid language tag: " + reason
        + (suggestion is null ? string.Empty : " Did you mean \"" + suggestion + "\"?");

    /// <summary>
    /// The canonical form of a repaired tag, if the repair changed something and parses; else null (no suggestion beats a
    /// wrong one). Each repair removes a fault, so the recursion ends.
    /// </summary>
    private static string? SuggestionFor(string input, string candidate)
    {
        var parts = default(Parts);
        return candidate != input && !IsBlank(candidate) && Check(candidate, ref parts) is null ? parts.Value : null;
    }

    private static bool IsBlank(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Shorten(string input) => input.Length <= 60 ? input : input.Substring(0, 60) + "…";

    /// <summary>The subtag as the user typed it (same offsets: lowercasing keeps the length).</summary>
    private static string Original(string input, string lowerSubtag, int start) => input.Substring(start, lowerSubtag.Length);

    private static string SubtagAround(string input, int index)
    {
        var start = input.LastIndexOf('-', index) + 1;
        var end = input.IndexOf('-', index);
        return input.Substring(start, (end < 0 ? input.Length : end) - start);
    }

    /// <summary>"'م' (U+0645)"; a surrogate pair as one code point; controls and lone surrogates by number only.</summary>
    private static string Describe(string input, int index)
    {
        var c = input[index];
        if (char.IsHighSurrogate(c) && index + 1 < input.Length && char.IsLowSurrogate(input[index + 1]))
        {
            return "'" + input.Substring(index, 2) + "' (" + AsciiText.CodePoint(char.ConvertToUtf32(c, input[index + 1])) + ")";
        }

        return (char.IsControl(c) || char.IsSurrogate(c) ? string.Empty : "'" + new string(c, 1) + "' ") + "(" + AsciiText.CodePoint(c) + ")";
    }
}
