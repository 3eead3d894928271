using System.Collections.Immutable;
using FeedKit.Archive;
using FeedKit.DublinCore;
using FeedKit.Extensions;
using FeedKit.Html;
using FeedKit.Media;
using FeedKit.Model;
using FeedKit.Podcasts;
using FeedKit.Text;
using FeedKit.WebSub;
using FeedKit.Xml;

namespace FeedKit.Validation;

/// <summary>What the validation layer is asked to do: the format's rules, the guard, where warnings go, the clock for the lint.</summary>
/// <param name="Format">The format whose rules apply.</param>
/// <param name="FirstStrongGuard">Whether titles get the first-strong guard (see <c>FeedWriterOptions.FirstStrongGuard</c>).</param>
/// <param name="Warnings">Receives each warning; null ignores them.</param>
/// <param name="Now">The current time, for the lint's dates-in-the-future warning; null skips it.</param>
internal readonly record struct ValidationOptions(FeedFormat Format, bool FirstStrongGuard, Action<FeedProblem>? Warnings = null, DateTimeOffset? Now = null);

/// <summary>
/// Checks a feed and resolves everything the writers need: this is where every rule of <see cref="FeedLint"/> lives,
/// so that what the lint reports and what the writers refuse are the same thing. Writers read only what it resolves
/// (<see cref="ResolvedHeader"/>, <see cref="ResolvedArticle"/>).
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
    private readonly ValidationOptions _options;
    private readonly FeedFormat _format;
    private readonly DateTimeOffset? _now;
    private readonly ExtensionChecker _extensions;

    // Ids seen so far, by digest rather than the string (see IdDigest for the odds of a collision), so that a
    // streamed feed of 100,000 articles keeps under 3 MB instead of every id.
    private readonly IdDigestSet _seenIds;
    private readonly string? _id;
    private readonly string _title;
    private readonly string? _subtitle;
    private readonly string? _rights;
    private readonly string? _generator;
    private readonly ImmutableArray<Author> _authors;
    private readonly FeedInfo _info;
    private readonly TextDirection _direction;
    private readonly ImmutableArray<FeedExtension> _feedExtensions;
    private readonly Namespaces _namespaces;
    private int _nextIndex;

    // The article whose body is being checked: the base of relative links in its raw HTML.
    private Uri? _baseUrl;

    public FeedNormalizer(FeedInfo info, ValidationOptions options, int expectedArticles = 0)
    {
        ArgumentNullException.ThrowIfNull(info);
        _info = info;
        _seenIds = new IdDigestSet(expectedArticles);
        _options = options;
        _format = options.Format;
        _warnings = options.Warnings;
        _now = options.Now;
        _extensions = new ExtensionChecker(this);

        var at = FieldPath.Feed;
        _title = Text(info.Title, at.Then("Title"), TextKind.RequiredLine) ?? string.Empty;
        _subtitle = Text(info.Subtitle, at.Then("Subtitle"), TextKind.OptionalBlock);
        _rights = Text(info.Rights, at.Then("Rights"), TextKind.OptionalLine);
        _generator = Text(info.Generator, at.Then("Generator"), TextKind.OptionalLine);
        RequireWebLink(info.SiteUrl, at.Then("SiteUrl"));
        OptionalWebLink(info.SelfUrl, at.Then("SelfUrl"));
        OptionalWebLink(info.IconUrl, at.Then("IconUrl"));
        OptionalWebLink(info.LogoUrl, at.Then("LogoUrl"));
        _authors = Authors(info.Authors, at.Then("Authors"));
        CheckFeedLinks(info, at);
        _id = info.Id is null ? (info.SiteUrl is { IsAbsoluteUri: true } site ? site.AbsoluteUri : null) : CheckId(info.Id, at.Then("Id"));

        if (info.SelfUrl is null)
        {
            Warning(at.Then("SelfUrl"), "no-self-url", "no self link: the W3C validator recommends rel=\"self\", and readers and WebSub hubs use it to know the feed's own URL");
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
            Warning(at.Then("Title"), "guard-off", GuardMessage(_direction));
        }

        // FeedKit's own feed-level extensions first, then the feed's; their namespaces, then the declared ones.
        var extensions = ImmutableArray.CreateBuilder<FeedExtension>();
        if (info.History is { } history)
        {
            extensions.Add(new HistoryLinks(history));
        }

        if (!info.Hubs.IsEmpty)
        {
            extensions.Add(new HubLinks(info.Hubs));
        }

        _namespaces = new Namespaces(_format);
        for (var e = 0; e < info.Extensions.Length; e++)
        {
            var extension = info.Extensions[e];
            if (extension is null)
            {
                Error(at.Then("Extensions", e), "null", "is null");
                continue;
            }

            // A podcast without its own podcast:guid gets the one the Podcasting 2.0 namespace derives from its feed
            // URL: the RSS document's, the podcast's feed (another format's self URL would give another guid).
            if (_format == FeedFormat.Rss && extension is PodcastShow { Guid: null } show && info.SelfUrl is { IsAbsoluteUri: true } self)
            {
                extension = show with { Guid = PodcastGuid.FromFeedUrl(self).ToString() };
            }

            _extensions.Check(extension, ExtensionTarget.Feed, info.Language, _direction, _authors, -1, -1, e);
            extensions.Add(extension);
        }

        _feedExtensions = extensions.ToImmutable();
        foreach (var extension in _feedExtensions)
        {
            Declare(extension.Namespace, at.Then("Extensions"));
            foreach (var other in extension.OtherNamespaces)
            {
                Declare(other, at.Then("Extensions"));
            }
        }

        for (var n = 0; n < info.Namespaces.Length; n++)
        {
            Declare(info.Namespaces[n], at.Then("Namespaces", n));
        }

        CheckPodcastShow(info, at);
    }

    private enum TextKind
    {
        RequiredLine,
        OptionalLine,
        RequiredBlock,
        OptionalBlock,
        Html,
    }

    /// <summary>The errors found so far.</summary>
    public IReadOnlyList<FeedProblem> Errors => _errors;

    /// <summary>Whether an error was found so far.</summary>
    public bool HasErrors => _errors.Count > 0;

    /// <summary>
    /// What a list of articles needs on the root element before any of them is written: the newest date (the feed's
    /// <c>updated</c> when none is given) and the namespaces of the extensions articles and media carry, in order of
    /// first use. A quick look, no checks: the checks come with each article.
    /// </summary>
    public static (DateTimeOffset? Newest, ImmutableArray<XmlNamespace> Namespaces) Scan(ImmutableArray<Article> articles)
    {
        ImmutableArray<XmlNamespace>.Builder? namespaces = null;
        foreach (var article in articles)
        {
            if (article is null)
            {
                continue;
            }

            AddNamespaces(ref namespaces, article.Extensions);
            foreach (var media in article.Media)
            {
                if (media is not null)
                {
                    AddNamespaces(ref namespaces, media.Extensions);
                }
            }
        }

        return (Feed.Newest(articles), namespaces?.ToImmutable() ?? []);
    }

    private static void AddNamespaces(ref ImmutableArray<XmlNamespace>.Builder? namespaces, ImmutableArray<FeedExtension> extensions)
    {
        foreach (var extension in extensions)
        {
            if (extension?.Namespace is { } ns && (namespaces is null || !namespaces.Contains(ns)))
            {
                (namespaces ??= ImmutableArray.CreateBuilder<XmlNamespace>()).Add(ns);
            }

            foreach (var other in extension?.OtherNamespaces ?? [])
            {
                if (namespaces is null || !namespaces.Contains(other))
                {
                    (namespaces ??= ImmutableArray.CreateBuilder<XmlNamespace>()).Add(other);
                }
            }
        }
    }

    /// <summary>
    /// Runs every check of one format on a whole feed (a list or, read to the end, a stream) and reports errors and
    /// warnings instead of throwing.
    /// </summary>
    public static async ValueTask CheckAsync(Feed feed, ValidationOptions options, Action<FeedProblem> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        using var normalizer = new FeedNormalizer(feed.Info, options with { Warnings = report }, feed.Articles.Length);
        if (feed.ArticleStream is { } stream)
        {
            if (feed.Info.Updated is null)
            {
                normalizer.RequireUpdatedForStream();
            }

            await foreach (var article in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                normalizer.TryNext(article, out _);
            }
        }
        else
        {
            var (newest, namespaces) = Scan(feed.Articles);
            normalizer.DeclareArticleNamespaces(namespaces);
            normalizer.CheckUpdated(feed.Info.Updated ?? newest, !feed.Articles.IsEmpty);
            foreach (var article in feed.Articles)
            {
                cancellationToken.ThrowIfCancellationRequested();
                normalizer.TryNext(article, out _);
            }
        }

        foreach (var error in normalizer._errors)
        {
            report(error);
        }
    }

    /// <summary>
    /// Checks and resolves a whole feed made from a list: its header, and its articles in a pooled array to dispose.
    /// Throws one exception with every error.
    /// </summary>
    public static ResolvedArticles Resolve(Feed feed, ValidationOptions options, out ResolvedHeader header, CancellationToken cancellationToken = default)
    {
        using var normalizer = Begin(feed, options, out var resolvedHeader);
        var articles = new ResolvedArticles(feed.Articles.Length);
        try
        {
            foreach (var article in feed.Articles)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (normalizer.TryNext(article, out var resolved))
                {
                    articles.Add(resolved);
                }
            }

            normalizer.ThrowIfErrors();
        }
        catch
        {
            articles.Dispose();
            throw;
        }

        header = resolvedHeader!;
        return articles;
    }

    /// <summary>
    /// Starts checking a feed made from a list: its own fields, its articles' namespaces (<see cref="Scan"/>), its date.
    /// The header is null when there are errors already.
    /// </summary>
    public static FeedNormalizer Begin(Feed feed, ValidationOptions options, out ResolvedHeader? header)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var normalizer = new FeedNormalizer(feed.Info, options, feed.Articles.Length);
        var (newest, namespaces) = Scan(feed.Articles);
        normalizer.DeclareArticleNamespaces(namespaces);
        var updated = feed.Info.Updated ?? newest;
        normalizer.CheckUpdated(updated, !feed.Articles.IsEmpty);
        header = normalizer.HasErrors ? null : normalizer.Header(updated!.Value);
        return normalizer;
    }

    /// <summary>
    /// Declares the namespaces that a list's articles use (see <see cref="Scan"/>), after the feed's own; in a stream,
    /// an article whose namespace was not declared beforehand is an error instead.
    /// </summary>
    public void DeclareArticleNamespaces(ImmutableArray<XmlNamespace> namespaces)
    {
        foreach (var ns in namespaces)
        {
            Declare(ns, FieldPath.Feed.Then("Namespaces"));
        }
    }

    /// <summary>The error of a feed whose <c>updated</c> date cannot be worked out: no articles, and none given.</summary>
    public void CheckUpdated(DateTimeOffset? updated, bool anyArticle)
    {
        // An article that was refused (no date, say) is already an error: "no articles" would be a false one.
        if (updated is null && !anyArticle)
        {
            Error(FieldPath.Feed.Then("Updated"), "needs-updated", "a feed with no articles needs an explicit Updated date (FeedKit never uses the clock, so that the same input always gives the same feed)");
        }
    }

    /// <summary>The error of a streamed feed without a date: its <c>updated</c> is written before any article is read.</summary>
    public void RequireUpdatedForStream() =>
        Error(FieldPath.Feed.Then("Updated"), "needs-updated", "a feed written from a stream of articles needs an explicit Updated date: it is written before the articles are read (FeedKit never uses the clock)");

    /// <summary>What the feed says about itself, resolved, with <paramref name="updated"/> as its date.</summary>
    public ResolvedHeader Header(DateTimeOffset updated) => new(
        _id ?? string.Empty,
        Guard(_title, _direction),
        _subtitle is null ? null : Guard(_subtitle, _direction),
        _info.SiteUrl,
        _info.SelfUrl,
        updated,
        _info.Language,
        _direction,
        _authors,
        _rights,
        _info.IconUrl,
        _info.LogoUrl,
        _generator,
        _feedExtensions,
        _namespaces.Declared);

    /// <summary>Checks and resolves the next article; false (with its errors recorded) when it cannot be written.</summary>
    public bool TryNext(Article article, out ResolvedArticle resolved)
    {
        var index = _nextIndex++;
        if (NormalizeArticle(article, index) is not { } normalized)
        {
            resolved = default;
            return false;
        }

        if (!_seenIds.TryAdd(IdDigest.Of(normalized.Id), index, out var first))
        {
            Error(FieldPath.Article(index).Then("Id"), "duplicate-id", FormattableString.Invariant($"\"{normalized.Id}\" is also the id of articles[{first}]; every article needs an id of its own"));
            resolved = default;
            return false;
        }

        resolved = normalized;
        return true;
    }

    /// <summary>Throws one exception with every error found so far, if any, and forgets them.</summary>
    public void ThrowIfErrors()
    {
        if (_errors.Count > 0)
        {
            var problems = _errors.ToList();
            _errors.Clear();
            throw new FeedValidationException(problems);
        }
    }

    /// <summary>Gives back the pooled table of id digests.</summary>
    public void Dispose() => _seenIds.Dispose();

    private void Declare(XmlNamespace? ns, in FieldPath at)
    {
        if (ns is not null && _namespaces.Add(ns) is { } conflict)
        {
            Error(at, "namespace-conflict", conflict);
        }
    }

    private ResolvedArticle? NormalizeArticle(Article article, int index)
    {
        var at = FieldPath.Article(index);
        if (article is null)
        {
            Error(at, "null", "is null");
            return null;
        }

        var errorsBefore = _errors.Count;
        var headline = Text(article.Headline, at.Then("Headline"), TextKind.RequiredLine) ?? string.Empty;
        var standfirst = Text(article.Standfirst, at.Then("Standfirst"), TextKind.OptionalBlock);
        if (_format == FeedFormat.Rss && LooksLikeMarkup(headline) is { } markup)
        {
            Warning(at.Then("Headline"), FeedProblemCodes.TitleLooksLikeHtml, $"contains \"{markup}\", which RSS readers take for HTML: the title is written escaped, as plain text, but feedparser, rss-parser, newsboat and the other common parsers read RSS titles as HTML and drop it or show it decoded; reword it (\"the b tag\"), or publish Atom, whose titles say they are text");
        }

        OptionalWebLink(article.Url, at.Then("Url"));
        if (article.Url is null)
        {
            Warning(at.Then("Url"), FeedProblemCodes.NoArticleUrl, "no URL: readers show the article with no link to open it, and feedparser, rss-parser, newsboat and the other common parsers report an entry without a link; give the article's page (an episode's page, for a podcast)");
        }

        var ownAuthors = Authors(article.Authors, at.Then("Authors"));
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
                Error(at.Then("Updated"), "updated-before-published", $"{Dates.Rfc3339(u)} is earlier than Published ({Dates.Rfc3339(article.Published)})");
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
            Error(at.Then("Id"), "missing-id", "the article has neither an Id nor a Url; give it one of them (an id must stay the same when the text is edited, so FeedKit does not make one up)");
        }

        var authors = ownAuthors.IsEmpty ? _authors : ownAuthors;
        if (_format == FeedFormat.Atom && authors.IsEmpty)
        {
            Error(at.Then("Authors"), "atom-author-required", "Atom requires an author for every entry: give the article an author, or give the feed authors (FeedInfo.Authors) to stand for it");
        }

        CheckLanguage(article.Language, at.Then("Language"), isFeed: false);
        var language = article.Language ?? _info.Language;
        var direction = article.Direction
            ?? language?.Direction
            ?? (article.Language is null ? _info.Direction : null)
            ?? FirstStrong(headline, standfirst)
            ?? FirstStrongOfBody(body)
            ?? TextDirection.LeftToRight;
        CheckExtensions(article, media, at, index, language, direction, authors);
        if (_errors.Count > errorsBefore)
        {
            return null;
        }

        CheckBidi(article.Language, headline, standfirst, body, at, language, direction);
        var guardedStandfirst = standfirst is null ? null : Guard(standfirst, direction);

        // RSS: the W3C validator wants a description before content:encoded; without a standfirst, the first
        // paragraph stands in, else the first other text of the body, else the headline (documented).
        var summary = guardedStandfirst;
        if (summary is null && _format == FeedFormat.Rss && (leadImage is not null || !body.IsEmpty))
        {
            summary = Guard(DescriptionText(body) ?? headline, direction);
        }

        var resolvedMedia = ResolveMedia(leadImage, media, at, direction);
        return new ResolvedArticle(
            id!,
            idIsUrl,
            article.Url,
            Guard(headline, direction),
            guardedStandfirst,
            summary,
            article.Published,
            article.Updated,
            authors,
            tags,
            leadImage,
            body,
            language,
            direction,
            resolvedMedia,
            resolvedMedia.IsEmpty ? null : new MediaRssContent(resolvedMedia),
            article.Extensions);
    }

    /// <summary>Checks the article's extensions and those of its media, and that a stream declared their namespaces.</summary>
    private void CheckExtensions(Article article, ImmutableArray<MediaAttachment> media, in FieldPath at, int index, LanguageTag? language, TextDirection direction, ImmutableArray<Author> authors)
    {
        EnclosureFacts? enclosure = media.IsEmpty ? null : new EnclosureFacts(media[0].Url, media[0].MediaType, media[0].Length, media[0].Duration);
        for (var e = 0; e < article.Extensions.Length; e++)
        {
            var extension = article.Extensions[e];
            if (extension is null)
            {
                Error(at.Then("Extensions", e), "null", "is null");
                continue;
            }

            CheckDeclared(extension, at.Then("Extensions", e));
            _extensions.Check(extension, ExtensionTarget.Article, language, direction, authors, index, -1, e, enclosure);
            CheckEpisodeInShow(extension, at.Then("Extensions", e));
        }

        for (var m = 0; m < article.Media.Length; m++)
        {
            var file = article.Media[m];
            if (file is null)
            {
                continue;
            }

            for (var e = 0; e < file.Extensions.Length; e++)
            {
                var extension = file.Extensions[e];
                if (extension is null)
                {
                    Error(at.Then("Media", m).Then("Extensions", e), "null", "is null");
                    continue;
                }

                CheckDeclared(extension, at.Then("Media", m).Then("Extensions", e));
                _extensions.Check(extension, ExtensionTarget.Media, language, direction, authors, index, m, e);
            }
        }
    }

    private void CheckDeclared(FeedExtension extension, in FieldPath at)
    {
        if (extension.Namespace is { } ns)
        {
            CheckDeclared(ns, at);
        }

        foreach (var other in extension.OtherNamespaces)
        {
            CheckDeclared(other, at);
        }
    }

    private void CheckDeclared(XmlNamespace ns, in FieldPath at)
    {
        if (!_namespaces.IsDeclared(ns))
        {
            Error(at, "undeclared-namespace", $"its namespace {ns.Uri} (prefix \"{ns.Prefix}\") is not declared on the feed: a streamed feed's root element is written before its articles are read, so add it to FeedInfo.Namespaces");
        }
    }

    /// <summary>
    /// The text that stands in for a missing standfirst in RSS: the first paragraph, else the first text of another
    /// block (a subheading, quote, list item, image caption, or the first paragraph of raw HTML, as plain text); null
    /// when the body has no text (images without captions).
    /// </summary>
    private static string? DescriptionText(ImmutableArray<Block> body)
    {
        foreach (var block in body)
        {
            if (block is Paragraph paragraph)
            {
                return paragraph.Text;
            }
        }

        foreach (var block in body)
        {
            var text = block switch
            {
                Subheading heading => heading.Text,
                Quote quote => quote.Text,
                ListBlock list => list.Items.FirstOrDefault(item => !string.IsNullOrWhiteSpace(item)),
                ImageBlock image => image.Image.Caption,
                RawHtml raw => HtmlSanitizing.PlainText(raw.Html),
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>
    /// The first thing in a plain-text title that an RSS reader would take for markup: a tag (<c>&lt;b&gt;</c>,
    /// <c>&lt;/p&gt;</c>, <c>&lt;!--</c>) or a character reference (<c>&amp;amp;</c>, <c>&amp;#38;</c>); null when none.
    /// </summary>
    private static string? LooksLikeMarkup(string text)
    {
        // Linear in the text: a '>' is looked for once, and a reference's ';' only within its longest length.
        var tagsClosed = true;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] == '<' && tagsClosed && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '!'))
            {
                var end = text.IndexOf('>', i);
                if (end > 0)
                {
                    return text[i..(end + 1)];
                }

                tagsClosed = false;
            }
            else if (text[i] == '&')
            {
                // A reference readers decode: a known name ("&amp;", not "&T;") or a number, ';' within 10 characters.
                var semicolon = text.AsSpan(i, Math.Min(11, text.Length - i)).IndexOf(';');
                if (semicolon > 1 && text.Substring(i, semicolon + 1) is var reference && System.Net.WebUtility.HtmlDecode(reference) != reference)
                {
                    return reference;
                }
            }
        }

        return null;
    }

    private void CheckBidi(LanguageTag? own, string headline, string? standfirst, ImmutableArray<Block> body, in FieldPath at, LanguageTag? language, TextDirection direction)
    {
        string Declared() => own is null ? $"the feed's language \"{language}\"" : $"\"{language}\"";
        switch (language?.Direction)
        {
            // Each question stops at the first letter that answers it: for ordinary text, the first letter.
            case TextDirection.RightToLeft when !AnyLetter(headline, standfirst, body, TextDirection.RightToLeft) && AnyLetter(headline, standfirst, body, TextDirection.LeftToRight):
                Warning(at.Then("Language"), "language-mismatch", $"{Declared()} is written right to left, but the article has no right-to-left letters: is its language set right?");
                break;
            case TextDirection.LeftToRight when !AnyLetter(headline, standfirst, body, TextDirection.LeftToRight) && AnyLetter(headline, standfirst, body, TextDirection.RightToLeft):
                Warning(at.Then("Language"), "language-mismatch", $"{Declared()} is written left to right, but all the article's letters are right-to-left: is its language set right?");
                break;
            case null when language is null && AnyLetter(headline, standfirst, body, TextDirection.RightToLeft):
                Warning(at.Then("Language"), "language-missing", "the article has right-to-left text but no language (neither its own nor the feed's): readers then guess direction and fonts; set one");
                break;
        }

        if (!_options.FirstStrongGuard && FirstStrongGuard.IsNeeded(headline, direction))
        {
            Warning(at.Then("Headline"), "guard-off", GuardMessage(direction));
        }
    }

    /// <summary>Whether any text of the article has a strong character of <paramref name="direction"/>.</summary>
    private static bool AnyLetter(string headline, string? standfirst, ImmutableArray<Block> body, TextDirection direction)
    {
        if (Bidi.ContainsStrong(headline, direction) || (standfirst is not null && Bidi.ContainsStrong(standfirst, direction)))
        {
            return true;
        }

        foreach (var block in body)
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
        null => Fail(path, "null", "is null"),
        Paragraph { Text: null } or Subheading { Text: null } or Quote { Text: null } => Fail(path.Then("Text"), "required", "is required (an empty string is allowed: the block is then left out)"),
        Paragraph p => Text(p.Text, path.Then("Text"), TextKind.OptionalBlock) is { } text ? (ReferenceEquals(text, p.Text) ? p : p with { Text = text }) : null,
        Subheading s => Text(s.Text, path.Then("Text"), TextKind.OptionalLine) is { } text ? (ReferenceEquals(text, s.Text) ? s : s with { Text = text }) : null,
        Quote q => QuoteBlock(q, path),
        ListBlock l => List(l, path),
        ImageBlock i => i.Image is null ? Fail(path.Then("Image"), "null", "is null") : Image(i.Image, path.Then("Image")) is { } image ? (ReferenceEquals(image, i.Image) ? i : i with { Image = image }) : null,
        RawHtml h => RawHtmlBlock(h, path.Then("Html")),
        _ => Fail(path, "unknown-block", $"FeedKit cannot render a block of type {block.GetType().Name}"),
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
                return Fail<RawHtml>(at, "html-too-deep", error);
            }

            foreach (var warning in sanitized.Warnings)
            {
                Warning(at, "html-removed", warning);
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
            return Fail<ListBlock>(path.Then("Items"), "empty-list", "a list needs at least one item");
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
            Error(at.Then("Length"), "negative-length", FormattableString.Invariant($"{image.Length} is negative; leave it null when the size is not known"));
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
            Error(path, "null", "is null");
            return null;
        }

        var name = Text(author.Name, path.Then("Name"), TextKind.RequiredLine);
        var email = Text(author.Email, path.Then("Email"), TextKind.OptionalLine);
        if (email is not null && !LooksLikeEmail(email))
        {
            Error(path.Then("Email"), "invalid-email", $"\"{email}\" is not an e-mail address of the form name@host");
        }

        if (author.Url is { } uri)
        {
            if (!uri.IsAbsoluteUri)
            {
                Error(path.Then("Url"), "relative-uri", $"relative URI \"{uri.OriginalString}\" needs a base: feeds are read far from the site, so every link must be absolute");
            }
            else if (IsScriptScheme(uri))
            {
                Error(path.Then("Url"), "script-uri", $"\"{uri.Scheme}:\" URIs are not allowed in feeds");
            }
            else if (uri.Scheme is not ("http" or "https" or "mailto"))
            {
                Error(path.Then("Url"), "not-http-uri", $"a \"{uri.Scheme}:\" URI is not a page readers can open: give an http(s) profile page or a mailto: address");
            }
            else if (uri.UserInfo.Length > 0 && uri.Scheme != "mailto")
            {
                Error(path.Then("Url"), "uri-credentials", CredentialsMessage);
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
            Error(at, "language-not-iso639", isFeed
                ? $"{what}, which an RSS <language> must be (the RSS specification and the W3C validator require one)"
                : $"{what}, which <dc:language> must be");
        }
        else
        {
            Warning(at, "language-not-iso639", $"{what}; the W3C validator flags such an xml:lang, and RSS cannot carry it at all");
        }
    }

    private void CheckDate(DateTimeOffset date, in FieldPath at)
    {
        if (date < Implausible)
        {
            Warning(at, "implausible-date", $"{Dates.Rfc3339(date)} is before 1990, which the W3C validator calls implausible: is it a default value?");
        }
        else if (_now is { } now && date > now.AddDays(1))
        {
            Warning(at, "future-date", $"{Dates.Rfc3339(date)} is in the future; readers may hide the item or sort it first until then");
        }
    }

    private string? CheckId(string id, in FieldPath at)
    {
        if (CheckCharacters(id, at) is null)
        {
            return null;
        }

        if (id.Trim().Length != id.Length)
        {
            Error(at, "invalid-id", $"\"{id}\" starts or ends with white space: readers compare ids character for character");
            return null;
        }

        if (Uri.TryCreate(id, UriKind.Absolute, out var uri) && !IsScriptScheme(uri))
        {
            return id;
        }

        // RSS's guid (isPermaLink="false") and JSON Feed's id take any string: the UUIDs and host-made ids of shows
        // and sites that move to FeedKit are kept. Atom's id must be an IRI: a UUID becomes its urn:uuid: form
        // (RFC 4122), anything else is an error for Atom only.
        if (_format != FeedFormat.Atom && uri is null)
        {
            return id;
        }

        if (_format == FeedFormat.Atom && System.Guid.TryParseExact(id, "D", out var uuid))
        {
            return "urn:uuid:" + uuid.ToString("D");
        }

        Error(at, "invalid-id", $"\"{id}\" is not an absolute URI; Atom ids must be IRIs that never change, such as \"tag:example.com,2021:article-1234\" or the article's permanent URL (RSS and JSON Feed take any string; a UUID is written to Atom as urn:uuid:…)");
        return null;
    }

    private void RequireWebLink(Uri? uri, in FieldPath at)
    {
        if (uri is null)
        {
            Error(at, "required", "is required");
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
            Error(at, "relative-uri", $"relative URI \"{uri.OriginalString}\" needs a base: feeds are read far from the site, so every link must be absolute");
        }
        else if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            Error(at, "not-http-uri", uri.UserInfo.Length > 0 ? $"a \"{uri.Scheme}:\" URL is not an http or https URL" : $"\"{uri.OriginalString}\" is not an http or https URL");
        }
        else if (uri.UserInfo.Length > 0)
        {
            Error(at, "uri-credentials", CredentialsMessage);
        }
    }

    /// <summary>The message for a link with a user name or password; it leaves the link out, since it holds a secret.</summary>
    private const string CredentialsMessage =
        "carries credentials (user:password@), which the feed would publish to every subscriber (and WebSub sends none to hubs); remove them";

    /// <summary>
    /// Whether a text has a character a reader shows: not only spaces and invisible formatting characters (zero-width
    /// spaces and joiners, direction marks, isolates and embeddings, soft hyphens, word joiners, byte order marks).
    /// </summary>
    private static bool HasVisibleCharacter(string text)
    {
        foreach (var c in text)
        {
            var invisible = char.IsWhiteSpace(c)
                || c is '\u00AD' or '\u034F' or '\u061C' or '\u115F' or '\u1160' or '\u180E' or '\u3164' or '\uFEFF' or '\uFFA0'
                || c is >= '\u200B' and <= '\u200F'
                || c is >= '\u202A' and <= '\u202E'
                || c is >= '\u2060' and <= '\u206F'
                || c is >= '\uFE00' and <= '\uFE0F';
            if (!invisible)
            {
                return true;
            }
        }

        return false;
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
                Error(at, "required", "is required");
            }

            return null;
        }

        var line = kind is TextKind.RequiredLine or TextKind.OptionalLine;
        if (TextCleaner.IsClean(text, line))
        {
            // The common case, settled by one vectorized scan: every check below would pass and change nothing (a
            // required text still needs a character readers show; the first one usually is).
            if (required && !HasVisibleCharacter(text))
            {
                Error(at, "empty", "is empty; it must have visible text");
                return null;
            }

            return text;
        }

        if (CheckCharacters(text, at) is null)
        {
            return null;
        }

        var clean = line ? TextCleaner.Line(text) : TextCleaner.Block(text);
        if (clean.Length == 0 || (required && !HasVisibleCharacter(clean)))
        {
            if (required)
            {
                Error(at, "empty", "is empty; it must have visible text");
            }

            return null;
        }

        var embedding = clean.AsSpan().IndexOfAnyInRange('\u202A', '\u202E');
        if (embedding >= 0)
        {
            Warning(at, "bidi-embedding", $"contains the bidi embedding control U+{(int)clean[embedding]:X4}; embeddings and overrides leak into the text around them wherever a reader cuts, joins or truncates the text (and an unbalanced one changes everything after it): use isolates (U+2066–U+2069) or marks (U+200E, U+200F) instead");
        }

        return clean;
    }

    /// <summary>Errors for characters an XML feed cannot (or should not) carry; returns the text, or null.</summary>
    private string? CheckCharacters(string text, in FieldPath at)
    {
        var index = XmlChars.IndexOfInvalid(text, out var codePoint);
        if (index >= 0)
        {
            Error(at, "invalid-character", FormattableString.Invariant($"{XmlChars.Describe(codePoint)} at index {index} cannot be written in XML; remove it"));
            return null;
        }

        var c1 = text.AsSpan().IndexOfAnyInRange('\u0080', '\u009F');
        if (c1 >= 0)
        {
            Error(at, "c1-control", FormattableString.Invariant($"U+{(int)text[c1]:X4} (a C1 control character) at index {c1}: such characters usually mean text decoded with the wrong encoding (Windows-1252 read as Latin-1); fix the text"));
            return null;
        }

        return text;
    }

    private void Error(in FieldPath path, string code, string message) =>
        _errors.Add(new FeedProblem(FeedProblemSeverity.Error, path.ToProblemPath(), code, message));

    private T? Fail<T>(in FieldPath path, string code, string message)
        where T : class
    {
        Error(path, code, message);
        return null;
    }

    private Block? Fail(in FieldPath path, string code, string message) => Fail<Block>(path, code, message);

    private void Warning(in FieldPath path, string code, string message) =>
        _warnings?.Invoke(new FeedProblem(FeedProblemSeverity.Warning, path.ToProblemPath(), code, message));
}
