namespace FeedKit.Extensions;

/// <summary>
/// An XML namespace and the prefix FeedKit declares it with, once, on the root element of Atom and RSS documents.
/// In JSON Feed the prefix names the extension's object: <c>"_prefix": { … }</c> (JSON Feed 1.1's extension keys).
/// </summary>
public sealed record XmlNamespace
{
    /// <summary>Creates a namespace declaration.</summary>
    /// <param name="prefix">The prefix: an XML name without a colon, such as <c>ex</c>; not <c>xml</c> or <c>xmlns</c>.</param>
    /// <param name="uri">The namespace name: an absolute URI, such as <c>https://example.com/ns/1.0</c>.</param>
    /// <exception cref="ArgumentException">The prefix is not a plain XML name, or the URI is not absolute.</exception>
    public XmlNamespace(string prefix, string uri)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(uri);
        if (!IsName(prefix) || prefix.StartsWith("xml", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"\"{prefix}\" is not a usable namespace prefix: use ASCII letters, digits, '-', '_' and '.', starting with a letter, and not starting with \"xml\"", nameof(prefix));
        }

        if (!System.Uri.TryCreate(uri, UriKind.Absolute, out _))
        {
            throw new ArgumentException($"\"{uri}\" is not an absolute URI; a namespace name must be one", nameof(uri));
        }

        Prefix = prefix;
        Uri = uri;
    }

    /// <summary>The prefix, such as <c>media</c>.</summary>
    public string Prefix { get; }

    /// <summary>The namespace name, such as <c>http://search.yahoo.com/mrss/</c>.</summary>
    public string Uri { get; }

    /// <summary>The key of the extension's object in JSON Feed: <c>_</c> followed by the prefix.</summary>
    public string JsonKey => "_" + Prefix;

    /// <summary>Whether <paramref name="name"/> is an XML name without a colon, in ASCII.</summary>
    internal static bool IsName(string name)
    {
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]) && name[0] != '_')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
