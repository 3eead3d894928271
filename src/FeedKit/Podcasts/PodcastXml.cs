using System.Collections.Immutable;
using System.Globalization;
using FeedKit.Extensions;

namespace FeedKit.Podcasts;

/// <summary>What the show and its episodes write and check alike.</summary>
internal static class PodcastXml
{
    /// <summary>A <c>podcast:</c> element holding a text.</summary>
    public static void Element(XmlExtensionWriter xml, string name, string text)
    {
        xml.WriteStartElement(PodcastNamespaces.Podcasting, name);
        xml.WriteString(text);
        xml.WriteEndElement();
    }

    /// <summary>Seconds with up to three decimals, in ASCII digits: <c>73</c>, <c>73.5</c>.</summary>
    public static string SecondsText(TimeSpan time) =>
        Math.Round(time.TotalSeconds, 3).ToString("0.0##", CultureInfo.InvariantCulture);

    /// <summary>The most characters Apple (and the W3C validator) take in <c>itunes:summary</c>.</summary>
    public const int MaxSummary = 4000;

    /// <summary>The most characters Apple (and the W3C validator) take in <c>itunes:subtitle</c> and <c>itunes:author</c>.</summary>
    public const int MaxShortText = 255;

    /// <summary>
    /// <paramref name="text"/> cut to at most <paramref name="max"/> characters for a derived field: at the last space
    /// before the limit (else at the limit, never inside a surrogate pair), with "…" at the end. The full text stays in
    /// the item's description and content.
    /// </summary>
    public static string Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = max - 1;
        var space = text.LastIndexOf(' ', end - 1, Math.Min(end, 200));
        if (space > 0)
        {
            end = space;
        }
        else if (char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return string.Concat(text.AsSpan(0, end).TrimEnd(' '), "…");
    }

    /// <summary>
    /// Warns when an iTunes text, as written (with the first-strong mark the guard may put in front), has more characters
    /// (Unicode scalar values, as the W3C validator counts them) than Apple takes.
    /// </summary>
    public static void CheckLength(ExtensionValidator check, string? text, string member, string element, int max)
    {
        // The guard adds one character at most, and a text has no more scalar values than UTF-16 units.
        if (text is null || text.Length < max)
        {
            return;
        }

        var written = check.Guard(text);
        var length = 0;
        foreach (var _ in written.EnumerateRunes())
        {
            length++;
        }

        if (length > max)
        {
            var mark = written.Length != text.Length ? " with the direction mark the first-strong guard puts in front" : string.Empty;
            check.Warning(member, FormattableString.Invariant($"is {length} characters long as written{mark}; Apple Podcasts takes at most {max} in itunes:{element}, and the W3C validator reports it"), PodcastCodes.TooLong);
        }
    }

    public static bool IsJpegOrPng(Uri url)
    {
        var path = url.AbsolutePath;
        return path.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".png", StringComparison.OrdinalIgnoreCase);
    }

    public static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < value.Length - 1 && value.IndexOf('@', at + 1) < 0 && !value.Any(char.IsWhiteSpace);
    }

    public static void CheckPeople(ExtensionValidator check, ImmutableArray<PodcastPerson> people)
    {
        for (var i = 0; i < people.Length; i++)
        {
            var member = FormattableString.Invariant($"People[{i}]");
            var person = people[i];
            if (person is null)
            {
                check.Error(member, "is null", "null");
                continue;
            }

            check.CheckText(person.Name, member + ".Name", required: true);
            check.CheckText(person.Role, member + ".Role");
            check.CheckText(person.Group, member + ".Group");
            check.CheckUrl(person.ImageUrl, member + ".ImageUrl");
            check.CheckUrl(person.Url, member + ".Url");
        }
    }

    public static void WritePeople(XmlExtensionWriter xml, ImmutableArray<PodcastPerson> people)
    {
        foreach (var person in people)
        {
            xml.WriteStartElement(PodcastNamespaces.Podcasting, "person");
            if (person.Role is not null)
            {
                xml.WriteAttribute("role", person.Role);
            }

            if (person.Group is not null)
            {
                xml.WriteAttribute("group", person.Group);
            }

            if (person.ImageUrl is not null)
            {
                xml.WriteAttribute("img", person.ImageUrl.AbsoluteUri);
            }

            if (person.Url is not null)
            {
                xml.WriteAttribute("href", person.Url.AbsoluteUri);
            }

            xml.WriteString(xml.Guard(person.Name));
            xml.WriteEndElement();
        }
    }
}
