using System.Collections.Immutable;
using FeedKit.Html;
using FeedKit.Lint;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Formats;

/// <summary>
/// Validates a <see cref="Feed"/> and resolves everything the writers need. Collects every error before
/// throwing one <see cref="FeedValidationException"/>.
/// </summary>
/// <remarks>
/// Documented normalizations (not errors): an optional text (subtitle, standfirst, rights, e-mail, alt text,
/// caption, attribution) that is empty or only whitespace counts as absent; paragraphs, subheadings and quotes
/// whose text is empty or only whitespace are left out of the HTML, as they carry nothing.
/// </remarks>
internal sealed class FeedNormalizer
{
    private readonly List<FeedProblem> _errors = [];
    private readonly FeedWriterOptions _options;
    private readonly FeedFormat _format;
    private readonly FeedInfo _info;
    // Ids seen so far, by a 128-bit digest rather than the string, so that a streamed feed of 100,000 articles
    // keeps 3 MB of digests instead of every id. (A digest collision between different ids is 2^-128 unlikely.)
    private readonly Dictionary<UInt128, int> _seenIds = [];
    private readonly string? _id;
    private readonly string? _subtitle;
    private readonly TextDirection _direction;
    private int _nextIndex;

    private FeedNormalizer(FeedInfo info, FeedWriterOptions? options, FeedFormat format)
    {
        ArgumentNullException.ThrowIfNull(info);
        _info = info;
        _options = options ?? FeedWriterOptions.Default;
        _format = format;

        const string at = "feed";
        RequireText(info.Title, $"{at}.Title");
        _subtitle = OptionalText(info.Subtitle, $"{at}.Subtitle");
        OptionalText(info.Rights, $"{at}.Rights");
        OptionalText(info.Generator, $"{at}.Generator");
        RequireWebLink(info.SiteLink, $"{at}.SiteLink");
        OptionalWebLink(info.SelfLink, $"{at}.SelfLink");
        OptionalWebLink(info.Icon, $"{at}.Icon");
        OptionalWebLink(info.Logo, $"{at}.Logo");
        CheckAuthors(info.Authors, $"{at}.Authors");
        _id = info.Id is null ? (info.SiteLink is { IsAbsoluteUri: true } site ? site.AbsoluteUri : null) : CheckId(info.Id, $"{at}.Id");

        if (_format == FeedFormat.Rss && info.Language is { IsIso639: false } feedLanguage)
        {
            Error($"{at}.Language", $"\"{feedLanguage}\" cannot be an RSS <language>: its primary subtag \"{feedLanguage.Language}\" is not an ISO 639 code, and the RSS specification and the W3C validator require one");
        }

        _direction = info.Direction
            ?? info.Language?.Direction
            ?? FirstStrong(info.Title, info.Subtitle)
            ?? TextDirection.LeftToRight;
    }

    /// <summary>Validates and resolves a whole feed; throws one exception with every error.</summary>
    public static NormalizedFeed Normalize(Feed feed, FeedWriterOptions? options, FeedFormat format)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var normalizer = new FeedNormalizer(feed.Info, options, format);
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

