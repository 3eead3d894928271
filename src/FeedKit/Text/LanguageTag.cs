using System;

namespace FeedKit.Text;

/// <summary>
/// A well-formed BCP 47 (RFC 5646) language tag in canonical form, e.g. "ar-EG", "zh-Hant-TW", "en-x-foo". Immutable;
/// equal when the canonical strings are equal (ordinal).
/// </summary>
/// <remarks>
/// <para>
/// Parsing checks the RFC 5646 §2.1 grammar, not the IANA registry: "zz-QQ" is accepted, but so is every real tag. It
/// also refuses a few well-formed things no real tag has (primary subtags of 4 to 8 letters such as "arabic", a second
/// extended language subtag, duplicate variants or extensions) and tags longer than 128 characters.
/// </para>
/// <para>
/// Canonical form: language lowercase, script title case, region uppercase, everything else lowercase, extensions sorted
/// by singleton; the deprecated codes iw, ji, in, jw, mo become he, yi, id, jv, ro; an ISO 639-2 code with an ISO 639-1
/// equivalent becomes the 2-letter code ("ara" → "ar", "per" → "fa", "ger" → "de"). Extended language subtags are kept
/// ("ar-arz" stays "ar-arz"), because the W3C Feed Validator accepts the primary "ar" but not "arz".
/// </para>
/// <para>
/// Grandfathered tags (RFC 5646 §2.2.8) with a preferred value are replaced by it ("i-klingon" → "tlh", "zh-min-nan" →
/// "nan", "art-lojban" → "jbo", "en-GB-oed" → "en-GB-oxendict"); those without one (i-default, i-enochian, i-mingo,
/// cel-gaulish, zh-min) are refused.
/// </para>
/// </remarks>
public sealed class LanguageTag : IEquatable<LanguageTag>
{
    private LanguageTag(string value, string language, string? script, string? region)
    {
        Value = value;
        Language = language;
        Script = script;
        Region = region;
        IsIso639 = language != "x" && Iso639.IsCode(language);
        Direction = LanguageDirections.Of(language, script, region);
    }

    /// <summary>The canonical tag, e.g. "ar-EG", "zh-Hant-TW", "sr-Latn", "en-x-foo".</summary>
    public string Value { get; }

    /// <summary>The primary language subtag, lowercase ("ar"); "x" for a private-use-only tag such as "x-foo".</summary>
    public string Language { get; }

    /// <summary>The script subtag in title case ("Arab"), or null when the tag has none.</summary>
    public string? Script { get; }

    /// <summary>The region subtag in uppercase ("EG", "419"), or null when the tag has none.</summary>
    public string? Region { get; }

    /// <summary>
    /// True when the primary subtag is an ISO 639-1 or ISO 639-2 (T or B) code: what the W3C Feed Validator accepts for
    /// RSS <c>&lt;language&gt;</c>. Codes that exist only in ISO 639-3 (ckb, prs, arz) are not.
    /// </summary>
    public bool IsIso639 { get; }

    /// <summary>
    /// The usual direction of text in this language: from the script subtag when there is one ("az-Arab", "ar-Latn"),
    /// else from the language ("ar", "he", "fa", "ur" right to left; common left-to-right languages left to right), with a
    /// few country-specific scripts ("pa-PK", "uz-AF", "az-IR", "ku-IQ"). Null when FeedKit does not know (unlisted
    /// languages, "ku", "und", private use): the caller should then look at the text's first strong character.
    /// </summary>
    public TextDirection? Direction { get; }

    /// <summary>
    /// Parses a language tag written in code, so that <c>Language = "ar"</c> reads as it should (as
    /// <see cref="System.Xml.Linq.XName"/> converts from a string): the same as <see cref="Parse"/>, which says what is
    /// wrong with a malformed tag in a <see cref="FormatException"/>. Parse tags that come from input explicitly.
    /// </summary>
    /// <param name="value">A tag such as "ar-EG" (any letter case).</param>
    /// <exception cref="FormatException">The tag is not well formed.</exception>
    public static implicit operator LanguageTag(string value) => Parse(value);

    /// <summary>Parses and canonicalises a language tag.</summary>
    /// <param name="value">A tag such as "ar-EG" (any letter case).</param>
    /// <returns>The canonical tag.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="FormatException">The tag is not well formed; the message quotes it, says why and suggests a fix where it can.</exception>
    public static LanguageTag Parse(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        return TryParse(value).Value;
    }

    /// <summary>
    /// Parses and canonicalises a language tag without throwing, keeping the explanation when it is not well formed.
    /// </summary>
    /// <param name="value">A tag such as "ar-EG" (any letter case), or null.</param>
    /// <returns>
    /// The canonical tag, or the reason it is not one: <see cref="ParseResult{T}.Error"/> is the message
    /// <see cref="Parse"/> would throw (for "ar_SA", that "_" is not allowed and "ar-SA" is probably meant).
    /// </returns>
    public static ParseResult<LanguageTag> TryParse(string? value)
    {
        if (value is null)
        {
            return ParseResult<LanguageTag>.ForError("A language tag cannot be null.");
        }

        return LanguageTagParser.TryParse(value, out var parts, out var error)
            ? ParseResult<LanguageTag>.ForValue(new LanguageTag(parts.Value, parts.Language, parts.Script, parts.Region))
            : ParseResult<LanguageTag>.ForError(error);
    }

    /// <summary>True when both are null or their canonical values are equal.</summary>
    public static bool operator ==(LanguageTag? left, LanguageTag? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>True unless both are null or their canonical values are equal.</summary>
    public static bool operator !=(LanguageTag? left, LanguageTag? right) => !(left == right);

    /// <inheritdoc/>
    public bool Equals(LanguageTag? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LanguageTag);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The canonical tag (<see cref="Value"/>).</summary>
    public override string ToString() => Value;
}
