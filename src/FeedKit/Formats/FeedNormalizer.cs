using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using FeedKit.Html;
using FeedKit.Lint;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Formats;

/// <summary>
/// Checks a feed and resolves everything the writers need: this is where every rule of <see cref="FeedLint"/>
/// lives, so that what the lint reports and what the writers refuse are the same thing.
/// </summary>
/// <remarks>
/// Documented normalizations (not errors), applied before anything is checked or written:
/// <list type="bullet">
/// <item>every text is put in Unicode NFC;</item>
/// <item>single-line texts (titles, headline, names, tags, captions) have runs of spaces, tabs and line breaks
/// collapsed to one space; multi-line texts (standfirst, paragraphs, quotes, raw HTML) get LF line ends; both are
/// trimmed;</item>
/// <item>an optional text that is empty after that counts as absent; paragraphs, subheadings and quotes with no text
/// are left out of the HTML;</item>
/// <item>raw HTML blocks are sanitized unless marked trusted (see <see cref="RawHtml.Trusted"/>).</item>
/// </list>
/// </remarks>
internal sealed class FeedNormalizer
{
    private static readonly DateTimeOffset Implausible = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<FeedProblem> _errors = [];
    private readonly Action<FeedProblem>? _warnings;
    private readonly FeedWriterOptions _options;
    private readonly FeedFormat _format;
    private readonly DateTimeOffset? _now;
    private readonly FeedInfo _info;

    // Ids seen so far, by a 128-bit digest rather than the string, so that a streamed feed of 100,000 articles
    // keeps 3 MB of digests instead of every id. (A digest collision between different ids is 2^-128 unlikely.)
    private readonly Dictionary<UInt128, int> _seenIds = [];
    private readonly string? _id;
    private readonly string _title;
    private readonly string? _subtitle;
    private readonly TextDirection _direction;
    private int _nextIndex;

    private FeedNormalizer(FeedInfo info, FeedWriterOptions? options, FeedFormat format, Action<FeedProblem>? warnings, DateTimeOffset? now)
    {
        ArgumentNullException.ThrowIfNull(info);
        _options = options ?? FeedWriterOptions.Default;
        _format = format;
        _warnings = warnings ?? _options.Warnings;
        _now = now;

        const string at = "feed";
        _title = Text(info.Title, $"{at}.Title", TextKind.RequiredLine) ?? string.Empty;
        _subtitle = Text(info.Subtitle, $"{at}.Subtitle", TextKind.OptionalBlock);
        var rights = Text(info.Rights, $"{at}.Rights", TextKind.OptionalLine);
        var generator = Text(info.Generator, $"{at}.Generator", TextKind.OptionalLine);
        RequireWebLink(info.SiteLink, $"{at}.SiteLink");
        OptionalWebLink(info.SelfLink, $"{at}.SelfLink");
        OptionalWebLink(info.Icon, $"{at}.Icon");
        OptionalWebLink(info.Logo, $"{at}.Logo");
        var authors = Authors(info.Authors, $"{at}.Authors");
        _id = info.Id is null ? (info.SiteLink is { IsAbsoluteUri: true } site ? site.AbsoluteUri : null) : CheckId(info.Id, $"{at}.Id");
        _info = info with { Title = _title, Subtitle = _subtitle, Rights = rights, Generator = generator, Authors = authors };

        if (info.SelfLink is null)
        {
            Warning($"{at}.SelfLink", "no self link: the W3C validator recommends rel=\"self\", and readers and WebSub hubs use it to know the feed's own URL");
        }

        CheckLanguage(info.Language, $"{at}.Language", isFeed: true);
        if (info.Updated is { } updated)
        {
            CheckDate(updated, $"{at}.Updated");
        }

        _direction = info.Direction
            ?? info.Language?.Direction
            ?? FirstStrong(_title, _subtitle)
            ?? TextDirection.LeftToRight;
        if (!_options.FirstStrongGuard && FirstStrongGuard.IsNeeded(_title, _direction))
        {
            Warning($"{at}.Title", GuardMessage(_direction));
        }
    }

