using System.Globalization;

using FeedKit.Xml;

namespace FeedKit.Extensions;

/// <summary>
/// Writes an extension's elements into an Atom or RSS document (see <see cref="FeedExtension.WriteXml"/>). Elements are
/// named by their local name in the extension's own namespace (<c>rating</c> becomes <c>ex:rating</c>), or in another
/// namespace the document declares. Whatever an extension starts it must end before it returns.
/// </summary>
public sealed class XmlExtensionWriter : ExtensionContext
{
    private readonly Utf8XmlWriter _xml;
    private readonly Func<string, string?> _prefixOf;
    private readonly Dictionary<(string Uri, string LocalName), string> _names = [];
    private XmlNamespace? _namespace;
    private int _depth;

    internal XmlExtensionWriter(Utf8XmlWriter xml, Func<string, string?> prefixOf)
    {
        _xml = xml;
        _prefixOf = prefixOf;
    }

    /// <summary>Starts an element in the extension's own namespace.</summary>
    /// <param name="localName">The element's local name, such as <c>rating</c>.</param>
    /// <exception cref="InvalidOperationException">The extension has no <see cref="FeedExtension.Namespace"/>.</exception>
    public void WriteStartElement(string localName) =>
        WriteStartElement(_namespace ?? throw new InvalidOperationException("this extension has no Namespace: name the namespace of the element"), localName);

    /// <summary>Starts an element in a namespace the document declares (its own, or an extension's).</summary>
    /// <param name="ns">The namespace.</param>
    /// <param name="localName">The element's local name.</param>
    /// <exception cref="InvalidOperationException">The namespace is not declared on the document's root element.</exception>
    public void WriteStartElement(XmlNamespace ns, string localName)
    {
        ArgumentNullException.ThrowIfNull(ns);
        WriteStartElementRaw(Qualify(ns, localName));
    }

    /// <summary>Adds an attribute (no namespace, or <c>xml:lang</c>) to the element just started.</summary>
    /// <param name="name">The attribute's name.</param>
    /// <param name="value">Its value.</param>
    public void WriteAttribute(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (name != "xml:lang" && !XmlNamespace.IsName(name))
        {
            throw new ArgumentException($"\"{name}\" is not an attribute name FeedKit writes for extensions", nameof(name));
        }

        _xml.WriteAttributeString(name, value);
    }

    /// <summary>Adds an attribute holding a whole number, in ASCII digits whatever the culture.</summary>
    /// <param name="name">The attribute's name.</param>
    /// <param name="value">Its value.</param>
    public void WriteAttribute(string name, long value) => WriteAttribute(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes text inside the current element (escaped as XML needs).</summary>
    /// <param name="text">The text; check it in <see cref="FeedExtension.Validate"/> with <see cref="ExtensionValidator.CheckText"/>.</param>
    public void WriteString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_depth == 0)
        {
            throw new InvalidOperationException("text must be inside an element the extension started");
        }

        _xml.WriteString(text);
    }

    /// <summary>Ends the element started last.</summary>
    public void WriteEndElement()
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("no element of this extension is open");
        }

        _depth--;
        _xml.WriteEndElement();
    }

    /// <summary>Writes a whole element in the extension's own namespace holding a text.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="text">Its text.</param>
    public void WriteElement(string localName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _xml.WriteElementString(Qualify(_namespace ?? throw new InvalidOperationException("this extension has no Namespace: name the namespace of the element"), localName), text);
    }

    /// <summary>Writes a whole element in the extension's own namespace holding a whole number.</summary>
    /// <param name="localName">The element's local name.</param>
    /// <param name="value">Its value.</param>
    public void WriteElement(string localName, long value) => WriteElement(localName, value.ToString(CultureInfo.InvariantCulture));

    private string Qualify(XmlNamespace ns, string localName)
    {
        if (!XmlNamespace.IsName(localName))
        {
            throw new ArgumentException($"\"{localName}\" is not an XML name without a colon", nameof(localName));
        }

        if (!_names.TryGetValue((ns.Uri, localName), out var name))
        {
            var prefix = _prefixOf(ns.Uri) ?? throw new InvalidOperationException($"the namespace {ns.Uri} is not declared on this document's root element");
            name = prefix.Length == 0 ? localName : prefix + ":" + localName;
            _names.Add((ns.Uri, localName), name);
        }

        return name;
    }

    /// <summary>Starts an element by its qualified name as the document spells it (FeedKit's own extensions).</summary>
    internal void WriteStartElementRaw(string qualifiedName)
    {
        _depth++;
        _xml.WriteStartElement(qualifiedName);
    }

    /// <summary>The writer underneath, for FeedKit's own extensions.</summary>
    internal Utf8XmlWriter Raw => _xml;

    /// <summary>Runs an extension of something inside the one being written (a media file's, inside its <c>media:content</c>).</summary>
    internal void WriteNested(FeedExtension extension, ExtensionTarget target)
    {
        var (ns, depth, outer) = (_namespace, _depth, Target);
        Retarget(target);
        Write(extension);
        Retarget(outer);
        (_namespace, _depth) = (ns, depth);
    }

    /// <summary>Runs one extension's writing, and checks it closed what it opened.</summary>
    internal void Write(FeedExtension extension)
    {
        _namespace = extension.Namespace;
        _depth = 0;
        extension.RunWriteXml(this);

        if (_depth != 0)
        {
            throw new InvalidOperationException(FormattableString.Invariant($"the extension {extension.GetType().Name} left {_depth} element(s) open"));
        }
    }
}
