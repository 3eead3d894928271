using System.IO.Pipelines;
using System.Text;
using FeedKit.Lint;
using FeedKit.Model;

namespace FeedKit.Formats;

/// <summary>
/// Writes a <see cref="Feed"/> in one format. Each format's writer lives in its own folder
/// (<c>Formats/Atom</c>, <c>Formats/Rss</c>); they share the validation and the language and direction rules.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Write"/> validates the whole feed before it writes a byte: a feed with errors throws one
/// <see cref="FeedValidationException"/> listing all of them, and nothing is written. The same feed and options
/// always give the same bytes (UTF-8, no byte order mark, <c>\n</c> line ends), whatever the current culture.
/// </para>
/// <para>
/// The <c>WriteAsync</c> overloads stream articles from an <see cref="IAsyncEnumerable{T}"/> and never call a
/// synchronous <c>Write</c> or <c>Flush</c> on the target (ASP.NET Core forbids synchronous I/O): each article
/// is rendered into a small buffer, which is then written asynchronously. Memory stays bounded whatever the
/// number of articles. An article with errors stops the stream with a <see cref="FeedValidationException"/>
/// after the articles before it were written; write to a file with <see cref="WriteToFileAsync"/> to never
/// leave such a half-written document in place.
/// </para>
/// </remarks>
public abstract class FeedWriter
{
    private const int DrainThreshold = 32 * 1024;

    private protected FeedWriter(FeedWriterOptions? options)
    {
        Options = options ?? FeedWriterOptions.Default;
    }

    /// <summary>The options this writer was created with.</summary>
    public FeedWriterOptions Options { get; }

    /// <summary>The media type of the documents this writer produces, such as <c>application/atom+xml</c>.</summary>
    public abstract string MediaType { get; }

    /// <summary>The usual file extension, without the dot: <c>atom</c>, <c>rss</c>.</summary>
    public abstract string FileExtension { get; }

    /// <summary>The format this writer produces.</summary>
    public abstract FeedFormat Format { get; }

    /// <summary>Creates the writer of a format.</summary>
    /// <param name="format">The format.</param>
    /// <param name="options">Writer options; null for <see cref="FeedWriterOptions.Default"/>.</param>
    /// <returns>An <see cref="Atom.AtomFeedWriter"/>, <see cref="Rss.RssFeedWriter"/> or <see cref="Json.JsonFeedWriter"/>.</returns>
    public static FeedWriter Create(FeedFormat format, FeedWriterOptions? options = null) => format switch
    {
        FeedFormat.Atom => new Atom.AtomFeedWriter(options),
        FeedFormat.Rss => new Rss.RssFeedWriter(options),
        FeedFormat.Json => new Json.JsonFeedWriter(options),
        _ => throw new ArgumentOutOfRangeException(nameof(format), FormattableString.Invariant($"{(int)format} is not a FeedKit format.")),
    };

    private protected abstract FeedDocument CreateDocument(Stream output);

    /// <summary>Writes the feed to a stream as UTF-8. The stream is left open.</summary>
    /// <param name="feed">The feed to write.</param>
    /// <param name="output">Where to write it.</param>
    /// <exception cref="FeedValidationException">The feed has errors; nothing was written.</exception>
    public void Write(Feed feed, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var normalized = FeedNormalizer.Normalize(feed, Options, Format);
        using var document = CreateDocument(output);
        document.WriteStart(normalized.Header);
        var articles = normalized.Articles;
        for (var i = 0; i < articles.Length; i++)
        {
            document.WriteArticle(normalized.Header, articles[i]);

            // Push the low-level writer's buffer out now and then, so it never grows with the feed
            // (Utf8JsonWriter would otherwise hold the whole document).
            if ((i & 15) == 15)
            {
                document.Flush();
            }
        }

        document.WriteEnd();
    }

