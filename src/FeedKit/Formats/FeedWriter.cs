using System.IO.Pipelines;
using System.Text;
using FeedKit.Model;
using FeedKit.Validation;

namespace FeedKit.Formats;

/// <summary>
/// Writes a <see cref="Feed"/> in one format: <see cref="Atom.AtomFeedWriter"/>, <see cref="Rss.RssFeedWriter"/>,
/// <see cref="Json.JsonFeedWriter"/>, or any of them by <see cref="Create"/>. Every writer has the same methods, each
/// cancellable: to a <see cref="Stream"/>, to a <see cref="PipeWriter"/>, to a string or bytes, and to a file.
/// </summary>
/// <remarks>
/// <para>
/// A feed made from a list is checked whole: a feed with errors throws one <see cref="FeedValidationException"/>
/// listing all of them, and leaves nothing behind. Where the target allows it (a file, a string or bytes, a seekable
/// stream) the feed is checked and written in one pass and the output is cut back to where it started when an error
/// turns up; to any other target nothing is written until every article has been checked.
/// </para>
/// <para>
/// A streamed feed (<see cref="Feed(FeedInfo, IAsyncEnumerable{Article})"/>) is read once, each article checked just
/// before it is written, in bounded memory, with asynchronous writes only (ASP.NET Core forbids synchronous I/O). An
/// article with errors stops it with a <see cref="FeedValidationException"/>: to a file nothing is left behind, to a
/// seekable stream the output is cut back, to any other target the articles before it were already sent.
/// </para>
/// <para>The same feed and options always give the same bytes (UTF-8, no byte order mark, <c>\n</c> line ends),
/// whatever the current culture and whichever method writes them.</para>
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

    /// <summary>The format this writer produces; its media type and file extension are in <see cref="FeedFormats"/>.</summary>
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

    /// <summary>Writes a feed made from a list to a stream, as UTF-8. The stream is left open.</summary>
    /// <param name="feed">The feed; its articles must be a list (a streamed feed needs <see cref="WriteAsync(Feed, Stream, CancellationToken)"/>).</param>
    /// <param name="output">Where to write it.</param>
    /// <param name="cancellationToken">Stops the writing between two articles.</param>
    /// <exception cref="FeedValidationException">The feed has errors; nothing was left in <paramref name="output"/>.</exception>
    /// <exception cref="InvalidOperationException">The feed is streamed.</exception>
    public void Write(Feed feed, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        RequireList(feed);
        if (output.CanSeek)
        {
            WriteOnePass(feed, output, cancellationToken);
            return;
        }

        using var articles = FeedNormalizer.Resolve(feed, ValidationOptions, out var header, cancellationToken);
        using var document = CreateDocument(output);
        document.WriteStart(header);
        var list = articles.Articles;
        for (var i = 0; i < list.Length; i++)
        {
            document.WriteArticle(list[i]);

            // Push the low-level writer's buffer out now and then, so it never grows with the feed.
            if ((i & 15) == 15)
            {
                document.Flush();
            }
        }

        document.WriteEnd();
    }

    /// <summary>Writes a feed made from a list to a string (the same characters the other methods encode as UTF-8).</summary>
    /// <param name="feed">The feed; its articles must be a list.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <returns>The feed document.</returns>
    /// <exception cref="FeedValidationException">The feed has errors.</exception>
    /// <exception cref="InvalidOperationException">The feed is streamed.</exception>
    public string WriteToString(Feed feed, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        Write(feed, buffer, cancellationToken);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes a feed made from a list to UTF-8 bytes.</summary>
    /// <param name="feed">The feed; its articles must be a list.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <returns>The feed document.</returns>
    /// <exception cref="FeedValidationException">The feed has errors.</exception>
    /// <exception cref="InvalidOperationException">The feed is streamed.</exception>
    public byte[] WriteToBytes(Feed feed, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        Write(feed, buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>Writes any feed to a stream with asynchronous writes only. The stream is left open.</summary>
    /// <param name="feed">The feed, from a list or streamed.</param>
    /// <param name="output">Where to write; left open.</param>
    /// <param name="cancellationToken">Stops the writing between two articles (or during a write).</param>
    /// <returns>A task that completes when the whole document was written and flushed.</returns>
    /// <exception cref="FeedValidationException">The feed has errors (see the class remarks for what is left in <paramref name="output"/>).</exception>
    public Task WriteAsync(Feed feed, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var start = output.CanSeek ? output.Position : -1;
        return WriteCoreAsync(
            feed,
            (chunk, ct) => output.WriteAsync(chunk, ct),
            ct => new ValueTask(output.FlushAsync(ct)),
            start < 0 ? null : () => { output.SetLength(start); output.Position = start; },
            cancellationToken);
    }

    /// <summary>Writes any feed to a <see cref="PipeWriter"/> (such as ASP.NET Core's response body writer).</summary>
    /// <param name="feed">The feed, from a list or streamed.</param>
    /// <param name="output">Where to write; not completed.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <returns>A task that completes when the whole document was written and flushed.</returns>
    /// <exception cref="FeedValidationException">The feed has errors (see the class remarks for what was sent).</exception>
    public Task WriteAsync(Feed feed, PipeWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        return WriteCoreAsync(
            feed,
            async (chunk, ct) => await output.WriteAsync(chunk, ct).ConfigureAwait(false),
            async ct => await output.FlushAsync(ct).ConfigureAwait(false),
            rollback: null,
            cancellationToken);
    }

    /// <summary>
    /// Writes any feed into a file atomically: into a new temporary file beside <paramref name="path"/>, moved into place
    /// only when complete, so a failure or a cancellation never leaves a half-written feed and leaves the old file as it
    /// was. The file keeps its permissions; what is not a regular file (a directory, a link, a device) is not replaced.
    /// </summary>
    /// <param name="feed">The feed, from a list or streamed.</param>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="cancellationToken">Stops the writing; the target is then left as it was.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    /// <exception cref="FeedValidationException">The feed has errors; the target is left as it was.</exception>
    public Task WriteToFileAsync(Feed feed, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return IO.AtomicFile.WriteAsync(path, (stream, ct) => WriteAsync(feed, stream, ct), cancellationToken);
    }

    private ValidationOptions ValidationOptions => new(Format, Options.FirstStrongGuard, Options.Warnings);

    private static void RequireList(Feed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        if (feed.IsStreamed)
        {
            throw new InvalidOperationException("This feed's articles come from an IAsyncEnumerable: write it with WriteAsync or WriteToFileAsync.");
        }
    }

    private FeedNormalizer Begin(Feed feed, out ResolvedHeader? header) => FeedNormalizer.Begin(feed, ValidationOptions, out header);

    /// <summary>Checks and writes in one pass into a seekable stream, and cuts it back when an error turns up.</summary>
    private void WriteOnePass(Feed feed, Stream output, CancellationToken cancellationToken)
    {
        var start = output.Position;
        using var normalizer = Begin(feed, out var header);
        var document = header is null ? null : CreateDocument(output);
        try
        {
            document?.WriteStart(header!);
            var articles = feed.Articles;
            for (var i = 0; i < articles.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var ok = normalizer.TryNext(articles[i], out var resolved);
                if (document is null)
                {
                    continue;
                }

                if (!ok || normalizer.HasErrors)
                {
                    // From the first error on, only check: the output is cut back at the end.
                    document.Dispose();
                    document = null;
                    continue;
                }

                document.WriteArticle(resolved);
                if ((i & 15) == 15)
                {
                    document.Flush();
                }
            }

            if (!normalizer.HasErrors)
            {
                document!.WriteEnd();
                return;
            }
        }
        catch
        {
            document?.Dispose();
            document = null;
            output.SetLength(start);
            output.Position = start;
            throw;
        }
        finally
        {
            document?.Dispose();
        }

        output.SetLength(start);
        output.Position = start;
        normalizer.ThrowIfErrors();
    }

    private async Task WriteCoreAsync(
        Feed feed,
        Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> write,
        Func<CancellationToken, ValueTask> flush,
        Action? rollback,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        cancellationToken.ThrowIfCancellationRequested();
        if (!feed.IsStreamed && rollback is null)
        {
            // Nothing may reach a target that cannot be cut back: check everything first.
            using var checkedFirst = new MemoryStream();
            Write(feed, checkedFirst, cancellationToken);
            var bytes = checkedFirst.GetBuffer().AsMemory(0, (int)checkedFirst.Length);
            for (var offset = 0; offset < bytes.Length; offset += DrainThreshold)
            {
                await write(bytes.Slice(offset, Math.Min(DrainThreshold, bytes.Length - offset)), cancellationToken).ConfigureAwait(false);
            }

            await flush(cancellationToken).ConfigureAwait(false);
            return;
        }

        FeedNormalizer normalizer;
        ResolvedHeader? header;
        if (feed.IsStreamed)
        {
            normalizer = new FeedNormalizer(feed.Info, ValidationOptions);
            if (feed.Info.Updated is null)
            {
                normalizer.RequireUpdatedForStream();
            }

            header = normalizer.HasErrors ? null : normalizer.Header(feed.Info.Updated!.Value);
        }
        else
        {
            normalizer = Begin(feed, out header);
        }

        using (normalizer)
        {
            normalizer.ThrowIfErrors();
            var sent = false;
            try
            {
                using var buffer = new MemoryStream(DrainThreshold * 2);
                using var document = CreateDocument(buffer);
                document.WriteStart(header!);
                async ValueTask Next(Article article)
                {
                    if (normalizer.TryNext(article, out var resolved) && !normalizer.HasErrors)
                    {
                        document.WriteArticle(resolved);
                        document.Flush();
                        if (buffer.Length >= DrainThreshold)
                        {
                            sent = true;
                            await DrainAsync(buffer, write, cancellationToken).ConfigureAwait(false);
                        }
                    }
                    else if (feed.IsStreamed)
                    {
                        normalizer.ThrowIfErrors();
                    }
                }

                if (feed.ArticleStream is { } stream)
                {
                    await foreach (var article in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
                    {
                        await Next(article).ConfigureAwait(false);
                    }
                }
                else
                {
                    foreach (var article in feed.Articles)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        await Next(article).ConfigureAwait(false);
                    }

                    normalizer.ThrowIfErrors();
                }

                document.WriteEnd();
                sent = true;
                await DrainAsync(buffer, write, cancellationToken).ConfigureAwait(false);
                await flush(cancellationToken).ConfigureAwait(false);
            }
            catch when (sent && rollback is not null)
            {
                rollback();
                throw;
            }
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
