using System.IO.Pipelines;
using System.Security.Cryptography;
using System.Text;
using FeedKit.Formats;
using FeedKit.Model;

namespace FeedKit.Browser;

/// <summary>
/// A feed as an HTML page for people: what a browser shows when someone opens the feed's address. The page has the
/// feed's title and subtitle, each article (headline, date, authors, standfirst and body) and how to subscribe: the
/// feed's address in each format, with a copy button, also declared in <c>&lt;link rel="alternate"&gt;</c>.
/// <c>FeedKit.AspNetCore</c> serves it on a feed's bare path to requests that prefer <c>text/html</c>.
/// </summary>
/// <remarks>
/// <para>
/// Languages and directions are the feed's, resolved as the feed writers resolve them (docs/rtl.md): <c>lang</c> and
/// <c>dir</c> on <c>&lt;html&gt;</c> from the feed, and on each <c>&lt;article&gt;</c> from the article, whose HTML
/// is the same sanitized HTML the feeds carry (with its own <c>dir</c> and <c>lang</c> wrapper). The "Subscribe" box
/// is in Arabic, Hebrew or Persian when the feed is, else in English. Every text and URL is escaped.
/// </para>
/// <para>
/// The feed is checked by the same rules as an Atom feed: a feed with errors throws one
/// <see cref="Validation.FeedValidationException"/>, and what is left in the output follows the rules of
/// <see cref="FeedWriter"/>. A streamed feed is read once, in bounded memory. The same feed and links always give the
/// same bytes (UTF-8, no byte order mark, <c>\n</c> line ends), whatever the culture.
/// </para>
/// <para>
/// The page loads nothing from elsewhere except the articles' images. Its one style sheet and one small script (which
/// shows the copy buttons and copies an address) are inline and allowed by <see cref="ContentSecurityPolicy"/> through
/// their hashes, so the page works under a strict <c>Content-Security-Policy</c> with no <c>'unsafe-inline'</c>.
/// </para>
/// </remarks>
public static class FeedPage
{
    /// <summary>The media type of the page: <c>text/html</c> (sent with <c>; charset=utf-8</c>).</summary>
    public const string MediaType = "text/html";

    /// <summary>
    /// A <c>Content-Security-Policy</c> that allows exactly what the page needs: its own inline style and script (by
    /// their SHA-256 hashes), images and media from <c>http</c> and <c>https</c> (the articles' own), nothing else.
    /// </summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; img-src http: https:; media-src http: https:; style-src '{Hash(FeedPageDocument.Style)}'; script-src '{Hash(FeedPageDocument.Script)}'; base-uri 'none'; form-action 'none'";

    /// <summary>Writes the page of any feed to a <see cref="PipeWriter"/> (such as ASP.NET Core's response body writer).</summary>
    /// <param name="feed">The feed, from a list or streamed.</param>
    /// <param name="links">The feed's addresses, one per format, in the order to show them; may be empty.</param>
    /// <param name="output">Where to write; not completed.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <returns>A task that completes when the whole page was written and flushed.</returns>
    /// <exception cref="Validation.FeedValidationException">The feed has errors.</exception>
    public static Task WriteAsync(Feed feed, IReadOnlyList<FeedPageLink> links, PipeWriter output, CancellationToken cancellationToken = default) =>
        Writer(links).WriteAsync(feed, output, cancellationToken);

    /// <summary>Writes the page of any feed to a stream with asynchronous writes only. The stream is left open.</summary>
    /// <param name="feed">The feed, from a list or streamed.</param>
    /// <param name="links">The feed's addresses, one per format, in the order to show them; may be empty.</param>
    /// <param name="output">Where to write; left open.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <returns>A task that completes when the whole page was written and flushed.</returns>
    /// <exception cref="Validation.FeedValidationException">The feed has errors.</exception>
    public static Task WriteAsync(Feed feed, IReadOnlyList<FeedPageLink> links, Stream output, CancellationToken cancellationToken = default) =>
        Writer(links).WriteAsync(feed, output, cancellationToken);

    /// <summary>Writes the page of a feed made from a list to UTF-8 bytes.</summary>
    /// <param name="feed">The feed; its articles must be a list.</param>
    /// <param name="links">The feed's addresses, one per format, in the order to show them; may be empty.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <returns>The page.</returns>
    /// <exception cref="Validation.FeedValidationException">The feed has errors.</exception>
    /// <exception cref="InvalidOperationException">The feed is streamed.</exception>
    public static byte[] WriteToBytes(Feed feed, IReadOnlyList<FeedPageLink> links, CancellationToken cancellationToken = default) =>
        Writer(links).WriteToBytes(feed, cancellationToken);

    /// <summary>Writes the page of a feed made from a list to a string.</summary>
    /// <param name="feed">The feed; its articles must be a list.</param>
    /// <param name="links">The feed's addresses, one per format, in the order to show them; may be empty.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <returns>The page.</returns>
    /// <exception cref="Validation.FeedValidationException">The feed has errors.</exception>
    /// <exception cref="InvalidOperationException">The feed is streamed.</exception>
    public static string WriteToString(Feed feed, IReadOnlyList<FeedPageLink> links, CancellationToken cancellationToken = default) =>
        Writer(links).WriteToString(feed, cancellationToken);

    private static PageWriter Writer(IReadOnlyList<FeedPageLink> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        foreach (var link in links)
        {
            ArgumentNullException.ThrowIfNull(link, nameof(links));
        }

        return new PageWriter([.. links]);
    }

    private static string Hash(string inline) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));

    /// <summary>
    /// The feed writers' machinery (checking, one pass or checked first, streaming, cutting back) with an HTML document.
    /// It reports Atom as its format because the page is checked by Atom's rules; it is never seen outside this class.
    /// </summary>
    private sealed class PageWriter(FeedPageLink[] links) : FeedWriter(FeedWriterOptions.Default)
    {
        public override FeedFormat Format => FeedFormat.Atom;

        private protected override FeedDocument CreateDocument(Stream output) => new FeedPageDocument(output, links);
    }
}
