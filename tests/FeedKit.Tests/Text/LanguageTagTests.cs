using System;
using System.Linq;
using FeedKit.Text;
using Xunit;

namespace FeedKit.Tests.Text;

public class LanguageTagTests
{
    [Theory]
    [InlineData("ar", "ar")]
    [InlineData("AR-eg", "ar-EG")]
    [InlineData("zh-hant-tw", "zh-Hant-TW")]
    [InlineData("ZH-HANT-TW", "zh-Hant-TW")]
    [InlineData("iw", "he")]
    [InlineData("iw-IL", "he-IL")]
    [InlineData("ji", "yi")]
    [InlineData("in", "id")]
    [InlineData("jw", "jv")]
    [InlineData("mo", "ro")]
    [InlineData("ara", "ar")]
    [InlineData("heb", "he")]
    [InlineData("per", "fa")]
    [InlineData("fas", "fa")]
    [InlineData("urd", "ur")]
    [InlineData("eng", "en")]
    [InlineData("fre", "fr")]
    [InlineData("fra", "fr")]
    [InlineData("ger", "de")]
    [InlineData("deu", "de")]
    [InlineData("chi", "zh")]
    [InlineData("zho-Hans", "zh-Hans")]
    [InlineData("syr", "syr")]
    [InlineData("ckb-IQ", "ckb-IQ")]
    [InlineData("en-US-x-twain", "en-US-x-twain")]
    [InlineData("sr-Latn-RS", "sr-Latn-RS")]
    [InlineData("sr-latn", "sr-Latn")]
    [InlineData("es-419", "es-419")]
    [InlineData("de-CH-1996", "de-CH-1996")]
    [InlineData("sl-rozaj-biske", "sl-rozaj-biske")]
    [InlineData("x-whatever", "x-whatever")]
    [InlineData("X-Whatever-A", "x-whatever-a")]
    [InlineData("ar-arz", "ar-arz")]
    [InlineData("en-u-ca-gregory-a-myext", "en-a-myext-u-ca-gregory")]
    [InlineData("de-DE-u-co-phonebk", "de-DE-u-co-phonebk")]
    [InlineData("en-x-US", "en-x-us")]
    [InlineData("i-klingon", "tlh")]
    [InlineData("I-HAK", "hak")]
    [InlineData("zh-min-nan", "nan")]
    [InlineData("art-lojban", "jbo")]
    [InlineData("en-GB-oed", "en-GB-oxendict")]
    [InlineData("no-bok", "nb")]
    public void Parse_gives_canonical_form(string input, string expected)
    {
        var tag = LanguageTag.Parse(input);

        Assert.Equal(expected, tag.Value);
        Assert.Equal(expected, tag.ToString());
        var again = LanguageTag.TryParse(input);
        Assert.True(again.Success);
        Assert.Equal(tag, again.Value);
        Assert.Equal(tag, LanguageTag.Parse(expected)); // canonical form is a fixed point
    }

    [Theory]
    [InlineData("zh-Hant-TW", "zh", "Hant", "TW")]
    [InlineData("es-419", "es", null, "419")]
    [InlineData("sr-Latn", "sr", "Latn", null)]
    [InlineData("ar", "ar", null, null)]
    [InlineData("x-foo", "x", null, null)]
    [InlineData("en-x-Latn-GB", "en", null, null)]
    public void Parse_exposes_the_parts(string input, string language, string? script, string? region)
    {
        var tag = LanguageTag.Parse(input);

        Assert.Equal(language, tag.Language);
        Assert.Equal(script, tag.Script);
        Assert.Equal(region, tag.Region);
    }

