namespace FeedKit.Readers;

/// <summary>What a <see cref="ReaderNote"/> is about.</summary>
public enum ReaderNoteKind
{
    /// <summary>A draft or unpublished article (<c>draft: true</c>, <c>published: false</c>) was skipped.</summary>
    SkippedDraft,

    /// <summary>A front-matter key the reader does not use (a theme's <c>layout</c>, a site's own key) was ignored.</summary>
    IgnoredKey,

    /// <summary>A line of the file was left out of the article as page chrome (one note per line, with the rule that dropped it).</summary>
    DroppedLines,

    /// <summary>A page that is not an article was skipped (Hugo's <c>_index.md</c>, a section's list page).</summary>
    SkippedPage,
}

/// <summary>
/// Something a reader did that is not an error but that the person running it may want to know: a skipped draft,
/// an ignored key, dropped lines. Hosts print these (the command line does, as <c>note: file:line: …</c>).
/// </summary>
/// <param name="Kind">What the note is about.</param>
/// <param name="File">The file, as the host named it.</param>
/// <param name="Position">Where in the file, when it is one place.</param>
/// <param name="Message">What happened, in a sentence.</param>
public sealed record ReaderNote(ReaderNoteKind Kind, string File, SourcePosition? Position, string Message)
{
    /// <summary>The note as <c>file:line: message</c>.</summary>
    /// <returns>The note on one line.</returns>
    public override string ToString() => Position is { } position ? $"{File}:{position}: {Message}" : $"{File}: {Message}";
}