    /// <summary>Writes the feed to a string (the same characters <see cref="Write"/> encodes as UTF-8).</summary>
    /// <param name="feed">The feed to write.</param>
    /// <returns>The feed document.</returns>
    /// <exception cref="FeedValidationException">The feed has errors.</exception>
    public string WriteToString(Feed feed)
    {
        using var buffer = new MemoryStream();
        Write(feed, buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Streams a feed to <paramref name="output"/> with asynchronous writes only. <see cref="FeedInfo.Updated"/>
    /// must be set, since it is written before the articles are read.
    /// </summary>
    /// <param name="info">What the feed says about itself.</param>
    /// <param name="articles">The articles, in feed order.</param>
    /// <param name="output">Where to write; left open.</param>
    /// <param name="cancellationToken">Stops the writing between two articles (or during a write).</param>
    /// <returns>A task that completes when the whole document was written and flushed.</returns>
    /// <exception cref="FeedValidationException">The feed description or an article has errors.</exception>
    public Task WriteAsync(FeedInfo info, IAsyncEnumerable<Article> articles, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        return StreamAsync(info, articles, (chunk, ct) => output.WriteAsync(chunk, ct), ct => new ValueTask(output.FlushAsync(ct)), cancellationToken);
    }

    /// <summary>Streams a feed to a <see cref="PipeWriter"/> (such as ASP.NET Core's response body writer).</summary>
    /// <param name="info">What the feed says about itself; <see cref="FeedInfo.Updated"/> must be set.</param>
    /// <param name="articles">The articles, in feed order.</param>
    /// <param name="output">Where to write; not completed.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <returns>A task that completes when the whole document was written and flushed.</returns>
    /// <exception cref="FeedValidationException">The feed description or an article has errors.</exception>
    public Task WriteAsync(FeedInfo info, IAsyncEnumerable<Article> articles, PipeWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        return StreamAsync(
            info,
            articles,
            async (chunk, ct) => await output.WriteAsync(chunk, ct).ConfigureAwait(false),
            async ct => await output.FlushAsync(ct).ConfigureAwait(false),
            cancellationToken);
    }

    /// <summary>
    /// Streams a feed into a file: it is written to a temporary file beside <paramref name="path"/> and moved into
    /// place only when complete, so a failure or a cancellation never leaves a half-written feed.
    /// </summary>
    /// <param name="info">What the feed says about itself; <see cref="FeedInfo.Updated"/> must be set.</param>
    /// <param name="articles">The articles, in feed order.</param>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="cancellationToken">Stops the writing; the target is then left as it was.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    /// <exception cref="FeedValidationException">The feed description or an article has errors.</exception>
    public async Task WriteToFileAsync(FeedInfo info, IAsyncEnumerable<Article> articles, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await WriteAsync(info, articles, stream, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private async Task StreamAsync(
        FeedInfo info,
        IAsyncEnumerable<Article> articles,
        Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> write,
        Func<CancellationToken, ValueTask> flush,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(articles);
        cancellationToken.ThrowIfCancellationRequested();
        var (normalizer, header) = FeedNormalizer.ForStream(info, Options, Format);
        using (normalizer)
        {
            using var buffer = new MemoryStream(DrainThreshold * 2);
            using var document = CreateDocument(buffer);
            document.WriteStart(header);
            await foreach (var article in articles.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                document.WriteArticle(header, normalizer.NextOrThrow(article));
                document.Flush();
                if (buffer.Length >= DrainThreshold)
                {
                    await DrainAsync(buffer, write, cancellationToken).ConfigureAwait(false);
                }
            }

            document.WriteEnd();
            await DrainAsync(buffer, write, cancellationToken).ConfigureAwait(false);
            await flush(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async ValueTask DrainAsync(MemoryStream buffer, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> write, CancellationToken cancellationToken)
    {
        if (buffer.Length == 0)
        {
            return;
        }

        await write(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
        buffer.SetLength(0);
    }
}
