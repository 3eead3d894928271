using System.Text.Json;

namespace FeedKit.Extensions;

/// <summary>
/// Writes an extension's members into a JSON Feed document (see <see cref="FeedExtension.WriteJson"/>), inside the
/// extension's own object, <c>"_prefix": { … }</c>, which is opened on the first member written (an extension that
/// writes nothing leaves no trace). Extensions of the same namespace on one object share that object.
/// </summary>
public sealed class JsonExtensionWriter : ExtensionContext
{
    private readonly Utf8JsonWriter _json;
    private XmlNamespace? _open;
    private XmlNamespace? _namespace;

    internal JsonExtensionWriter(Utf8JsonWriter json)
    {
        _json = json;
    }

    /// <summary>Writes a string member.</summary>
    /// <param name="name">The member's name.</param>
    /// <param name="value">Its value.</param>
    public void WriteString(string name, string value) => Open().WriteString(name, value);

    /// <summary>Writes a number member.</summary>
    /// <param name="name">The member's name.</param>
    /// <param name="value">Its value.</param>
    public void WriteNumber(string name, long value) => Open().WriteNumber(name, value);

    /// <summary>Writes a number member.</summary>
    /// <param name="name">The member's name.</param>
    /// <param name="value">Its value.</param>
    public void WriteNumber(string name, double value) => Open().WriteNumber(name, value);

    /// <summary>Writes a Boolean member.</summary>
    /// <param name="name">The member's name.</param>
    /// <param name="value">Its value.</param>
    public void WriteBoolean(string name, bool value) => Open().WriteBoolean(name, value);

    /// <summary>Starts an object member; end it with <see cref="WriteEndObject"/>.</summary>
    /// <param name="name">The member's name.</param>
    public void WriteStartObject(string name) => Open().WriteStartObject(name);

    /// <summary>Starts an object inside an array.</summary>
    public void WriteStartObject() => Open().WriteStartObject();

    /// <summary>Ends the object started last.</summary>
    public void WriteEndObject() => _json.WriteEndObject();

    /// <summary>Starts an array member; end it with <see cref="WriteEndArray"/>.</summary>
    /// <param name="name">The member's name.</param>
    public void WriteStartArray(string name) => Open().WriteStartArray(name);

    /// <summary>Ends the array started last.</summary>
    public void WriteEndArray() => _json.WriteEndArray();

    /// <summary>Writes a string inside an array.</summary>
    /// <param name="value">The value.</param>
    public void WriteStringValue(string value) => Open().WriteStringValue(value);

    /// <summary>Writes a number inside an array.</summary>
    /// <param name="value">The value.</param>
    public void WriteNumberValue(long value) => Open().WriteNumberValue(value);

    /// <summary>The writer underneath, positioned in the feed's or the item's object (FeedKit's own extensions).</summary>
    internal Utf8JsonWriter Raw => _json;

    /// <summary>Runs one extension's writing, sharing the object of the extension before it when the namespace is the same.</summary>
    internal void Write(FeedExtension extension)
    {
        var ns = extension.Namespace;
        if (_open is not null && _open != ns)
        {
            Close();
        }

        _namespace = ns;
        extension.RunWriteJson(this);
    }

    /// <summary>Closes the object of the last namespace written, if any.</summary>
    internal void Close()
    {
        if (_open is not null)
        {
            _json.WriteEndObject();
            _open = null;
        }
    }

    private Utf8JsonWriter Open()
    {
        if (_open is null && _namespace is { } ns)
        {
            _json.WriteStartObject(ns.JsonKey);
            _open = ns;
        }

        return _json;
    }
}