    [Theory]
    [InlineData("", "A language tag cannot be empty.")]
    [InlineData("   ", "A language tag cannot be empty.")]
    [InlineData("ar_SA", "\"ar_SA\"", "'-', not '_'", "Did you mean \"ar-SA\"?")]
    [InlineData("AR_sa", "\"AR_sa\"", "Did you mean \"ar-SA\"?")]
    [InlineData("arabic", "\"arabic\"", "primary subtag \"arabic\" is not a language code", "Did you mean \"ar\"?")]
    [InlineData("Arabic-EG", "\"Arabic-EG\"", "Did you mean \"ar-EG\"?")]
    [InlineData("farsi", "\"farsi\"", "Did you mean \"fa\"?")]
    [InlineData("hebrew", "\"hebrew\"", "Did you mean \"he\"?")]
    [InlineData("urdu", "\"urdu\"", "Did you mean \"ur\"?")]
    [InlineData("pashto", "\"pashto\"", "Did you mean \"ps\"?")]
    [InlineData("kurdish", "\"kurdish\"", "Did you mean \"ku\"?")]
    [InlineData("portuguese", "\"portuguese\"", "Did you mean \"pt\"?")]
    [InlineData("klingonese", "\"klingonese\"", "not a language code")]
    [InlineData("x", "\"x\"", "needs at least one subtag after \"x-\"")]
    [InlineData("en-x", "\"en-x\"", "needs at least one subtag after it")]
    [InlineData("ar-", "\"ar-\"", "ends with '-'", "index 2", "Did you mean \"ar\"?")]
    [InlineData("-ar", "\"-ar\"", "starts with '-'", "index 0")]
    [InlineData("ar--EG", "\"ar--EG\"", "empty subtag", "index 3", "Did you mean \"ar-EG\"?")]
    [InlineData("ar ", "\"ar \"", "whitespace", "Did you mean \"ar\"?")]
    [InlineData("ar SA", "\"ar SA\"", "whitespace at index 2", "Did you mean \"ar-SA\"?")]
    [InlineData("ar-😀", "'😀' (U+1F600) at index 3")]
    [InlineData("en-abcdefghi", "\"en-abcdefghi\"", "subtag \"abcdefghi\" at index 3", "at most 8")]
    [InlineData("ar-مصر", "\"ar-مصر\"", "'م' (U+0645) at index 3", "subtag \"مصر\"")]
    [InlineData("en-US-Latn", "\"en-US-Latn\"", "script subtag \"Latn\" at index 6", "out of place")]
    [InlineData("en-US-GB", "\"en-US-GB\"", "region subtag \"GB\" at index 6")]
    [InlineData("de-1996-1996", "\"de-1996-1996\"", "variant \"1996\" at index 8 appears twice")]
    [InlineData("en-a-xx-a-yy", "\"en-a-xx-a-yy\"", "extension \"a\" at index 8 appears twice")]
    [InlineData("en-u", "\"en-u\"", "extension \"u\" at index 3 needs at least one subtag")]
    [InlineData("zh-yue-cmn", "\"zh-yue-cmn\"", "second extended language subtag")]
    [InlineData("en-a1b2", "\"en-a1b2\"", "subtag \"a1b2\" at index 3 is none of")]
    [InlineData("12", "\"12\"", "not a language code")]
    [InlineData("a-foo", "\"a-foo\"", "single letter \"a\"")]
    [InlineData("i-default", "\"i-default\"", "grandfathered")]
    public void Parse_rejects_with_a_helpful_message(string input, params string[] expectedParts)
    {
        var error = Assert.Throws<FormatException>(() => LanguageTag.Parse(input));

        foreach (var part in expectedParts)
        {
            Assert.Contains(part, error.Message, StringComparison.Ordinal);
        }

        var result = LanguageTag.TryParse(input);
        Assert.False(result.TryGetValue(out var tag));
        Assert.Null(tag);
        Assert.Equal(error.Message, result.Error);
    }

    [Fact]
    public void A_tag_written_in_code_converts_from_a_string_and_a_malformed_one_explains_itself()
    {
        LanguageTag tag = "AR-eg";
        Assert.Equal("ar-EG", tag.Value);
        var error = Assert.Throws<FormatException>(() => { LanguageTag bad = "ar_SA"; });
        Assert.Equal(Assert.Throws<FormatException>(() => LanguageTag.Parse("ar_SA")).Message, error.Message);
    }

