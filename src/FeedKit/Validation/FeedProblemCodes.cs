using FeedKit.Podcasts;

namespace FeedKit.Validation;

/// <summary>
/// The stable codes of <see cref="FeedProblem.Code"/>: match on these, not on messages, which may be reworded. Codes
/// are never reused for another kind of problem; new ones may be added.
/// </summary>
public static class FeedProblemCodes
{
    /// <summary>A required member is missing.</summary>
    public const string Required = "required";

    /// <summary>A required text has no visible characters.</summary>
    public const string Empty = "empty";

    /// <summary>An item of a list (an article, an author, a block …) is null.</summary>
    public const string Null = "null";

    /// <summary>A character XML cannot carry: a control character, U+FFFE, U+FFFF, a lone surrogate.</summary>
    public const string InvalidCharacter = "invalid-character";

    /// <summary>A C1 control character (U+0080–U+009F), usually text decoded with the wrong encoding.</summary>
    public const string C1Control = "c1-control";

    /// <summary>A bidi embedding control (RLE, LRE, PDF, LRO, RLO) where isolates or marks belong (warning).</summary>
    public const string BidiEmbedding = "bidi-embedding";

    /// <summary>A relative link: feeds need absolute ones.</summary>
    public const string RelativeUri = "relative-uri";

    /// <summary>A link that is not http or https.</summary>
    public const string NotHttpUri = "not-http-uri";

    /// <summary>A javascript:, vbscript: or data: URI.</summary>
    public const string ScriptUri = "script-uri";

    /// <summary>A link with a user name or password in it, which the feed would publish.</summary>
    public const string UriCredentials = "uri-credentials";

    /// <summary>An id that is not an absolute URI.</summary>
    public const string InvalidId = "invalid-id";

    /// <summary>An article with neither an id nor a URL.</summary>
    public const string MissingId = "missing-id";

    /// <summary>Two articles with the same id.</summary>
    public const string DuplicateId = "duplicate-id";

    /// <summary>An author's e-mail address that is not of the form name@host.</summary>
    public const string InvalidEmail = "invalid-email";

    /// <summary>An article updated before it was published.</summary>
    public const string UpdatedBeforePublished = "updated-before-published";

    /// <summary>A date before 1990 (warning).</summary>
    public const string ImplausibleDate = "implausible-date";

    /// <summary>A date more than a day after FeedLintOptions.Now (warning).</summary>
    public const string FutureDate = "future-date";

    /// <summary>A feed whose updated date cannot be worked out: streamed, or without articles.</summary>
    public const string NeedsUpdated = "needs-updated";

    /// <summary>An Atom entry without any author, its own or the feed's.</summary>
    public const string AtomAuthorRequired = "atom-author-required";

    /// <summary>A language whose primary subtag is not ISO 639 (an error for RSS, a warning otherwise).</summary>
    public const string LanguageNotIso639 = "language-not-iso639";

    /// <summary>A declared language whose direction the article's letters contradict (warning).</summary>
    public const string LanguageMismatch = "language-mismatch";

    /// <summary>Right-to-left text without any language (warning).</summary>
    public const string LanguageMissing = "language-missing";

    /// <summary>With the first-strong guard off, a title that readers would show the wrong way round (warning).</summary>
    public const string GuardOff = "guard-off";

    /// <summary>A feed without a self link (warning).</summary>
    public const string NoSelfUrl = "no-self-url";

    /// <summary>An article without a URL (warning): readers have no link to open, and common parsers report it.</summary>
    public const string NoArticleUrl = "no-article-url";

    /// <summary>An RSS title with text readers take for HTML, a tag or a character reference (warning).</summary>
    public const string TitleLooksLikeHtml = "title-looks-like-html";

    /// <summary>A media type not of the form type/subtype.</summary>
    public const string InvalidMediaType = "invalid-media-type";

    /// <summary>A negative file size.</summary>
    public const string NegativeLength = "negative-length";

    /// <summary>A negative playing time.</summary>
    public const string NegativeDuration = "negative-duration";

    /// <summary>A lead image whose type RSS needs and cannot be told (warning).</summary>
    public const string EnclosureTypeUnknown = "enclosure-type-unknown";

    /// <summary>An RSS enclosure whose size is not known (warning).</summary>
    public const string EnclosureLengthUnknown = "enclosure-length-unknown";

    /// <summary>WebSub hubs without the self link that is their topic.</summary>
    public const string HubsNeedSelfUrl = "hubs-need-self-url";

    /// <summary>An RFC 5005 archive document without its current link.</summary>
    public const string ArchiveNeedsCurrent = "archive-needs-current";

