using System;

namespace FeedKit.Text;

/// <summary>Look-ups in the ISO 639 tables generated from Debian's iso-codes (<c>Data/Iso639Data.g.cs</c>).</summary>
internal static class Iso639
{
    /// <summary>
    /// True for an ISO 639-1 code or an ISO 639-2 code (T or B form, including qaa–qtz, mis, mul, und, zxx): the list the
    /// W3C Feed Validator checks RSS <c>&lt;language&gt;</c> against. Lowercase input expected.
    /// </summary>
    public static bool IsCode(string code) =>
        Array.BinarySearch(Iso639Data.Codes, code, StringComparer.Ordinal) >= 0
        || (code.Length == 3
            && string.CompareOrdinal(code, Iso639Data.LocalUseFirst) >= 0
            && string.CompareOrdinal(code, Iso639Data.LocalUseLast) <= 0);

    /// <summary>The ISO 639-1 code for an ISO 639-2 code (T or B form) that has one ("ara" → "ar", "ger" → "de"), else null.</summary>
    public static string? ToAlpha2(string alpha3)
    {
        var i = Array.BinarySearch(Iso639Data.Alpha3WithAlpha2, alpha3, StringComparer.Ordinal);
        return i >= 0 ? Iso639Data.Alpha2OfAlpha3[i] : null;
    }
}
