using FeedKit.Validation;

namespace FeedKit.Formats;

/// <summary>
/// One feed document being written: the start (what the feed says about itself), each article, the end. Each format
/// implements it over its own low-level writer, reading only the resolved feed; <see cref="FeedWriter"/> drives it.
/// </summary>
internal abstract class FeedDocument : IDisposable
{
    public abstract void WriteStart(ResolvedHeader header);

    public abstract void WriteArticle(in ResolvedArticle article);

    /// <summary>Closes the document, including the final line feed.</summary>
    public abstract void WriteEnd();

    /// <summary>Pushes everything written so far into the underlying stream.</summary>
    public abstract void Flush();

    public abstract void Dispose();
}
