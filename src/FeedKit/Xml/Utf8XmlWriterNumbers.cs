using System.Globalization;

namespace FeedKit.Xml;

/// <summary>Numbers in XML attributes, in ASCII digits whatever the culture, without allocating.</summary>
internal static class Utf8XmlWriterNumbers
{
    /// <summary>An attribute holding a whole number.</summary>
    public static void WriteNumberAttribute(this Utf8XmlWriter xml, string name, long value)
    {
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        xml.WriteAttributeString(name, digits[..length]);
    }
}
