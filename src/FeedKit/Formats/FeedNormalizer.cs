using System.Collections.Immutable;
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
/// <item>raw HTML blocks are sanitized here, once, unless marked trusted (see <see cref="RawHtml"/>), with a warning
/// for what sanitizing removes.</item>
/// </list>
/// </remarks>
internal sealed partial class FeedNormalizer : IDisposable
{
    private static readonly DateTimeOffset Implausible = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<FeedProblem> _errors = [];
    private readonly Action<FeedProblem>? _warnings;
    private readonly FeedWriterOptions _options;
    private readonly FeedFormat _format;
    private readonly DateTimeOffset? _now;
    private readonly FeedInfo _info;

    // Ids seen so far, by digest rather than the string (see IdDigest for the odds of a collision), so that a
    // streamed feed of 100,000 articles keeps under 3 MB instead of every id.
    private readonly IdDigestSet _seenIds;
    private readonly string? _id;
    private readonly string _title;
    private readonly string? _subtitle;
    private readonly TextDirection _direction;
    private int _nextIndex;

    // The article whose body is being checked: the base of relative links in its raw HTML.
    private Uri? _baseUrl;

    private FeedNormalizer(FeedInfo info, FeedWriterOptions? options, FeedFormat format, Action<FeedProblem>? warnings, DateTimeOffset? now, int expectedArticles = 0)
    {
        ArgumentNullException.ThrowIfNull(info);
        _seenIds = new IdDigestSet(expectedArticles);
        _options = options ?? FeedWriterOptions.Default;
        _format = format;
        _warnings = warnings ?? _options.Warnings;
        _now = now;

        var at = FieldPath.Feed;
        _title = Text(info.Title, at.Then("Title"), TextKind.RequiredLine) ?? string.Empty;
        _subtitle = Text(info.Subtitle, at.Then("Subtitle"), TextKind.OptionalBlock);
        var rights = Text(info.Rights, at.Then("Rights"), TextKind.OptionalLine);
        var generator = Text(info.Generator, at.Then("Generator"), TextKind.OptionalLine);
        RequireWebLink(info.SiteLink, at.Then("SiteLink"));
        OptionalWebLink(info.SelfLink, at.Then("SelfLink"));
        OptionalWebLink(info.Icon, at.Then("Icon"));
        OptionalWebLink(info.Logo, at.Then("Logo"));
        var authors = Authors(info.Authors, at.Then("Authors"));
        CheckFeedLinks(info, at);
        _id = info.Id is null ? (info.SiteLink is { IsAbsoluteUri: true } site ? site.AbsoluteUri : null) : CheckId(info.Id, at.Then("Id"));
        _info = info with { Title = _title, Subtitle = _subtitle, Rights = rights, Generator = generator, Authors = authors };

        if (info.SelfLink is null)
        {
            Warning(at.Then("SelfLink"), "no self link: the W3C validator recommends rel=\"self\", and readers and WebSub hubs use it to know the feed's own URL");
        }

        CheckLanguage(info.Language, at.Then("Language"), isFeed: true);
        if (info.Updated is { } updated)
        {
            CheckDate(updated, at.Then("Updated"));
        }

        _direction = info.Direction
            ?? info.Language?.Direction
            ?? FirstStrong(_title, _subtitle)
            ?? TextDirection.LeftToRight;
        if (!_options.FirstStrongGuard && FirstStrongGuard.IsNeeded(_title, _direction))
        {
            Warning(at.Then("Title"), GuardMessage(_direction));
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

    /// <summary>Validates and resolves a whole feed; throws one exception with every error. Dispose the result.</summary>
    public static NormalizedFeed Normalize(Feed feed, FeedWriterOptions? options, FeedFormat format) =>
        NormalizeCore(feed, options, format, warnings: null, now: null, out var errors)
        ?? throw new FeedValidationException(errors);

    /// <summary>Runs every check for one format and reports errors and warnings instead of throwing.</summary>
    public static void Check(Feed feed, FeedWriterOptions? options, FeedFormat format, DateTimeOffset? now, Action<FeedProblem> report)
    {
        NormalizeCore(feed, options, format, report, now, out var errors)?.Dispose();
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
            normalizer.Error(FieldPath.Feed.Then("Updated"), "a feed written from a stream of articles needs an explicit Updated date: it is written before the articles are read (FeedKit never uses the clock)");
        }

        normalizer.ThrowIfErrors();
        return (normalizer, normalizer.Header(info.Updated!.Value));
    }

    /// <summary>Normalizes the next article of a stream; throws with its errors.</summary>
    public NormalizedArticle NextOrThrow(Article article)
    {
        var normalized = Next(article);
        ThrowIfErrors();
        return normalized!.Value;
    }

    private static NormalizedFeed? NormalizeCore(Feed feed, FeedWriterOptions? options, FeedFormat format, Action<FeedProblem>? warnings, DateTimeOffset? now, out List<FeedProblem> errors)
    {
        ArgumentNullException.ThrowIfNull(feed);
        using var normalizer = new FeedNormalizer(feed.Info, options, format, warnings, now, feed.Articles.Length);
        errors = normalizer._errors;
        var articles = new NormalizedFeed(feed.Articles.Length);
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
            foreach (ref readonly var article in articles.Articles)
            {
                if (updated is null || article.Updated.UtcDateTime > updated.Value.UtcDateTime)
                {
                    updated = article.Updated;
                }
            }
        }

        if (updated is null && feed.Articles.IsEmpty)
        {
            normalizer.Error(FieldPath.Feed.Then("Updated"), "a feed with no articles needs an explicit Updated date (FeedKit never uses the clock, so that the same input always gives the same feed)");
        }

        if (errors.Count > 0)
        {
            articles.Dispose();
            return null;
        }

        articles.Header = normalizer.Header(updated!.Value);
        return articles;
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
        if (NormalizeArticle(article, index) is not { } normalized)
        {
            return null;
        }

        if (!_seenIds.TryAdd(IdDigest.Of(normalized.Id), index, out var first))
        {
            Error(FieldPath.Article(index).Then("Id"), $"\"{normalized.Id}\" is also the id of articles[{first}]; every article needs an id of its own");
            return null;
        }

        return normalized;
    }

