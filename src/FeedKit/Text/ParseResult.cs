using System;
using System.Diagnostics.CodeAnalysis;

namespace FeedKit.Text;

/// <summary>
/// The outcome of a FeedKit <c>TryParse</c>: the value, or the explanation of why the text is not one. Immutable. The
/// explanation is the message the matching <c>Parse</c> would throw, word for word, so a caller that does not throw
/// (a config loader collecting every error, a linter) can still tell its user what is wrong and how to fix it.
/// </summary>
/// <typeparam name="T">The parsed type.</typeparam>
/// <example>
/// <code>
/// var result = LanguageTag.TryParse("ar_SA");
/// if (result.TryGetValue(out var tag)) { /* use tag */ }
/// else { Console.Error.WriteLine(result.Error); } // ... did you mean "ar-SA"?
/// </code>
/// </example>
public sealed class ParseResult<T>
{
    private readonly T value;

    private ParseResult(T value, string? error)
    {
        this.value = value;
        Error = error;
    }

    /// <summary>True when the text parsed; then <see cref="Value"/> holds the result and <see cref="Error"/> is null.</summary>
    [MemberNotNullWhen(false, nameof(Error), nameof(Exception))]
    public bool Success => Error is null;

    /// <summary>The parsed value.</summary>
    /// <exception cref="FormatException">The text did not parse; the message is <see cref="Error"/>.</exception>
    public T Value => Error is null ? value : throw new FormatException(Error);

    /// <summary>
    /// Why the text did not parse, in the words <c>Parse</c> would throw (culture-invariant, quoting the text and
    /// suggesting a fix where there is an obvious one); null when it parsed.
    /// </summary>
    public string? Error { get; }

    /// <summary>
    /// The exception <c>Parse</c> would throw (a new <see cref="FormatException"/> with <see cref="Error"/> as its
    /// message, not yet thrown), for a caller that wants to wrap or rethrow it; null when the text parsed.
    /// </summary>
    public Exception? Exception => Error is null ? null : new FormatException(Error);

    /// <summary>Gets the value without throwing.</summary>
    /// <param name="value">The parsed value when the text parsed, else the type's default.</param>
    /// <returns><see cref="Success"/>.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = Error is null ? this.value : default;
        return Error is null;
    }

    /// <summary>The value's text when the text parsed, else <see cref="Error"/>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Error ?? value?.ToString() ?? string.Empty;

    /// <summary>A successful result.</summary>
    internal static ParseResult<T> ForValue(T value) => new(value, null);

    /// <summary>A failed result with the message <c>Parse</c> would throw.</summary>
    internal static ParseResult<T> ForError(string error) => new(default!, error ?? throw new ArgumentNullException(nameof(error)));
}