    private enum TextKind
    {
        RequiredLine,
        OptionalLine,
        RequiredBlock,
        OptionalBlock,
        Html,
    }

    /// <summary>Validates and resolves a whole feed; throws one exception with every error.</summary>
    public static NormalizedFeed Normalize(Feed feed, FeedWriterOptions? options, FeedFormat format) =>
        NormalizeCore(feed, options, format, warnings: null, now: null, out var errors)
        ?? throw new FeedValidationException(errors);

    /// <summary>Runs every check for one format and reports errors and warnings instead of throwing.</summary>
    public static void Check(Feed feed, FeedWriterOptions? options, FeedFormat format, DateTimeOffset? now, Action<FeedProblem> report)
    {
        NormalizeCore(feed, options, format, report, now, out var errors);
        foreach (var error in errors)
        {
            report(error);
        }
    }

    /// <summary>
    /// Starts normalizing a feed whose articles arrive one by one (streaming). The feed's <c>updated</c> date is
    /// written before any article is seen, so it must be given.
    /// </summary>
    public static (FeedNormalizer Normalizer, NormalizedHeader Header) ForStream(FeedInfo info, FeedWriterOptions? options, FeedFormat format)
    {
        var normalizer = new FeedNormalizer(info, options, format, warnings: null, now: null);
        if (info.Updated is null)
        {
            normalizer.Error("feed.Updated", "a feed written from a stream of articles needs an explicit Updated date: it is written before the articles are read (FeedKit never uses the clock)");
        }

        normalizer.ThrowIfErrors();
        return (normalizer, normalizer.Header(info.Updated!.Value));
    }

    /// <summary>Normalizes the next article of a stream; throws with its errors.</summary>
    public NormalizedArticle NextOrThrow(Article article)
    {
        var normalized = Next(article);
        ThrowIfErrors();
        return normalized!;
    }

    private static NormalizedFeed? NormalizeCore(Feed feed, FeedWriterOptions? options, FeedFormat format, Action<FeedProblem>? warnings, DateTimeOffset? now, out List<FeedProblem> errors)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var normalizer = new FeedNormalizer(feed.Info, options, format, warnings, now);
        errors = normalizer._errors;
        var articles = ImmutableArray.CreateBuilder<NormalizedArticle>(feed.Articles.Length);
        foreach (var article in feed.Articles)
        {
            if (normalizer.Next(article) is { } normalized)
            {
                articles.Add(normalized);
            }
        }

        var updated = feed.Info.Updated;
        if (updated is null)
        {
            foreach (var article in articles)
            {
                if (updated is null || article.Updated.UtcDateTime > updated.Value.UtcDateTime)
                {
                    updated = article.Updated;
                }
            }
        }

        if (updated is null && feed.Articles.IsEmpty)
        {
            normalizer.Error("feed.Updated", "a feed with no articles needs an explicit Updated date (FeedKit never uses the clock, so that the same input always gives the same feed)");
        }