        normalizer.ThrowIfErrors();
        return new NormalizedFeed(normalizer.Header(updated!.Value), articles.ToImmutable());
    }

    /// <summary>
    /// Starts normalizing a feed whose articles arrive one by one (streaming). The feed's <c>updated</c> date is
    /// written before any article is seen, so it must be given.
    /// </summary>
    public static (FeedNormalizer Normalizer, NormalizedHeader Header) ForStream(FeedInfo info, FeedWriterOptions? options, FeedFormat format)
    {
        var normalizer = new FeedNormalizer(info, options, format);
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

    private NormalizedHeader Header(DateTimeOffset updated) => new(
        _info,
        _id!,
        Guard(_info.Title, _direction),
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
        Span<byte> hash = stackalloc byte[32];
        var bytes = System.Text.Encoding.UTF8.GetByteCount(id) <= 512 ? stackalloc byte[512] : new byte[System.Text.Encoding.UTF8.GetByteCount(id)];
        var length = System.Text.Encoding.UTF8.GetBytes(id, bytes);
        System.Security.Cryptography.SHA256.HashData(bytes[..length], hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash);
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
        RequireText(article.Headline, $"{at}.Headline");
        var standfirst = OptionalText(article.Standfirst, $"{at}.Standfirst");
        OptionalWebLink(article.Url, $"{at}.Url");
        CheckAuthors(article.Authors, $"{at}.Authors");
        CheckImage(article.LeadImage, $"{at}.LeadImage");
        for (var t = 0; t < article.Tags.Length; t++)
        {
            RequireText(article.Tags[t], $"{at}.Tags[{t}]");
        }

        CheckBlocks(article.Body, $"{at}.Body");

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

        if (article.Updated is { } u && u.UtcDateTime < article.Published.UtcDateTime)
        {
            Error($"{at}.Updated", $"{Dates.Rfc3339(u)} is earlier than Published ({Dates.Rfc3339(article.Published)})");
        }

        var language = article.Language ?? _info.Language;
        if (_format == FeedFormat.Rss && article.Language is { IsIso639: false } own)
        {
            Error($"{at}.Language", $"\"{own}\" cannot be written as <dc:language>: its primary subtag \"{own.Language}\" is not an ISO 639 code");
        }

        if (_errors.Count > errorsBefore)
        {
            return null;
        }

        var direction = article.Direction
            ?? language?.Direction
            ?? (article.Language is null ? _info.Direction : null)
            ?? FirstStrong(article.Headline, standfirst)
            ?? FirstStrongOfBody(article.Body)
            ?? TextDirection.LeftToRight;

        var context = new HtmlContext(language, direction);
        var guardedStandfirst = standfirst is null ? null : Guard(standfirst, direction);
        var standfirstHtml = guardedStandfirst is null ? null : ArticleHtml.RenderStandfirst(guardedStandfirst, context);

        // RSS: the W3C validator wants a description before content:encoded; without a standfirst, the first
        // paragraph stands in (documented).
        if (standfirstHtml is null && _format == FeedFormat.Rss
            && article.Body.OfType<Paragraph>().FirstOrDefault(p => !string.IsNullOrWhiteSpace(p.Text)) is { } first)
        {
            standfirstHtml = ArticleHtml.RenderStandfirst(Guard(first.Text, direction), context);
        }
        var bodyHtml = ArticleHtml.RenderBody(article, context);

        return new NormalizedArticle(
            article,
            id!,
            idIsUrl,
            Guard(article.Headline, direction),
            guardedStandfirst,
            standfirstHtml,
            bodyHtml,
            article.Updated ?? article.Published,
            language,
            direction);
    }

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

    private void CheckBlocks(ImmutableArray<Block> body, string at)
    {
        for (var b = 0; b < body.Length; b++)
        {
            var path = $"{at}[{b}]";
            switch (body[b])
            {
                case null:
                    Error(path, "is null");
                    break;
                case Paragraph p:
                    CheckChars(p.Text, $"{path}.Text", required: true);
                    break;
                case Subheading s:
                    CheckChars(s.Text, $"{path}.Text", required: true);
                    break;
                case Quote q:
                    CheckChars(q.Text, $"{path}.Text", required: true);
                    OptionalText(q.Attribution, $"{path}.Attribution");
                    break;
                case ListBlock l:
                    if (l.Items.IsDefaultOrEmpty)
                    {
                        Error($"{path}.Items", "a list needs at least one item");
                        break;
                    }

                    for (var i = 0; i < l.Items.Length; i++)
                    {
                        RequireText(l.Items[i], $"{path}.Items[{i}]");
                    }

                    break;
                case ImageBlock image:
                    CheckImage(image.Image, $"{path}.Image");
                    if (image.Image is null)
                    {
                        Error($"{path}.Image", "is null");
                    }

                    break;
                case RawHtml html:
                    CheckChars(html.Html, $"{path}.Html", required: true);
                    break;
                default:
                    Error(path, $"FeedKit cannot render a block of type {body[b].GetType().Name}");
                    break;
            }
        }
    }

    private void CheckImage(Image? image, string at)
    {
        if (image is null)
        {
            return;
        }

        RequireWebLink(image.Url, $"{at}.Url");
        OptionalText(image.AltText, $"{at}.AltText");
        OptionalText(image.Caption, $"{at}.Caption");
        OptionalText(image.MediaType, $"{at}.MediaType");
        if (image.Length is < 0)
        {
            Error($"{at}.Length", $"{image.Length} is negative; leave it null when the size is not known");
        }
    }

    private void CheckAuthors(ImmutableArray<Author> authors, string at)
    {
        for (var a = 0; a < authors.Length; a++)
        {
            var path = $"{at}[{a}]";
            var author = authors[a];
            if (author is null)
            {
                Error(path, "is null");
                continue;
            }

            RequireText(author.Name, $"{path}.Name");
            var email = OptionalText(author.Email, $"{path}.Email");
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
        }
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

    private string? CheckId(string id, string at)
    {
        if (!CheckChars(id, at, required: true))
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

    private void RequireText(string? text, string at)
    {
        if (text is null)
        {
            Error(at, "is required");
            return;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            Error(at, "is empty; it must have visible text");
            return;
        }

        CheckChars(text, at, required: true);
    }

    /// <summary>Returns the text, or null when it is null, empty or whitespace (documented: counts as absent).</summary>
    private string? OptionalText(string? text, string at)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return CheckChars(text, at, required: false) ? text : null;
    }

    private bool CheckChars(string? text, string at, bool required)
    {
        if (text is null)
        {
            if (required)
            {
                Error(at, "is required");
            }

            return false;
        }

        var index = XmlChars.IndexOfInvalid(text, out var codePoint);
        if (index >= 0)
        {
            Error(at, $"{XmlChars.Describe(codePoint)} at index {index} cannot be written in XML; remove it");
            return false;
        }

        return true;
    }

    private void Error(string path, string message) =>
        _errors.Add(new FeedProblem(FeedProblemSeverity.Error, path, message));
}
