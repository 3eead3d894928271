using System.Collections.Immutable;

namespace FeedKit;

/// <summary>
/// The one table of per-format facts: each format's name, media type and file extension. Hosts (the command line,
/// ASP.NET Core) read them here instead of spelling them out.
/// </summary>
public static class FeedFormats
{
    private static readonly FeedFormatInfo[] Table =
    [
        new(FeedFormat.Atom, "atom", "application/atom+xml", "atom"),
        new(FeedFormat.Rss, "rss", "application/rss+xml", "rss"),
        new(FeedFormat.Json, "json", "application/feed+json", "json"),
    ];

    /// <summary>Every format, in the order of <see cref="FeedFormat"/>.</summary>
    public static ImmutableArray<FeedFormatInfo> All { get; } = [.. Table];

    /// <summary>The facts of one format.</summary>
    /// <param name="format">The format.</param>
    /// <returns>Its name, media type and file extension.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined value.</exception>
    public static FeedFormatInfo Get(FeedFormat format) =>
        (uint)format < (uint)Table.Length
            ? Table[(int)format]
            : throw new ArgumentOutOfRangeException(nameof(format), format, "Not a FeedKit format.");

    /// <summary>The format's media type, such as <c>application/atom+xml</c>.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The media type, without parameters.</returns>
    public static string MediaType(this FeedFormat format) => Get(format).MediaType;

    /// <summary>The format's usual file extension, without the dot: <c>atom</c>, <c>rss</c>, <c>json</c>.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The extension.</returns>
    public static string FileExtension(this FeedFormat format) => Get(format).FileExtension;

    /// <summary>
    /// Finds a format by its name (<c>atom</c>, <c>rss</c>, <c>json</c>), its file extension (with or without the dot)
    /// or its media type (parameters such as <c>; charset=utf-8</c> are ignored); ASCII letters in any case.
    /// </summary>
    /// <param name="text">The name, extension or media type.</param>
    /// <param name="format">The format found.</param>
    /// <returns>Whether one was found.</returns>
    public static bool TryFind(ReadOnlySpan<char> text, out FeedFormat format)
    {
        var semicolon = text.IndexOf(';');
        var key = (semicolon < 0 ? text : text[..semicolon]).Trim();
        if (key.StartsWith(".", StringComparison.Ordinal))
        {
            key = key[1..];
        }

        foreach (var info in Table)
        {
            if (key.Equals(info.Name, StringComparison.OrdinalIgnoreCase)
                || key.Equals(info.FileExtension, StringComparison.OrdinalIgnoreCase)
                || key.Equals(info.MediaType, StringComparison.OrdinalIgnoreCase))
            {
                format = info.Format;
                return true;
            }
        }

        format = default;
        return false;
    }
}

/// <summary>The facts of one feed format.</summary>
/// <param name="Format">The format.</param>
/// <param name="Name">Its short name, lower case: <c>atom</c>, <c>rss</c>, <c>json</c> (what the command line's <c>--format</c> takes).</param>
/// <param name="MediaType">Its registered media type, such as <c>application/atom+xml</c>.</param>
/// <param name="FileExtension">Its usual file extension, without the dot.</param>
public sealed record FeedFormatInfo(FeedFormat Format, string Name, string MediaType, string FileExtension);
