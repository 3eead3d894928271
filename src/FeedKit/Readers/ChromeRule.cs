namespace FeedKit.Readers;

/// <summary>Which rule of <see cref="PlainTextArticleReader"/> dropped a line as page chrome.</summary>
public enum ChromeRule
{
    /// <summary>The line is made of FeedKit's listed phrases (or starts with one as a label, or is a copyright line).</summary>
    Phrase,

    /// <summary>The line matched a phrase from <see cref="PlainTextOptions.AddedChromePhrases"/>.</summary>
    AddedPhrase,

    /// <summary>The line is a date or time alone (numbers, month and weekday names).</summary>
    DateLine,

    /// <summary>The line holds no letters or digits, only symbols or icons (↑, •, ▲, |).</summary>
    SymbolsOnly,

    /// <summary>
    /// Structural rule: a short line without sentence punctuation in the trailing run of such lines that holds at
    /// least one line dropped by another rule.
    /// </summary>
    ShortLineNearChrome,

    /// <summary>Structural rule: one of at least two very short lines without sentence punctuation that end the text.</summary>
    ShortLines,
}
