namespace FeedKit.Extensions;

/// <summary>
/// Namespaced data that a feed (<see cref="Model.FeedInfo.Extensions"/>), an article
/// (<see cref="Model.Article.Extensions"/>) or a media file (<see cref="Model.MediaAttachment.Extensions"/>) carries,
/// together with how it is checked and written in each format. This is FeedKit's one extension mechanism: Media RSS,
/// WebSub hub links, RFC 5005 history and Dublin Core are written through it too.
/// </summary>
/// <remarks>
/// <para>Derive a record from it, holding your data, and override what applies:</para>
/// <list type="bullet">
/// <item><see cref="Namespace"/>: the XML namespace of your elements. FeedKit declares it once, on the root element;
/// never on an item.</item>
/// <item><see cref="WriteXml"/> (both XML formats), or <see cref="WriteAtom"/> and <see cref="WriteRss"/> apart, and
/// <see cref="WriteJson"/>: your elements in each format. In JSON Feed they go into your own object,
/// <c>"_prefix": { … }</c>, as JSON Feed 1.1 asks of extensions.</item>
/// <item><see cref="Validate"/>: your rules. Errors stop the feed from being written, like FeedKit's own, and are
/// reported with a path such as <c>articles[3].Extensions[0].Rating</c>.</item>
/// </list>
/// <para>Where it is written: a feed's extensions after the feed's own elements (Atom <c>feed</c>, RSS <c>channel</c>,
/// the JSON Feed top level), an article's at the end of its entry or item, a media file's inside its
/// <c>media:content</c> (XML) or its attachment (JSON Feed).</para>
/// <para>A streamed feed's root element is written before its articles are read: declare the namespaces that only
/// articles use in <see cref="Model.FeedInfo.Namespaces"/>. A feed written from a list declares them by itself.</para>
/// </remarks>
/// <example>
/// <code>
/// public sealed record Rating(int Stars) : FeedExtension
/// {
///     public static readonly XmlNamespace Ns = new("ex", "https://example.com/ns/rating/1.0");
///     public override XmlNamespace Namespace => Ns;
///     protected override void Validate(ExtensionValidator check)
///     {
///         if (Stars is &lt; 1 or &gt; 5) check.Error("Stars", $"{Stars} is not between 1 and 5");
///     }
///     protected override void WriteXml(XmlExtensionWriter xml) => xml.WriteElement("rating", Stars);
///     protected override void WriteJson(JsonExtensionWriter json) => json.WriteNumber("rating", Stars);
/// }
/// </code>
/// </example>
public abstract record FeedExtension
{
    /// <summary>Creates the extension.</summary>
    protected FeedExtension()
    {
    }

    /// <summary>
    /// The namespace of the elements this extension writes in Atom and RSS, declared once on the root element; also
    /// the name of its JSON Feed object. Null for an extension that writes only the formats' own elements.
    /// </summary>
    public abstract XmlNamespace? Namespace { get; }

    /// <summary>Checks the extension's data; report problems on <paramref name="check"/>. Nothing by default.</summary>
    /// <param name="check">Where to report, with helpers for texts and links.</param>
    protected virtual void Validate(ExtensionValidator check)
    {
    }

    /// <summary>Writes the extension's elements in both XML formats, unless <see cref="WriteAtom"/> or <see cref="WriteRss"/> says otherwise. Nothing by default.</summary>
    /// <param name="xml">Where to write.</param>
    protected virtual void WriteXml(XmlExtensionWriter xml)
    {
    }

    /// <summary>Writes the extension's elements in Atom; <see cref="WriteXml"/> by default.</summary>
    /// <param name="xml">Where to write.</param>
    protected virtual void WriteAtom(XmlExtensionWriter xml) => WriteXml(xml);

    /// <summary>Writes the extension's elements in RSS; <see cref="WriteXml"/> by default.</summary>
    /// <param name="xml">Where to write.</param>
    protected virtual void WriteRss(XmlExtensionWriter xml) => WriteXml(xml);

    /// <summary>Writes the extension's members in JSON Feed, inside its <c>"_prefix"</c> object. Nothing by default.</summary>
    /// <param name="json">Where to write.</param>
    protected virtual void WriteJson(JsonExtensionWriter json)
    {
    }

    /// <summary>
    /// Namespaces besides <see cref="Namespace"/> that this extension writes elements in, declared with it (FeedKit's
    /// podcast extensions write both the iTunes and the Podcasting 2.0 namespace).
    /// </summary>
    internal virtual System.Collections.Immutable.ImmutableArray<XmlNamespace> OtherNamespaces => [];

    /// <summary>Runs <see cref="Validate"/> (FeedKit's validation layer calls this).</summary>
    internal void RunValidate(ExtensionValidator check) => Validate(check);

    /// <summary>Runs <see cref="WriteAtom"/> or <see cref="WriteRss"/> (FeedKit's XML writers call this).</summary>
    internal void RunWriteXml(XmlExtensionWriter xml)
    {
        if (xml.Format == FeedFormat.Atom)
        {
            WriteAtom(xml);
        }
        else
        {
            WriteRss(xml);
        }
    }

    /// <summary>Runs <see cref="WriteJson"/> (FeedKit's JSON Feed writer calls this).</summary>
    internal void RunWriteJson(JsonExtensionWriter json) => WriteJson(json);
}
