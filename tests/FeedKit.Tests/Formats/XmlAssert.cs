using System.Xml.Linq;

namespace FeedKit.Tests.Formats;

internal static class Xml
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace Media = "http://search.yahoo.com/mrss/";
    public static readonly XName Lang = XNamespace.Xml + "lang";

    public static XDocument Parse(string xml) => XDocument.Parse(xml, LoadOptions.None);
}