        return errors.Count > 0 ? null : new NormalizedFeed(normalizer.Header(updated!.Value), articles.ToImmutable());
    }

    private NormalizedHeader Header(DateTimeOffset updated) => new(
        _info,
        _id!,
        Guard(_title, _direction),
        _subtitle is null ? null : Guard(_subtitle, _direction),
        updated,
        _info.Language,
        _direction);

    private NormalizedArticle? Next(Article article)
    {
        var index = _nextIndex++;
        var normalized = NormalizeArticle(article, index);
        if (normalized is null)
        {
            return null;
        }

        var digest = Digest(normalized.Id);
        if (_seenIds.TryGetValue(digest, out var first))
        {
            Error($"articles[{index}].Id", $"\"{normalized.Id}\" is also the id of articles[{first}]; every article needs an id of its own");
            return null;
        }

        _seenIds.Add(digest, index);
        return normalized;
    }

    private static UInt128 Digest(string id)
    {
        var byteCount = Encoding.UTF8.GetByteCount(id);
        var bytes = byteCount <= 512 ? stackalloc byte[512] : new byte[byteCount];
        var length = Encoding.UTF8.GetBytes(id, bytes);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes[..length], hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    private void ThrowIfErrors()
    {
        if (_errors.Count > 0)
        {
            var problems = _errors.ToList();
            _errors.Clear();
            throw new FeedValidationException(problems);
        }
    }

    private NormalizedArticle? NormalizeArticle(Article article, int index)
    {
        var at = $"articles[{index}]";
        if (article is null)
        {
            Error(at, "is null");
            return null;
        }

        var errorsBefore = _errors.Count;
        var headline = Text(article.Headline, $"{at}.Headline", TextKind.RequiredLine) ?? string.Empty;
        var standfirst = Text(article.Standfirst, $"{at}.Standfirst", TextKind.OptionalBlock);
        OptionalWebLink(article.Url, $"{at}.Url");
        var authors = Authors(article.Authors, $"{at}.Authors");
        var leadImage = Image(article.LeadImage, $"{at}.LeadImage");
        var tags = ImmutableArray.CreateBuilder<string>(article.Tags.Length);
        for (var t = 0; t < article.Tags.Length; t++)
        {
            if (Text(article.Tags[t], $"{at}.Tags[{t}]", TextKind.RequiredLine) is { } tag)
            {
                tags.Add(tag);
            }
        }

        var body = Blocks(article.Body, $"{at}.Body");
        CheckDate(article.Published, $"{at}.Published");
        if (article.Updated is { } u)
        {
            CheckDate(u, $"{at}.Updated");
            if (u.UtcDateTime < article.Published.UtcDateTime)
            {
                Error($"{at}.Updated", $"{Dates.Rfc3339(u)} is earlier than Published ({Dates.Rfc3339(article.Published)})");
            }
        }

        string? id = null;
        var idIsUrl = false;
        if (article.Id is not null)
        {
            id = CheckId(article.Id, $"{at}.Id");
            idIsUrl = article.Url is { IsAbsoluteUri: true } && string.Equals(id, article.Url.AbsoluteUri, StringComparison.Ordinal);
        }
        else if (article.Url is { IsAbsoluteUri: true })
        {
            id = article.Url.AbsoluteUri;
            idIsUrl = true;
        }
        else if (article.Url is null)
        {
            Error($"{at}.Id", "the article has neither an Id nor a Url; give it one of them (an id must stay the same when the text is edited, so FeedKit does not make one up)");
        }

        if (_format == FeedFormat.Atom && article.Authors.IsEmpty && _info.Authors.IsEmpty)
        {
            Error($"{at}.Authors", "Atom requires an author for every entry: give the article an author, or give the feed authors (FeedInfo.Authors) to stand for it");
        }

        CheckLanguage(article.Language, $"{at}.Language", isFeed: false);
        if (_errors.Count > errorsBefore)
        {
            return null;
        }

        var clean = article with
        {
            Headline = headline,
            Standfirst = standfirst,
            Body = body,
            Authors = authors,
            Tags = tags.ToImmutable(),
            LeadImage = leadImage,
        };
        var language = clean.Language ?? _info.Language;
        var direction = clean.Direction
            ?? language?.Direction
            ?? (clean.Language is null ? _info.Direction : null)
            ?? FirstStrong(headline, standfirst)
            ?? FirstStrongOfBody(body)
            ?? TextDirection.LeftToRight;
        CheckBidi(clean, at, language, direction);

        var context = new HtmlContext(language, direction, clean.Url);
        var guardedStandfirst = standfirst is null ? null : Guard(standfirst, direction);
        var standfirstHtml = guardedStandfirst is null ? null : ArticleHtml.RenderStandfirst(guardedStandfirst, context);

        // RSS: the W3C validator wants a description before content:encoded; without a standfirst, the first
        // paragraph stands in (documented).
        if (standfirstHtml is null && _format == FeedFormat.Rss && body.OfType<Paragraph>().FirstOrDefault() is { } first)
        {
            standfirstHtml = ArticleHtml.RenderStandfirst(Guard(first.Text, direction), context);
        }

        return new NormalizedArticle(
            clean,
            id!,
            idIsUrl,
            Guard(headline, direction),
            guardedStandfirst,
            standfirstHtml,
            ArticleHtml.RenderBody(clean, context),
            clean.Updated ?? clean.Published,
            language,
            direction);
    }

    private void CheckBidi(Article article, string at, LanguageTag? language, TextDirection direction)
    {
        var strong = StrongDirections.None;
        strong |= Bidi.ScanStrong(article.Headline);
        strong |= article.Standfirst is null ? StrongDirections.None : Bidi.ScanStrong(article.Standfirst);
        foreach (var block in article.Body)
        {
            strong |= ArticleHtml.PlainTextOf(block) is { } text ? Bidi.ScanStrong(text) : StrongDirections.None;
        }

        var declared = article.Language is null ? $"the feed's language \"{language}\"" : $"\"{language}\"";
        switch (language?.Direction)
        {
            case TextDirection.RightToLeft when strong != StrongDirections.None && !strong.HasFlag(StrongDirections.RightToLeft):
                Warning($"{at}.Language", $"{declared} is written right to left, but the article has no right-to-left letters: is its language set right?");
                break;
            case TextDirection.LeftToRight when strong == StrongDirections.RightToLeft:
                Warning($"{at}.Language", $"{declared} is written left to right, but all the article's letters are right-to-left: is its language set right?");
                break;
            case null when language is null && strong.HasFlag(StrongDirections.RightToLeft):
                Warning($"{at}.Language", "the article has right-to-left text but no language (neither its own nor the feed's): readers then guess direction and fonts; set one");
                break;
        }

        if (!_options.FirstStrongGuard && FirstStrongGuard.IsNeeded(article.Headline, direction))
        {
            Warning($"{at}.Headline", GuardMessage(direction));
        }
    }

    private static string GuardMessage(TextDirection direction) =>
        direction == TextDirection.RightToLeft
            ? "its first strong character is not right-to-left, so readers that use dir=\"auto\" (Miniflux, FreshRSS, NetNewsWire) show it left to right; turn the first-strong guard on, or start it with U+200F RLM"
            : "its first strong character is right-to-left, so readers that use dir=\"auto\" show it right to left; turn the first-strong guard on, or start it with U+200E LRM";

    private string Guard(string text, TextDirection direction) =>
        _options.FirstStrongGuard ? FirstStrongGuard.Apply(text, direction) : text;

    private static TextDirection? FirstStrong(string? first, string? second) =>
        (first is null ? null : Bidi.FirstStrongDirection(first))
        ?? (second is null ? null : Bidi.FirstStrongDirection(second));

    private static TextDirection? FirstStrongOfBody(ImmutableArray<Block> body)
    {
        foreach (var block in body)
        {
            var direction = ArticleHtml.PlainTextOf(block) is { } text ? Bidi.FirstStrongDirection(text) : null;
            if (direction is not null)
            {
                return direction;
            }
        }

        return null;
    }

    private ImmutableArray<Block> Blocks(ImmutableArray<Block> body, string at)
    {
        var result = ImmutableArray.CreateBuilder<Block>(body.Length);
        for (var b = 0; b < body.Length; b++)
        {
            var path = $"{at}[{b}]";
            Block? clean = body[b] switch
            {
                null => Fail(path, "is null"),
                Paragraph { Text: null } or Subheading { Text: null } or Quote { Text: null } => Fail($"{path}.Text", "is required (an empty string is allowed: the block is then left out)"),
                Paragraph p => Text(p.Text, $"{path}.Text", TextKind.OptionalBlock) is { } text ? p with { Text = text } : null,
                Subheading s => Text(s.Text, $"{path}.Text", TextKind.OptionalLine) is { } text ? s with { Text = text } : null,
                Quote q => Text(q.Text, $"{path}.Text", TextKind.OptionalBlock) is { } text
                    ? q with { Text = text, Attribution = Text(q.Attribution, $"{path}.Attribution", TextKind.OptionalLine) }
                    : null,
                ListBlock l => List(l, path),
                ImageBlock i => i.Image is null ? Fail($"{path}.Image", "is null") : Image(i.Image, $"{path}.Image") is { } image ? i with { Image = image } : null,
                RawHtml h => Text(h.Html, $"{path}.Html", TextKind.Html) is { } html ? h with { Html = html } : null,
                _ => Fail(path, $"FeedKit cannot render a block of type {body[b].GetType().Name}"),
            };
            if (clean is not null)
            {
                result.Add(clean);
            }
        }

        return result.ToImmutable();
    }

    private ListBlock? List(ListBlock list, string path)
    {
        if (list.Items.IsDefaultOrEmpty)
        {
            return Fail<ListBlock>($"{path}.Items", "a list needs at least one item");
        }

        var items = ImmutableArray.CreateBuilder<string>(list.Items.Length);
        for (var i = 0; i < list.Items.Length; i++)
        {
            if (Text(list.Items[i], $"{path}.Items[{i}]", TextKind.RequiredLine) is { } item)
            {
                items.Add(item);
            }
        }

        return list with { Items = items.ToImmutable() };
    }

    private Image? Image(Image? image, string at)
    {
        if (image is null)
        {
            return null;
        }

        RequireWebLink(image.Url, $"{at}.Url");
        if (image.Length is < 0)
        {
            Error($"{at}.Length", $"{image.Length} is negative; leave it null when the size is not known");
        }

        return image with
        {
            AltText = Text(image.AltText, $"{at}.AltText", TextKind.OptionalLine),
            Caption = Text(image.Caption, $"{at}.Caption", TextKind.OptionalLine),
            MediaType = Text(image.MediaType, $"{at}.MediaType", TextKind.OptionalLine),
        };
    }

    private ImmutableArray<Author> Authors(ImmutableArray<Author> authors, string at)
    {
        var result = ImmutableArray.CreateBuilder<Author>(authors.Length);
        for (var a = 0; a < authors.Length; a++)
        {
            var path = $"{at}[{a}]";
            var author = authors[a];
            if (author is null)
            {
                Error(path, "is null");
                continue;
            }

            var name = Text(author.Name, $"{path}.Name", TextKind.RequiredLine);
            var email = Text(author.Email, $"{path}.Email", TextKind.OptionalLine);
            if (email is not null && !LooksLikeEmail(email))
            {
                Error($"{path}.Email", $"\"{email}\" is not an e-mail address of the form name@host");
            }

            if (author.Uri is { } uri)
            {
                if (!uri.IsAbsoluteUri)
                {
                    Error($"{path}.Uri", $"relative URI \"{uri.OriginalString}\" needs a base: feeds are read far from the site, so every link must be absolute");
                }
                else if (IsScriptScheme(uri))
                {
                    Error($"{path}.Uri", $"\"{uri.Scheme}:\" URIs are not allowed in feeds");
                }
            }

            if (name is not null)
            {
                result.Add(author with { Name = name, Email = email });
            }
        }

        return result.ToImmutable();
    }

    private static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || c is '<' or '>' or '(' or ')' or ',' or ';' or '"')
            {
                return false;
            }
        }

        return true;
    }

    private void CheckLanguage(LanguageTag? language, string at, bool isFeed)
    {
        if (language is null || language.IsIso639)
        {
            return;
        }

        var what = $"\"{language}\": its primary subtag \"{language.Language}\" is not an ISO 639 code";
        if (_format == FeedFormat.Rss)
        {
            Error(at, isFeed
                ? $"{what}, which an RSS <language> must be (the RSS specification and the W3C validator require one)"
                : $"{what}, which <dc:language> must be");
        }
        else
        {
            Warning(at, $"{what}; the W3C validator flags such an xml:lang, and RSS cannot carry it at all");
        }
    }

    private void CheckDate(DateTimeOffset date, string at)
    {
        if (date < Implausible)
        {
            Warning(at, $"{Dates.Rfc3339(date)} is before 1990, which the W3C validator calls implausible: is it a default value?");
        }
        else if (_now is { } now && date > now.AddDays(1))
        {
            Warning(at, $"{Dates.Rfc3339(date)} is in the future; readers may hide the item or sort it first until then");
        }
    }

    private string? CheckId(string id, string at)
    {
        if (CheckCharacters(id, at) is null)
        {
            return null;
        }

        if (id.Trim().Length != id.Length || !Uri.TryCreate(id, UriKind.Absolute, out var uri) || IsScriptScheme(uri))
        {
            Error(at, $"\"{id}\" is not an absolute URI; Atom ids must be IRIs that never change, such as \"tag:example.com,2021:article-1234\" or the article's permanent URL");
            return null;
        }

        return id;
    }

    private void RequireWebLink(Uri? uri, string at)
    {
        if (uri is null)
        {
            Error(at, "is required");
            return;
        }

        OptionalWebLink(uri, at);
    }

    private void OptionalWebLink(Uri? uri, string at)
    {
        if (uri is null)
        {
            return;
        }

        if (!uri.IsAbsoluteUri)
        {
            Error(at, $"relative URI \"{uri.OriginalString}\" needs a base: feeds are read far from the site, so every link must be absolute");
        }
        else if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            Error(at, $"\"{uri.OriginalString}\" is not an http or https URL");
        }
    }

    private static bool IsScriptScheme(Uri uri) =>
        uri.Scheme is "javascript" or "vbscript" or "data";

    /// <summary>Checks and cleans one text field; null when it is absent (or wrong, with an error).</summary>
    private string? Text(string? text, string at, TextKind kind)
    {
        var required = kind is TextKind.RequiredLine or TextKind.RequiredBlock or TextKind.Html;
        if (text is null)
        {
            if (required)
            {
                Error(at, "is required");
            }

            return null;
        }

        if (CheckCharacters(text, at) is null)
        {
            return null;
        }

        var clean = kind is TextKind.RequiredLine or TextKind.OptionalLine ? TextCleaner.Line(text) : TextCleaner.Block(text);
        if (clean.Length == 0)
        {
            if (required)
            {
                Error(at, "is empty; it must have visible text");
            }

            return null;
        }

        foreach (var c in clean)
        {
            if (Bidi.IsEmbeddingControl(c))
            {
                Warning(at, $"contains the bidi embedding control U+{(int)c:X4}; unbalanced embeddings change the direction of the text around it in readers: use isolates (U+2066–U+2069) or marks (U+200E, U+200F) instead");
                break;
            }
        }

        return clean;
    }

    /// <summary>Errors for characters an XML feed cannot (or should not) carry; returns the text, or null.</summary>
    private string? CheckCharacters(string text, string at)
    {
        var index = XmlChars.IndexOfInvalid(text, out var codePoint);
        if (index >= 0)
        {
            Error(at, $"{XmlChars.Describe(codePoint)} at index {index} cannot be written in XML; remove it");
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is >= '\u0080' and <= '\u009F')
            {
                Error(at, $"U+{(int)text[i]:X4} (a C1 control character) at index {i}: such characters usually mean text decoded with the wrong encoding (Windows-1252 read as Latin-1); fix the text");
                return null;
            }
        }

        return text;
    }

    private void Error(string path, string message) =>
        _errors.Add(new FeedProblem(FeedProblemSeverity.Error, path, message));

    private T? Fail<T>(string path, string message)
        where T : class
    {
        Error(path, message);
        return null;
    }

    private Block? Fail(string path, string message) => Fail<Block>(path, message);

    private void Warning(string path, string message) =>
        _warnings?.Invoke(new FeedProblem(FeedProblemSeverity.Warning, path, message));
}
