using System.Text;
using System.Xml;
using FeedKit.Xml;

namespace FeedKit.Tests.Fuzz;

/// <summary>
/// Inputs that bench/FeedKit.Fuzz found breaking the fuzzing property (docs/fuzzing.md), each reduced to the calls
/// that matter, so the bug cannot come back unnoticed.
/// </summary>
public sealed class FuzzRegressionTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("rel")]
    [InlineData("xml:lang")]
    public void A_duplicate_attribute_is_refused_like_XmlWriter_not_written_as_malformed_XML(string name)
    {
        // Found by the xmlwriter target: XmlWriter threw "'a' is a duplicate attribute name.", Utf8XmlWriter wrote
        // <x a="1" a="2" />, which no XML parser reads.
        var reference = XmlWriter.Create(new MemoryStream());
        reference.WriteStartElement("x");
        WriteAttribute(reference, name, "1");
        Assert.Throws<XmlException>(() => WriteAttribute(reference, name, "2"));

        var output = new MemoryStream();
        var writer = new Utf8XmlWriter(output, indent: false);
        writer.WriteStartElement("x");
        writer.WriteAttributeString(name, "1");
        Assert.Throws<ArgumentException>(() => writer.WriteAttributeString(name, "2"));
        Assert.Throws<InvalidOperationException>(() => writer.WriteString("more"));
        writer.Dispose();
        Assert.Equal($"<?xml version=\"1.0\" encoding=\"utf-8\"?><x {name}=\"1\"", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public void The_same_attribute_name_on_sibling_and_nested_elements_is_still_written()
    {
        var output = new MemoryStream();
        using (var writer = new Utf8XmlWriter(output, indent: false))
        {
            writer.WriteStartElement("x");
            writer.WriteAttributeString("a", "1");
            writer.WriteAttributeString("b", "2");
            writer.WriteStartElement("y");
            writer.WriteAttributeString("a", "3");
            writer.WriteEndElement();
            writer.WriteStartElement("y");
            for (var i = 0; i < 20; i++)
            {
                writer.WriteAttributeString("a" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "v");
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        var document = new XmlDocument();
        document.LoadXml(Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal(20, document.DocumentElement!.ChildNodes[1]!.Attributes!.Count);
        Assert.Equal("3", document.DocumentElement.ChildNodes[0]!.Attributes!["a"]!.Value);
    }

    private static void WriteAttribute(XmlWriter writer, string name, string value)
    {
        if (name.StartsWith("xml:", StringComparison.Ordinal))
        {
            writer.WriteAttributeString("xml", name[4..], "http://www.w3.org/XML/1998/namespace", value);
        }
        else
        {
            writer.WriteAttributeString(name, value);
        }
    }
}
