using FeedKit.Text;

namespace FeedKit.Extensions;

/// <summary>
/// Where an extension reports its problems (see <see cref="FeedExtension.Validate"/>). Problems get the extension's
/// path in front of the member named, such as <c>articles[3].Extensions[0].Stars</c>, and go through the same lint
/// and the same refusal by the writers as FeedKit's own.
/// </summary>
public abstract class ExtensionValidator : ExtensionContext
{
    private protected ExtensionValidator()
    {
    }

    /// <summary>Reports an error: the feed will not be written.</summary>
    /// <param name="member">The member of the extension at fault, such as <c>Stars</c> or <c>Episodes[2].Url</c>.</param>
    /// <param name="message">What is wrong and what to do about it.</param>
    /// <param name="code">A stable code for hosts to match on; <c>extension</c> by default.</param>
    public void Error(string member, string message, string code = "extension") => Report(true, member, code, message);

    /// <summary>Reports a warning: the feed is written, and the warning handed to the writer's warning handler.</summary>
    /// <param name="member">The member concerned.</param>
    /// <param name="message">What may go wrong and what to do about it.</param>
    /// <param name="code">A stable code for hosts to match on; <c>extension</c> by default.</param>
    public void Warning(string member, string message, string code = "extension") => Report(false, member, code, message);

    /// <summary>
    /// Checks a plain-text member: an error when it is required and missing or blank, or when it holds a character that
    /// XML cannot carry (control characters, U+FFFE, U+FFFF, lone surrogates) or a C1 control.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="member">Its member name.</param>
    /// <param name="required">Whether it must be given.</param>
    /// <returns>Whether the text can be written (true for an optional text that is absent).</returns>
    public bool CheckText(string? text, string member, bool required = false)
    {
        if (text is null || text.AsSpan().Trim().IsEmpty)
        {
            if (required)
            {
                Error(member, text is null ? "is required" : "is empty; it must have visible text", text is null ? "required" : "empty");
                return false;
            }

            return text is null || XmlChars.IndexOfInvalid(text, out _) < 0;
        }

        var index = XmlChars.IndexOfInvalid(text, out var codePoint);
        if (index >= 0)
        {
            Error(member, FormattableString.Invariant($"{XmlChars.Describe(codePoint)} at index {index} cannot be written in XML; remove it"), "invalid-character");
            return false;
        }

        var c1 = text.AsSpan().IndexOfAnyInRange('\u0080', '\u009F');
        if (c1 >= 0)
        {
            Error(member, FormattableString.Invariant($"U+{(int)text[c1]:X4} (a C1 control character) at index {c1}: such characters usually mean text decoded with the wrong encoding; fix the text"), "c1-control");
            return false;
        }

        return true;
    }

    /// <summary>
    /// Checks a link: an error when it is required and missing, not absolute, not http or https, or carries a user name or
    /// password (which a feed would publish).
    /// </summary>
    /// <param name="url">The link.</param>
    /// <param name="member">Its member name.</param>
    /// <param name="required">Whether it must be given.</param>
    /// <returns>Whether the link can be written (true for an optional link that is absent).</returns>
    public bool CheckUrl(Uri? url, string member, bool required = false)
    {
        if (url is null)
        {
            if (required)
            {
                Error(member, "is required", "required");
            }

            return !required;
        }

        if (!url.IsAbsoluteUri)
        {
            Error(member, $"relative URI \"{url.OriginalString}\" needs a base: feeds are read far from the site, so every link must be absolute", "relative-uri");
            return false;
        }

        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            Error(member, $"\"{url.OriginalString}\" is not an http or https URL", "not-http-uri");
            return false;
        }

        if (url.UserInfo.Length > 0)
        {
            Error(member, $"\"{url.Scheme}://{url.Host}…\" carries a user name or password, which the feed would publish to every subscriber; remove it", "uri-credentials");
            return false;
        }

        return true;
    }

    /// <summary>Records one problem.</summary>
    /// <param name="isError">True for an error, false for a warning.</param>
    /// <param name="member">The member of the extension at fault.</param>
    /// <param name="code">The problem's stable code.</param>
    /// <param name="message">What is wrong.</param>
    private protected abstract void Report(bool isError, string member, string code, string message);
}
