namespace FeedKit.Model;

/// <summary>
/// RFC 5005 links of one feed document: where it sits among the documents of an archived feed
/// (<c>current</c>, <c>prev-archive</c>, <c>next-archive</c>, <c>fh:archive</c>) or of a paged feed
/// (<c>first</c>, <c>last</c>, <c>previous</c>, <c>next</c>). Every link is an absolute http(s) URL.
/// </summary>
/// <remarks>
/// <see cref="Archive.FeedArchive"/> and <see cref="Archive.FeedPages"/> fill these in when they split an article
/// stream; set them by hand only for documents you split yourself. Atom writes them as <c>link</c> elements, RSS as
/// <c>atom:link</c>, both with <c>fh:archive</c> on archive documents; JSON Feed has only <c>next_url</c>, which
/// gets <see cref="Next"/>, else <see cref="PreviousArchive"/> (the older entries either way).
/// </remarks>
public sealed record FeedHistory
{
    /// <summary>True for an archive document (RFC 5005 §4: <c>fh:archive</c>); it must then link to <see cref="Current"/>.</summary>
    public bool IsArchive { get; init; }

    /// <summary>The current (subscription) document of an archived feed (<c>rel="current"</c>).</summary>
    public Uri? Current { get; init; }

    /// <summary>The archive document just older than this one (<c>rel="prev-archive"</c>).</summary>
    public Uri? PreviousArchive { get; init; }

    /// <summary>The archive document just newer than this one (<c>rel="next-archive"</c>).</summary>
    public Uri? NextArchive { get; init; }

    /// <summary>The first page of a paged feed, the newest entries (<c>rel="first"</c>).</summary>
    public Uri? First { get; init; }

    /// <summary>The last page of a paged feed, the oldest entries (<c>rel="last"</c>).</summary>
    public Uri? Last { get; init; }

    /// <summary>The page before this one, with newer entries (<c>rel="previous"</c>).</summary>
    public Uri? Previous { get; init; }

    /// <summary>The page after this one, with older entries (<c>rel="next"</c>).</summary>
    public Uri? Next { get; init; }

    /// <summary>The links that are set, as RFC 5005 relation names, in a fixed order (the writers' order).</summary>
    internal IEnumerable<(string Rel, Uri Href)> Links()
    {
        (string Rel, Uri? Href)[] links =
        [
            ("current", Current),
            ("prev-archive", PreviousArchive),
            ("next-archive", NextArchive),
            ("first", First),
            ("last", Last),
            ("previous", Previous),
            ("next", Next),
        ];
        foreach (var (rel, href) in links)
        {
            if (href is not null)
            {
                yield return (rel, href);
            }
        }
    }
}
