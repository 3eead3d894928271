using System.Collections.Immutable;

namespace FeedKit.Readers;

/// <summary>
/// Reads article files of one format into <see cref="ArticleSource"/>s: what each file says, with the file and line
/// of every field, so a host can point a validation problem at the file's line without parsing text.
/// </summary>
/// <remarks>
/// FeedKit has <see cref="PlainTextReader"/> (<c>.txt</c>) and <see cref="JsonArticleReader"/> (<c>.json</c>);
/// the FeedKit.Markdown package adds Markdown with Jekyll and Hugo front matter. <see cref="ArticleReaders"/>
/// picks one by file extension. A reader decodes its bytes with <see cref="ArticleFileText.Decode"/>: strict UTF-8,
/// and Unicode normalization form C by FeedKit's own normalizer.
/// </remarks>
public interface IArticleReader
{
    /// <summary>The file extensions this reader reads, lower case with the dot: <c>.md</c>, <c>.markdown</c>.</summary>
    ImmutableArray<string> Extensions { get; }

    /// <summary>Reads one file's content.</summary>
    /// <param name="file">The file's path as the host names it: in messages, and for formats whose layout says
    /// something (a Jekyll <c>_posts/2021-06-16-summit.md</c> file name, a Hugo <c>content/ar/</c> folder).</param>
    /// <param name="content">The file's bytes.</param>
    /// <returns>The file's articles and notes.</returns>
    /// <exception cref="ArticleReadException">The file cannot be read as an article; the message names the file,
    /// the line and column when known, and the field.</exception>
    ArticleReadResult Read(string file, ReadOnlySpan<byte> content);
}
