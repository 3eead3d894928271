namespace FeedKit.Browser;

/// <summary>
/// FeedKit's browser view: an XSLT 1.0 stylesheet that turns an Atom or RSS feed into a readable HTML page when a
/// visitor opens the feed in a browser. Serve <see cref="Text"/> from your site (as <c>text/xsl</c> or
/// <c>application/xslt+xml</c>, from the feed's own origin, since browsers refuse cross-origin stylesheets) and
/// point <see cref="Formats.FeedWriterOptions.Stylesheet"/> at it.
/// </summary>
/// <remarks>
/// The page takes <c>lang</c> and <c>dir</c> from the feed (<c>xml:lang</c> or RSS <c>language</c>) and each entry from
/// the entry (<c>xml:lang</c> or <c>dc:language</c>), so Arabic, Hebrew, Persian or Urdu feeds are laid out right to
/// left; titles link to the articles, dates are shown, summaries are shown as plain text (their markup is removed,
/// never interpreted), and a short note (in Arabic, Hebrew, Persian or English) tells visitors what a feed is and how
/// to subscribe. No script and nothing loaded from elsewhere. <c>feedkit stylesheet</c> writes the same file.
/// </remarks>
public static class FeedStylesheet
{
    private const string ResourceName = "FeedKit.Browser.feed.xsl";
    private static string? _text;

    /// <summary>The usual file name: <c>feed.xsl</c>.</summary>
    public const string FileName = "feed.xsl";

    /// <summary>The media type to serve it with: <c>text/xsl</c> (what browsers expect).</summary>
    public const string MediaType = "text/xsl";

    /// <summary>The stylesheet (UTF-8 text, <c>\n</c> line ends).</summary>
    public static string Text => _text ??= Read();

    /// <summary>Writes the stylesheet as UTF-8 (no byte order mark).</summary>
    /// <param name="output">Where to write it; left open.</param>
    public static void WriteTo(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var resource = Open();
        resource.CopyTo(output);
    }

    /// <summary>Writes the stylesheet into a file atomically (as <see cref="Formats.FeedWriter.WriteToFileAsync"/> writes feeds).</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="cancellationToken">Stops the writing; the target is then left as it was.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    public static Task WriteToFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return IO.AtomicFile.WriteAsync(
            path,
            async (output, ct) =>
            {
                using var resource = Open();
                await resource.CopyToAsync(output, ct).ConfigureAwait(false);
            },
            cancellationToken);
    }

    private static Stream Open() =>
        typeof(FeedStylesheet).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from FeedKit.");

    private static string Read()
    {
        using var reader = new StreamReader(Open(), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return reader.ReadToEnd();
    }
}