    [Fact]
    public void Parse_names_a_lone_surrogate_by_number()
    {
        // Built in code: attribute arguments cannot carry a lone surrogate (they are stored as UTF-8).
        var input = "ar-" + new string('\uD800', 1);

        var error = Assert.Throws<FormatException>(() => LanguageTag.Parse(input));

        Assert.Contains("(U+D800) at index 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_rejects_null_and_TryParse_says_so()
    {
        Assert.Throws<ArgumentNullException>(() => LanguageTag.Parse(null!));
        var result = LanguageTag.TryParse(null);
        Assert.False(result.Success);
        Assert.Equal("A language tag cannot be null.", result.Error);
    }

    [Fact]
    public void Parse_rejects_overlong_tags_without_echoing_them_whole()
    {
        var input = "en-x-" + string.Join("-", Enumerable.Repeat("abcdefgh", 20));

        var error = Assert.Throws<FormatException>(() => LanguageTag.Parse(input));

        Assert.Contains("at most 128", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 200);
    }

    [Theory]
    [InlineData("ar", true)]
    [InlineData("ara", true)]
    [InlineData("he", true)]
    [InlineData("iw", true)] // canonicalised to "he" first
    [InlineData("syr", true)]
    [InlineData("qaa", true)]
    [InlineData("qtz", true)]
    [InlineData("und", true)]
    [InlineData("mul", true)]
    [InlineData("fil", true)]
    [InlineData("en-US", true)]
    [InlineData("ckb", false)]
    [InlineData("prs", false)]
    [InlineData("arz", false)]
    [InlineData("nqo", true)] // N'Ko has had an ISO 639-2 code since 2006
    [InlineData("qua", false)] // not in the qaa–qtz range
    [InlineData("x-foo", false)]
    public void IsIso639_matches_the_ISO_639_1_and_2_lists(string input, bool expected) =>
        Assert.Equal(expected, LanguageTag.Parse(input).IsIso639);

    [Theory]
    [InlineData("ar", TextDirection.RightToLeft)]
    [InlineData("ar-EG", TextDirection.RightToLeft)]
    [InlineData("ara", TextDirection.RightToLeft)]
    [InlineData("he", TextDirection.RightToLeft)]
    [InlineData("iw", TextDirection.RightToLeft)]
    [InlineData("fa", TextDirection.RightToLeft)]
    [InlineData("ur", TextDirection.RightToLeft)]
    [InlineData("ps", TextDirection.RightToLeft)]
    [InlineData("sd", TextDirection.RightToLeft)]
    [InlineData("ug", TextDirection.RightToLeft)]
    [InlineData("yi", TextDirection.RightToLeft)]
    [InlineData("dv", TextDirection.RightToLeft)]
    [InlineData("ckb", TextDirection.RightToLeft)]
    [InlineData("syr", TextDirection.RightToLeft)]
    [InlineData("prs", TextDirection.RightToLeft)]
    [InlineData("azb", TextDirection.RightToLeft)]
    [InlineData("az-Arab", TextDirection.RightToLeft)]
    [InlineData("pa-Arab", TextDirection.RightToLeft)]
    [InlineData("pa-PK", TextDirection.RightToLeft)]
    [InlineData("ms-Arab", TextDirection.RightToLeft)]
    [InlineData("ff-Adlm", TextDirection.RightToLeft)]
    [InlineData("rhg-Rohg", TextDirection.RightToLeft)]
    [InlineData("en-Arab", TextDirection.RightToLeft)]
    [InlineData("und-Hebr", TextDirection.RightToLeft)]
    [InlineData("ar-Aran", TextDirection.RightToLeft)]
    [InlineData("ku-Arab", TextDirection.RightToLeft)]
    [InlineData("ar-Latn", TextDirection.LeftToRight)]
    [InlineData("sd-Deva", TextDirection.LeftToRight)]
    [InlineData("pa", TextDirection.LeftToRight)]
    [InlineData("az", TextDirection.LeftToRight)]
    [InlineData("ff", TextDirection.LeftToRight)]
    [InlineData("en", TextDirection.LeftToRight)]
    [InlineData("en-US", TextDirection.LeftToRight)]
    [InlineData("zh-Hant-TW", TextDirection.LeftToRight)]
    [InlineData("ja", TextDirection.LeftToRight)]
    [InlineData("ru", TextDirection.LeftToRight)]
    [InlineData("hi", TextDirection.LeftToRight)]
    [InlineData("ku-Latn", TextDirection.LeftToRight)]
    [InlineData("tr", TextDirection.LeftToRight)]
    [InlineData("ku", null)]
    [InlineData("und", null)]
    [InlineData("mul", null)]
    [InlineData("x-foo", null)]
    [InlineData("zz", null)]
    [InlineData("ar-Zyyy", null)]
    public void Direction_comes_from_script_then_language(string input, TextDirection? expected) =>
        Assert.Equal(expected, LanguageTag.Parse(input).Direction);

    [Fact]
    public void Equality_is_by_canonical_value()
    {
        var a = LanguageTag.Parse("AR-eg");
        var b = LanguageTag.Parse("ar-EG");
        var c = LanguageTag.Parse("ar");

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != c);
        Assert.False(a == null);
        Assert.True((LanguageTag?)null == null);
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void Direction_lists_do_not_overlap_and_are_lowercase_codes()
    {
        var rtl = FeedKit.Text.LanguageDirections.RightToLeftLanguages.ToArray();
        var ltr = FeedKit.Text.LanguageDirections.LeftToRightLanguages.ToArray();

        Assert.Empty(rtl.Intersect(ltr, StringComparer.Ordinal));
        Assert.True(ltr.Length >= 60);
        Assert.All(rtl.Concat(ltr), code => Assert.Equal(code, LanguageTag.Parse(code).Value));
    }
}
