// TEMPORARY stub until the real Text folder lands. Delete.
using System.Diagnostics.CodeAnalysis;
namespace FeedKit.Text;
#pragma warning disable CS1591
public enum TextDirection { LeftToRight, RightToLeft }
[Flags] public enum StrongDirections { None = 0, LeftToRight = 1, RightToLeft = 2, Both = 3 }
public sealed class LanguageTag : IEquatable<LanguageTag>
{
    private LanguageTag(string v) { Value = v; Language = v.Split('-')[0]; }
    public static LanguageTag Parse(string value) => new(value);
    public static bool TryParse(string? value, [NotNullWhen(true)] out LanguageTag? tag) { tag = value is null ? null : new(value); return tag != null; }
    public string Value { get; }
    public string Language { get; }
    public bool IsIso639 => true;
    public TextDirection? Direction => Language is "ar" or "he" or "fa" ? TextDirection.RightToLeft : Language is "en" ? TextDirection.LeftToRight : null;
    public bool Equals(LanguageTag? other) => other is not null && other.Value == Value;
    public override bool Equals(object? obj) => Equals(obj as LanguageTag);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);
    public override string ToString() => Value;
}
public static class Bidi
{
    public static TextDirection? FirstStrongDirection(ReadOnlySpan<char> text) { foreach (var c in text) { if (c >= 0x590 && c < 0x900) return TextDirection.RightToLeft; if (char.IsLetter(c)) return TextDirection.LeftToRight; } return null; }
    public static StrongDirections ScanStrong(ReadOnlySpan<char> text) { var r = StrongDirections.None; foreach (var c in text) { if (c >= 0x590 && c < 0x900) r |= StrongDirections.RightToLeft; else if (char.IsLetter(c)) r |= StrongDirections.LeftToRight; } return r; }
}
public static class FirstStrongGuard
{
    public static string Apply(string text, TextDirection direction) => text;
}
