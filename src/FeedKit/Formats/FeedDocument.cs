namespace FeedKit.Formats;

/// <summary>
/// One feed document being written: the start (what the feed says about itself), each article, the end.
/// Each format implements it over its own low-level writer; <see cref="FeedWriter"/> drives it, synchronously
/// into a stream or, for the asynchronous paths, into a buffer that is drained to the target between articles.
/// </summary>
internal abstract class FeedDocument : IDisposable
{
    public abstract void WriteStart(NormalizedHeader header);

    public abstract void WriteArticle(NormalizedHeader header, in NormalizedArticle article);

    /// <summary>Closes the document, including the final line feed.</summary>
    public abstract void WriteEnd();

    /// <summary>Pushes everything written so far into the underlying stream.</summary>
    public abstract void Flush();

    public abstract void Dispose();
}