    /// <summary>Gives back the pooled table of id digests.</summary>
    public void Dispose() => _seenIds.Dispose();

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
        var at = FieldPath.Article(index);
        if (article is null)
        {
            Error(at, "is null");
            return null;
        }

        var errorsBefore = _errors.Count;
        var headline = Text(article.Headline, at.Then("Headline"), TextKind.RequiredLine) ?? string.Empty;
        var standfirst = Text(article.Standfirst, at.Then("Standfirst"), TextKind.OptionalBlock);
        OptionalWebLink(article.Url, at.Then("Url"));
        var authors = Authors(article.Authors, at.Then("Authors"));
        var leadImage = Image(article.LeadImage, at.Then("LeadImage"));
        var media = Media(article, leadImage, at);
        var tags = Each(article.Tags, (this, at), static (state, tag, t) => state.Item1.Text(tag, state.at.Then("Tags", t), TextKind.RequiredLine));

        _baseUrl = article.Url is { IsAbsoluteUri: true } url ? url : null;
        var body = Blocks(article.Body, at.Then("Body"));
        CheckDate(article.Published, at.Then("Published"));
        if (article.Updated is { } u)
        {
            CheckDate(u, at.Then("Updated"));
            if (u.UtcDateTime < article.Published.UtcDateTime)
            {
                Error(at.Then("Updated"), $"{Dates.Rfc3339(u)} is earlier than Published ({Dates.Rfc3339(article.Published)})");
            }
        }

        string? id = null;
        var idIsUrl = false;
        if (article.Id is not null)
        {
            id = CheckId(article.Id, at.Then("Id"));
            idIsUrl = article.Url is { IsAbsoluteUri: true } && string.Equals(id, article.Url.AbsoluteUri, StringComparison.Ordinal);
        }
        else if (article.Url is { IsAbsoluteUri: true })
        {
            id = article.Url.AbsoluteUri;
            idIsUrl = true;
        }
        else if (article.Url is null)
        {
            Error(at.Then("Id"), "the article has neither an Id nor a Url; give it one of them (an id must stay the same when the text is edited, so FeedKit does not make one up)");
        }

        if (_format == FeedFormat.Atom && article.Authors.IsEmpty && _info.Authors.IsEmpty)
        {
            Error(at.Then("Authors"), "Atom requires an author for every entry: give the article an author, or give the feed authors (FeedInfo.Authors) to stand for it");
        }

        CheckLanguage(article.Language, at.Then("Language"), isFeed: false);
        if (_errors.Count > errorsBefore)
        {
            return null;
        }

