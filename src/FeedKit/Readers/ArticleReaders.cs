using System.Collections.Immutable;

namespace FeedKit.Readers;

/// <summary>A set of <see cref="IArticleReader"/>s that picks one by file extension.</summary>
public sealed class ArticleReaders
{
    private readonly ImmutableArray<IArticleReader> _readers;

    /// <summary>Creates the set; for an extension two readers claim, the first wins.</summary>
    /// <param name="readers">The readers.</param>
    public ArticleReaders(params IEnumerable<IArticleReader> readers)
    {
        ArgumentNullException.ThrowIfNull(readers);
        _readers = [.. readers];
    }

    /// <summary>Every extension some reader reads, in the readers' order.</summary>
    public ImmutableArray<string> Extensions => [.. _readers.SelectMany(r => r.Extensions).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The reader for <paramref name="path"/>'s extension (ignoring case), or null.</summary>
    /// <param name="path">A file path.</param>
    /// <returns>The reader, or null when none reads that extension.</returns>
    public IArticleReader? Find(string path)
    {
        var extension = Path.GetExtension(path);
        foreach (var reader in _readers)
        {
            if (reader.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            {
                return reader;
            }
        }

        return null;
    }

    /// <summary>Reads a file with the reader for its extension.</summary>
    /// <param name="path">The file's path; messages name it as given.</param>
    /// <returns>The file's articles and notes.</returns>
    /// <exception cref="ArticleReadException">No reader reads the extension, the file cannot be read, or it is not
    /// a valid article.</exception>
    public ArticleReadResult ReadFile(string path)
    {
        var reader = Find(path)
            ?? throw new ArticleReadException(path, null, null, $"no reader for \"{Path.GetExtension(path)}\" files; known: {string.Join(", ", Extensions)}");
        return reader.Read(path, ArticleFileText.ReadAllBytes(path));
    }
}
