namespace FeedKit.Readers;

/// <summary>
/// A line that <see cref="PlainTextArticleReader"/> dropped as page chrome (see
/// <see cref="PlainTextOptions.RemoveChrome"/>), with the reason, so that no text disappears silently.
/// </summary>
/// <param name="Line">1-based line number in the text.</param>
/// <param name="Text">The line, trimmed, in Unicode normalization form C.</param>
/// <param name="Position">Whether the line was dropped from the start of the text or from its end.</param>
/// <param name="Rule">Which rule dropped it.</param>
/// <param name="Phrase">
/// For <see cref="ChromeRule.Phrase"/> and <see cref="ChromeRule.AddedPhrase"/>, the phrase that matched, as written in
/// FeedKit's phrase list or in <see cref="PlainTextOptions.AddedChromePhrases"/>; otherwise <see langword="null"/>.
/// </param>
/// <param name="Language">
/// For <see cref="ChromeRule.Phrase"/>, the BCP 47 tag of the list the phrase comes from ("ar", "he", "fa", "ur",
/// "en", "fr", ...), or <see langword="null"/> for the language-neutral list (social network names, ©); otherwise
/// <see langword="null"/>.
/// </param>
public sealed record DroppedLine(int Line, string Text, ChromePosition Position, ChromeRule Rule, string? Phrase, string? Language)
{
    /// <summary>
    /// Why the line was dropped, in English, e.g. <c>trailing page chrome: phrase "مقالات ذات صلة" (ar)</c>.
    /// </summary>
    public string Reason
    {
        get
        {
            var where = Position == ChromePosition.Leading ? "leading" : "trailing";
            var why = Rule switch
            {
                ChromeRule.Phrase => Language is null ? $"phrase \"{Phrase}\"" : $"phrase \"{Phrase}\" ({Language})",
                ChromeRule.AddedPhrase => $"added phrase \"{Phrase}\"",
                ChromeRule.DateLine => "a date or time alone",
                ChromeRule.SymbolsOnly => "symbols or icons alone",
                ChromeRule.ShortLineNearChrome => "short line without sentence punctuation next to page chrome",
                ChromeRule.ShortLines => "run of very short lines without sentence punctuation",
                _ => Rule.ToString(),
            };
            return $"{where} page chrome: {why}";
        }
    }
}