        // A copy only when a normalization changed something: clean input allocates nothing here.
        var clean = ReferenceEquals(headline, article.Headline) && ReferenceEquals(standfirst, article.Standfirst)
            && body == article.Body && authors == article.Authors && tags == article.Tags && ReferenceEquals(leadImage, article.LeadImage)
            && media == article.Media
            ? article
            : article with { Headline = headline, Standfirst = standfirst, Body = body, Authors = authors, Tags = tags, LeadImage = leadImage, Media = media };
        var language = clean.Language ?? _info.Language;
        var direction = clean.Direction
            ?? language?.Direction
            ?? (clean.Language is null ? _info.Direction : null)
            ?? FirstStrong(headline, standfirst)
            ?? FirstStrongOfBody(body)
            ?? TextDirection.LeftToRight;
        CheckBidi(clean, at, language, direction);

        var guardedStandfirst = standfirst is null ? null : Guard(standfirst, direction);

        // RSS: the W3C validator wants a description before content:encoded; without a standfirst, the first
        // paragraph stands in (documented).
        var summary = guardedStandfirst;
        if (summary is null && _format == FeedFormat.Rss && FirstParagraph(body) is { } first)
        {
            summary = Guard(first.Text, direction);
        }

        return new NormalizedArticle(
            clean,
            id!,
            idIsUrl,
            Guard(headline, direction),
            guardedStandfirst,
            summary,
            clean.Updated ?? clean.Published,
            language,
            direction,
            ResolveMedia(clean, at, direction));
    }

    private static Paragraph? FirstParagraph(ImmutableArray<Block> body)
    {
        foreach (var block in body)
        {
            if (block is Paragraph paragraph)
            {
                return paragraph;
            }
        }

        return null;
    }

    private void CheckBidi(Article article, in FieldPath at, LanguageTag? language, TextDirection direction)
    {
        string Declared() => article.Language is null ? $"the feed's language \"{language}\"" : $"\"{language}\"";
        switch (language?.Direction)
        {
            // Each question stops at the first letter that answers it: for ordinary text, the first letter.
            case TextDirection.RightToLeft when !AnyLetter(article, TextDirection.RightToLeft) && AnyLetter(article, TextDirection.LeftToRight):
                Warning(at.Then("Language"), $"{Declared()} is written right to left, but the article has no right-to-left letters: is its language set right?");
                break;
            case TextDirection.LeftToRight when !AnyLetter(article, TextDirection.LeftToRight) && AnyLetter(article, TextDirection.RightToLeft):
                Warning(at.Then("Language"), $"{Declared()} is written left to right, but all the article's letters are right-to-left: is its language set right?");
                break;
            case null when language is null && AnyLetter(article, TextDirection.RightToLeft):
                Warning(at.Then("Language"), "the article has right-to-left text but no language (neither its own nor the feed's): readers then guess direction and fonts; set one");
                break;
        }

        if (!_options.FirstStrongGuard && FirstStrongGuard.IsNeeded(article.Headline, direction))
        {
            Warning(at.Then("Headline"), GuardMessage(direction));
        }
    }

    /// <summary>Whether any text of the article has a strong character of <paramref name="direction"/>.</summary>
    private static bool AnyLetter(Article article, TextDirection direction)
    {
        if (Bidi.ContainsStrong(article.Headline, direction) || (article.Standfirst is { } standfirst && Bidi.ContainsStrong(standfirst, direction)))
        {
            return true;
        }

        foreach (var block in article.Body)
        {
            if (ArticleHtml.PlainTextOf(block) is { } text && Bidi.ContainsStrong(text, direction))
            {
                return true;
            }
        }

        return false;
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

    private ImmutableArray<Block> Blocks(ImmutableArray<Block> body, in FieldPath at) =>
        Each(body, (this, at), static (state, block, b) => state.Item1.Block(block, state.at, b));

    /// <summary>Checks block <paramref name="index"/> of a body; its path is built only when there is something to check.</summary>
    private Block? Block(Block block, in FieldPath body, int index) => block switch
    {
        // The common case first: a paragraph or subheading that Text would return as it is, with nothing to report.
        Paragraph { Text: { } text } when TextCleaner.IsClean(text, line: false) => block,
        Subheading { Text: { } text } when TextCleaner.IsClean(text, line: true) => block,
        _ => Block(block, body.Index(index)),
    };

    private Block? Block(Block block, in FieldPath path) => block switch
    {
        null => Fail(path, "is null"),
        Paragraph { Text: null } or Subheading { Text: null } or Quote { Text: null } => Fail(path.Then("Text"), "is required (an empty string is allowed: the block is then left out)"),
        Paragraph p => Text(p.Text, path.Then("Text"), TextKind.OptionalBlock) is { } text ? (ReferenceEquals(text, p.Text) ? p : p with { Text = text }) : null,
        Subheading s => Text(s.Text, path.Then("Text"), TextKind.OptionalLine) is { } text ? (ReferenceEquals(text, s.Text) ? s : s with { Text = text }) : null,
        Quote q => QuoteBlock(q, path),
        ListBlock l => List(l, path),
        ImageBlock i => i.Image is null ? Fail(path.Then("Image"), "is null") : Image(i.Image, path.Then("Image")) is { } image ? (ReferenceEquals(image, i.Image) ? i : i with { Image = image }) : null,
        RawHtml h => RawHtmlBlock(h, path.Then("Html")),
        _ => Fail(path, $"FeedKit cannot render a block of type {block.GetType().Name}"),
    };

    /// <summary>
    /// Cleans a raw HTML block and, unless it is trusted, sanitizes it here, once: the lint checks and the writers
    /// write the same sanitized HTML (see <see cref="HtmlSanitizing"/>).
    /// </summary>
    private RawHtml? RawHtmlBlock(RawHtml block, in FieldPath at)
    {
        if (Text(block.Html, at, TextKind.Html) is not { } html)
        {
            return null;
        }

        if (!block.Trusted)
        {
            var sanitized = HtmlSanitizing.Sanitize(html, _baseUrl);
            if (sanitized.Error is { } error)
            {
                return Fail<RawHtml>(at, error);
            }

            foreach (var warning in sanitized.Warnings)
            {
                Warning(at, warning);
            }

            html = sanitized.Html;
        }

        return ReferenceEquals(html, block.Html) ? block : block with { Html = html };
    }

    private Quote? QuoteBlock(Quote quote, in FieldPath path)
    {
        var text = Text(quote.Text, path.Then("Text"), TextKind.OptionalBlock);
        var attribution = Text(quote.Attribution, path.Then("Attribution"), TextKind.OptionalLine);
        if (text is null)
        {
            return null;
        }

        return Same(text, quote.Text) && Same(attribution, quote.Attribution) ? quote : quote with { Text = text, Attribution = attribution };
    }

    private static bool Same(string? before, string? after) => ReferenceEquals(before, after);

    /// <summary>
    /// Applies <paramref name="clean"/> to each item; returns the same array when nothing changed (no allocation),
    /// else a new one without the items that came back null.
    /// </summary>
    private static ImmutableArray<T> Each<T, TState>(ImmutableArray<T> items, TState state, Func<TState, T, int, T?> clean)
        where T : class
    {
        ImmutableArray<T>.Builder? changed = null;
        for (var i = 0; i < items.Length; i++)
        {
            var result = clean(state, items[i], i);
            if (changed is null && ReferenceEquals(result, items[i]))
            {
                continue;
            }

            if (changed is null)
            {
                changed = ImmutableArray.CreateBuilder<T>(items.Length);
                for (var j = 0; j < i; j++)
                {
                    changed.Add(items[j]);
                }
            }

            if (result is not null)
            {
                changed.Add(result);
            }
        }

        return changed?.ToImmutable() ?? items;
    }

    private ListBlock? List(ListBlock list, in FieldPath path)
    {
        if (list.Items.IsDefaultOrEmpty)
        {
            return Fail<ListBlock>(path.Then("Items"), "a list needs at least one item");
        }

        var items = Each(list.Items, (this, path), static (state, item, i) => state.Item1.Text(item, state.path.Then("Items", i), TextKind.RequiredLine));
        return items == list.Items ? list : list with { Items = items };
    }

    private Image? Image(Image? image, in FieldPath at)
    {
        if (image is null)
        {
            return null;
        }

        RequireWebLink(image.Url, at.Then("Url"));
        if (image.Length is < 0)
        {
            Error(at.Then("Length"), $"{image.Length} is negative; leave it null when the size is not known");
        }

        var alt = Text(image.AltText, at.Then("AltText"), TextKind.OptionalLine);
        var caption = Text(image.Caption, at.Then("Caption"), TextKind.OptionalLine);
        var mediaType = Text(image.MediaType, at.Then("MediaType"), TextKind.OptionalLine);
        return Same(alt, image.AltText) && Same(caption, image.Caption) && Same(mediaType, image.MediaType)
            ? image
            : image with { AltText = alt, Caption = caption, MediaType = mediaType };
    }

    private ImmutableArray<Author> Authors(ImmutableArray<Author> authors, in FieldPath at) =>
        Each(authors, (this, at), static (state, author, a) => state.Item1.Author(author, state.at.Index(a)));

    private Author? Author(Author? author, in FieldPath path)
    {
        if (author is null)
        {
            Error(path, "is null");
            return null;
        }

        var name = Text(author.Name, path.Then("Name"), TextKind.RequiredLine);
        var email = Text(author.Email, path.Then("Email"), TextKind.OptionalLine);
        if (email is not null && !LooksLikeEmail(email))
        {
            Error(path.Then("Email"), $"\"{email}\" is not an e-mail address of the form name@host");
        }

        if (author.Uri is { } uri)
        {
            if (!uri.IsAbsoluteUri)
            {
                Error(path.Then("Uri"), $"relative URI \"{uri.OriginalString}\" needs a base: feeds are read far from the site, so every link must be absolute");
            }
            else if (IsScriptScheme(uri))
            {
                Error(path.Then("Uri"), $"\"{uri.Scheme}:\" URIs are not allowed in feeds");
            }
        }

        if (name is null)
        {
            return null;
        }

        return Same(name, author.Name) && Same(email, author.Email) ? author : author with { Name = name, Email = email };
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

    private void CheckLanguage(LanguageTag? language, in FieldPath at, bool isFeed)
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

    private void CheckDate(DateTimeOffset date, in FieldPath at)
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

    private string? CheckId(string id, in FieldPath at)
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

    private void RequireWebLink(Uri? uri, in FieldPath at)
    {
        if (uri is null)
        {
            Error(at, "is required");
            return;
        }

        OptionalWebLink(uri, at);
    }

    private void OptionalWebLink(Uri? uri, in FieldPath at)
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
    private string? Text(string? text, in FieldPath at, TextKind kind)
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

        var line = kind is TextKind.RequiredLine or TextKind.OptionalLine;
        if (TextCleaner.IsClean(text, line))
        {
            // The common case, settled by one vectorized scan: every check below would pass and change nothing.
            return text;
        }

        if (CheckCharacters(text, at) is null)
        {
            return null;
        }

        var clean = line ? TextCleaner.Line(text) : TextCleaner.Block(text);
        if (clean.Length == 0)
        {
            if (required)
            {
                Error(at, "is empty; it must have visible text");
            }

            return null;
        }

        var embedding = clean.AsSpan().IndexOfAnyInRange('\u202A', '\u202E');
        if (embedding >= 0)
        {
            Warning(at, $"contains the bidi embedding control U+{(int)clean[embedding]:X4}; unbalanced embeddings change the direction of the text around it in readers: use isolates (U+2066–U+2069) or marks (U+200E, U+200F) instead");
        }

        return clean;
    }

    /// <summary>Errors for characters an XML feed cannot (or should not) carry; returns the text, or null.</summary>
    private string? CheckCharacters(string text, in FieldPath at)
    {
        var index = XmlChars.IndexOfInvalid(text, out var codePoint);
        if (index >= 0)
        {
            Error(at, $"{XmlChars.Describe(codePoint)} at index {index} cannot be written in XML; remove it");
            return null;
        }

        var c1 = text.AsSpan().IndexOfAnyInRange('\u0080', '\u009F');
        if (c1 >= 0)
        {
            Error(at, $"U+{(int)text[c1]:X4} (a C1 control character) at index {c1}: such characters usually mean text decoded with the wrong encoding (Windows-1252 read as Latin-1); fix the text");
            return null;
        }

        return text;
    }

    private void Error(in FieldPath path, string message) =>
        _errors.Add(new FeedProblem(FeedProblemSeverity.Error, path.ToString(), message));

    private T? Fail<T>(in FieldPath path, string message)
        where T : class
    {
        Error(path, message);
        return null;
    }

    private Block? Fail(in FieldPath path, string message) => Fail<Block>(path, message);

    private void Warning(in FieldPath path, string message) =>
        _warnings?.Invoke(new FeedProblem(FeedProblemSeverity.Warning, path.ToString(), message));
}
