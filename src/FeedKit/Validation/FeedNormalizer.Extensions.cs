using System.Collections.Immutable;
using FeedKit.DublinCore;
using FeedKit.Extensions;
using FeedKit.Media;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Validation;

/// <summary>Extensions: their own rules, run through <see cref="ExtensionValidator"/>, and their namespaces.</summary>
internal sealed partial class FeedNormalizer
{
    /// <summary>
    /// FeedKit's <see cref="ExtensionValidator"/>: turns an extension's reports into problems with the extension's path
    /// (<c>articles[3].Extensions[0].Stars</c>). One per normalizer, reused for every extension checked.
    /// </summary>
    private sealed class ExtensionChecker(FeedNormalizer owner) : ExtensionValidator
    {
        private int _article;
        private int _media;
        private int _extension;

        public void Check(FeedExtension extension, ExtensionTarget target, LanguageTag? language, TextDirection direction, ImmutableArray<Author> authors, int article, int media, int index, EnclosureFacts? enclosure = null)
        {
            (_article, _media, _extension) = (article, media, index);
            Set(owner._format, target, language, direction, authors, owner._options.FirstStrongGuard);
            SetEnclosure(enclosure);
            extension.RunValidate(this);
        }

        private protected override void Report(bool isError, string member, string code, string message)
        {
            ArgumentNullException.ThrowIfNull(member);
            ArgumentNullException.ThrowIfNull(code);
            ArgumentNullException.ThrowIfNull(message);
            var path = _article < 0 ? ProblemPath.Feed : ProblemPath.Article(_article);
            if (_media >= 0)
            {
                path = path.Then("Media", _media);
            }

            path = path.Then("Extensions", _extension);
            foreach (var part in member.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                var bracket = part.IndexOf('[', StringComparison.Ordinal);
                path = bracket > 0 && part[^1] == ']' && int.TryParse(part.AsSpan(bracket + 1, part.Length - bracket - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i)
                    ? path.Then(part[..bracket], i)
                    : path.Then(part);
            }

            var problem = new FeedProblem(isError ? FeedProblemSeverity.Error : FeedProblemSeverity.Warning, path, code, message);
            if (isError)
            {
                owner._errors.Add(problem);
            }
            else
            {
                owner._warnings?.Invoke(problem);
            }
        }
    }
}

/// <summary>
/// The namespaces of one document: the format's own (always declared, on the root element), then those of extensions
/// in order of first use. A prefix stands for one namespace, and a namespace has one prefix.
/// </summary>
internal sealed class Namespaces
{
    /// <summary>The Atom namespace: the default namespace of Atom documents, <c>atom</c> in RSS.</summary>
    public static XmlNamespace Atom { get; } = new("atom", "http://www.w3.org/2005/Atom");

    /// <summary>RSS's content module (<c>content:encoded</c>).</summary>
    public static XmlNamespace Content { get; } = new("content", "http://purl.org/rss/1.0/modules/content/");

    private readonly Dictionary<string, string> _prefixByUri = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _uriByPrefix = new(StringComparer.Ordinal);
    private readonly ImmutableArray<XmlNamespace>.Builder _declared = ImmutableArray.CreateBuilder<XmlNamespace>();

    public Namespaces(FeedFormat format)
    {
        if (format == FeedFormat.Atom)
        {
            _prefixByUri.Add(Atom.Uri, string.Empty);
        }

        foreach (var ns in Fixed(format))
        {
            _prefixByUri.TryAdd(ns.Uri, ns.Prefix);
            _uriByPrefix.Add(ns.Prefix, ns.Uri);
        }

        foreach (var reserved in new[] { "xml", "xmlns" })
        {
            _uriByPrefix.TryAdd(reserved, string.Empty);
        }
    }

    /// <summary>The prefixed namespaces every document of a format declares on its root element, in order.</summary>
    public static ImmutableArray<XmlNamespace> Fixed(FeedFormat format) => format switch
    {
        FeedFormat.Atom => [MediaRssContent.Ns],
        FeedFormat.Rss => [Atom, Content, DublinCoreItem.Ns, MediaRssContent.Ns],
        _ => [],
    };

    /// <summary>The extensions' namespaces, in order, besides the format's own.</summary>
    public ImmutableArray<XmlNamespace> Declared => _declared.ToImmutable();

    /// <summary>Whether a namespace is declared, with this prefix.</summary>
    public bool IsDeclared(XmlNamespace ns) =>
        _prefixByUri.TryGetValue(ns.Uri, out var prefix) && (prefix == ns.Prefix || prefix.Length == 0);

    /// <summary>Declares a namespace; null when that is fine, else what conflicts.</summary>
    public string? Add(XmlNamespace ns)
    {
        if (_prefixByUri.TryGetValue(ns.Uri, out var prefix))
        {
            return prefix == ns.Prefix || prefix.Length == 0
                ? null
                : $"the namespace {ns.Uri} is declared with the prefix \"{prefix}\", so it cannot also be \"{ns.Prefix}\"";
        }

        if (_uriByPrefix.TryGetValue(ns.Prefix, out var uri))
        {
            return $"the prefix \"{ns.Prefix}\" already stands for {(uri.Length == 0 ? "XML itself" : uri)}; give the namespace {ns.Uri} another prefix";
        }

        _prefixByUri.Add(ns.Uri, ns.Prefix);
        _uriByPrefix.Add(ns.Prefix, ns.Uri);
        _declared.Add(ns);
        return null;
    }

    /// <summary>The prefix a document of <paramref name="format"/> uses for a namespace ("" for Atom's own in Atom), given its extra declarations.</summary>
    public static Func<string, string?> PrefixOf(FeedFormat format, ImmutableArray<XmlNamespace> declared)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (format == FeedFormat.Atom)
        {
            map.Add(Atom.Uri, string.Empty);
        }

        foreach (var ns in Fixed(format).AddRange(declared))
        {
            map.TryAdd(ns.Uri, ns.Prefix);
        }

        return uri => map.TryGetValue(uri, out var prefix) ? prefix : null;
    }
}