    /// <summary>A list block without items.</summary>
    public const string EmptyList = "empty-list";

    /// <summary>A body block of a type FeedKit cannot render.</summary>
    public const string UnknownBlock = "unknown-block";

    /// <summary>Two namespaces with one prefix, or one namespace with two.</summary>
    public const string NamespaceConflict = "namespace-conflict";

    /// <summary>A streamed article's extension whose namespace the feed did not declare.</summary>
    public const string UndeclaredNamespace = "undeclared-namespace";

    /// <summary>Raw HTML nested deeper than FeedKit sanitizes (256 levels).</summary>
    public const string HtmlTooDeep = "html-too-deep";

    /// <summary>Something sanitizing removed from raw HTML: an element with its content, a character XML cannot carry, a URL with credentials (warning).</summary>
    public const string HtmlRemoved = "html-removed";

    /// <summary>A problem an extension reported without a code of its own.</summary>
    public const string Extension = "extension";

    /// <summary>A podcast without an Apple category (<c>PodcastShow.Categories</c> empty).</summary>
    public const string PodcastCategoryMissing = PodcastCodes.CategoryMissing;

    /// <summary>A podcast category or subcategory that is not on Apple's list.</summary>
    public const string PodcastCategoryUnknown = PodcastCodes.CategoryUnknown;

    /// <summary>A podcast without square artwork (<c>PodcastShow.Artwork</c>).</summary>
    public const string PodcastArtworkMissing = PodcastCodes.ArtworkMissing;

    /// <summary>Artwork that is not a .jpg or .png file, which Apple requires (warning).</summary>
    public const string PodcastArtworkType = PodcastCodes.ArtworkType;

    /// <summary>A podcast without an owner e-mail address, where Apple and <c>podcast:locked</c> need one.</summary>
    public const string PodcastOwnerEmail = PodcastCodes.OwnerEmail;

    /// <summary><c>podcast:locked</c> without the owner e-mail address that can unlock it.</summary>
    public const string PodcastLockedOwner = PodcastCodes.LockedOwner;

    /// <summary>A <c>podcast:guid</c> that is not a UUID.</summary>
    public const string PodcastGuidInvalid = PodcastCodes.GuidInvalid;

    /// <summary>A podcast without <c>podcast:guid</c> and without the self URL it is derived from (warning, RSS).</summary>
    public const string PodcastGuidMissing = PodcastCodes.GuidMissing;

    /// <summary>A <c>podcast:medium</c> outside the Podcasting 2.0 list.</summary>
    public const string PodcastMedium = PodcastCodes.Medium;

    /// <summary>An episode without an enclosure (its article has no <c>Media</c>).</summary>
    public const string PodcastEnclosureMissing = PodcastCodes.EnclosureMissing;

    /// <summary>An episode's enclosure without a positive length in bytes, which Apple requires.</summary>
    public const string PodcastEnclosureLength = PodcastCodes.EnclosureLength;

    /// <summary>An episode's enclosure of a media type Apple does not accept (warning: other apps may play it).</summary>
    public const string PodcastEnclosureType = PodcastCodes.EnclosureType;

    /// <summary>An episode's enclosure without a duration (warning: <c>itunes:duration</c> is not written).</summary>
    public const string PodcastDurationMissing = PodcastCodes.DurationMissing;

    /// <summary>An episode or season number below 1.</summary>
    public const string PodcastNumber = PodcastCodes.Number;

    /// <summary>A transcript whose media type is not one the Podcasting 2.0 namespace lists.</summary>
    public const string PodcastTranscriptType = PodcastCodes.TranscriptType;

    /// <summary>A soundbite with a negative start or a duration that is not positive.</summary>
    public const string PodcastSoundbite = PodcastCodes.Soundbite;

    /// <summary>An RSS podcast (a <c>PodcastShow</c>) without the feed's language: Apple refuses it.</summary>
    public const string PodcastLanguageMissing = PodcastCodes.LanguageMissing;

    /// <summary>An RSS feed with episode data (<c>PodcastEpisode</c>) but no <c>PodcastShow</c>: reported once, on the first episode.</summary>
    public const string PodcastShowMissing = PodcastCodes.ShowMissing;

    /// <summary>A full episode without a number in a serial show (RSS): Apple needs the number of every such episode.</summary>
    public const string PodcastSerialNumber = PodcastCodes.SerialNumber;

    /// <summary>An iTunes text longer than Apple takes: author and subtitle 255 characters, summary 4000 (warning).</summary>
    public const string PodcastTooLong = PodcastCodes.TooLong;
}
