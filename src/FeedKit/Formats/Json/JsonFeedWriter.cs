using System.Text.Encodings.Web;
using System.Text.Json;
using FeedKit.Extensions;
using FeedKit.Media;
using FeedKit.Model;
using FeedKit.Validation;
using FeedKit.Xml;

namespace FeedKit.Formats.Json;

/// <summary>
/// Writes JSON Feed 1.1 documents (https://jsonfeed.org/version/1.1) on <see cref="Utf8JsonWriter"/>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>language</c> at the top and on every item (JSON Feed 1.1 lets an item's language differ).</item>
/// <item><c>content_html</c> carries the same <c>&lt;div dir="rtl" lang="ar"&gt;</c> wrapper as the XML formats;
/// <c>summary</c> is the standfirst as plain text, with the first-strong guard like titles.</item>
/// <item>Authors are the 1.1 <c>authors</c> array, on every item (its own, else the feed's); JSON Feed has no e-mail field, so an author with an e-mail and no
/// URI gets a <c>mailto:</c> URL.</item>
/// <item>Media: the lead image is <c>image</c>; the article's other media are <c>attachments</c> (with
/// <c>size_in_bytes</c> and <c>duration_in_seconds</c> when known). Extensions follow the feed's and each item's own
/// members: WebSub hubs are <c>hubs</c>; of RFC 5005's links only the next (older) page or archive fits, as
/// <c>next_url</c>; others go into their <c>"_prefix"</c> objects.</item>
/// <item>Text is written as UTF-8, not as <c>\u</c> escapes, so Arabic stays readable; JSON still escapes what it must.</item>
/// <item>Indented output uses <c>\n</c> line ends. (On .NET 8, <see cref="Utf8JsonWriter"/> uses the platform's line end:
/// on Windows there, set <see cref="FeedWriterOptions.Indent"/> to false for bytes identical to other machines.)</item>
/// </list>
/// </remarks>
public sealed class JsonFeedWriter : FeedWriter
{
    /// <summary>The JSON Feed version this writer produces.</summary>
    public const string Version = "https://jsonfeed.org/version/1.1";

    /// <summary>Creates a JSON Feed writer.</summary>
    /// <param name="options">Writer options; null for <see cref="FeedWriterOptions.Default"/>.</param>
    public JsonFeedWriter(FeedWriterOptions? options = null)
        : base(options)
    {
    }

    /// <inheritdoc />
    public override FeedFormat Format => FeedFormat.Json;

    private protected override FeedDocument CreateDocument(Stream output) => new Document(output, Options);

    private sealed class Document : FeedDocument
    {
        private readonly Stream _output;
        private readonly PooledBufferWriter _buffer = new();
        private readonly Utf8JsonWriter _json;
        private readonly JsonExtensionWriter _extensions;
        private readonly JsonStringWriter _strings = new();
        private readonly bool _guard;

        public Document(Stream output, FeedWriterOptions options)
        {
            _output = output;
            _guard = options.FirstStrongGuard;
            _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions
            {
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                Indented = options.Indent,
#if NET9_0_OR_GREATER
                NewLine = "\n",
                IndentSize = 2,
#endif
                SkipValidation = false,
            });
            _extensions = new JsonExtensionWriter(_json);
        }

        public override void WriteStart(ResolvedHeader feed)
        {
            _json.WriteStartObject();
            _json.WriteString("version", Version);
            _strings.WriteString(_json, "title", feed.Title);
            _json.WriteString("home_page_url", feed.SiteUrl.AbsoluteUri);
            if (feed.SelfUrl is not null)
            {
                _json.WriteString("feed_url", feed.SelfUrl.AbsoluteUri);
            }

            if (feed.Subtitle is not null)
            {
                _strings.WriteString(_json, "description", feed.Subtitle);
            }

            if (feed.LogoUrl is not null)
            {
                _json.WriteString("icon", feed.LogoUrl.AbsoluteUri);
            }

            if (feed.IconUrl is not null)
            {
                _json.WriteString("favicon", feed.IconUrl.AbsoluteUri);
            }

            if (feed.Language is not null)
            {
                _json.WriteString("language", feed.Language.Value);
            }

            WriteAuthors(feed.Authors);
            _extensions.Set(FeedFormat.Json, ExtensionTarget.Feed, feed.Language, feed.Direction, feed.Authors, _guard);
            foreach (var extension in feed.Extensions)
            {
                _extensions.Write(extension);
            }

            _extensions.Close();
            _json.WriteStartArray("items");
        }

        public override void WriteArticle(in ResolvedArticle article)
        {
            _json.WriteStartObject();
            _json.WriteString("id", article.Id);
            if (article.Url is not null)
            {
                _json.WriteString("url", article.Url.AbsoluteUri);
            }

            _strings.WriteString(_json, "title", article.Headline);
            var html = article.RenderBody() ?? article.RenderSummary();
            _strings.WriteString(_json, "content_html", html is null ? default : html.Span);
            if (article.Standfirst is not null)
            {
                _strings.WriteString(_json, "summary", article.Standfirst);
            }

            if (article.LeadImage is not null)
            {
                _json.WriteString("image", article.LeadImage.Url.AbsoluteUri);
            }

            Span<char> date = stackalloc char[Dates.MaxLength];
            _json.WriteString("date_published", date[..Dates.FormatRfc3339(article.Published, date)]);
            if (article.Modified is { } updated)
            {
                _json.WriteString("date_modified", date[..Dates.FormatRfc3339(updated, date)]);
            }

            WriteAuthors(article.Authors);
            if (!article.Tags.IsEmpty)
            {
                _json.WriteStartArray("tags");
                foreach (var tag in article.Tags)
                {
                    _json.WriteStringValue(tag);
                }

                _json.WriteEndArray();
            }

            if (article.Language is not null)
            {
                _json.WriteString("language", article.Language.Value);
            }

            _extensions.Set(FeedFormat.Json, ExtensionTarget.Article, article.Language, article.Direction, article.Authors, _guard);
            _extensions.SetEnclosure(article.Enclosure);
            WriteAttachments(article);
            foreach (var extension in article.Extensions)
            {
                _extensions.Write(extension);
            }

            _extensions.Close();
            _json.WriteEndObject();
        }

        public override void WriteEnd()
        {
            _json.WriteEndArray();
            _json.WriteEndObject();
            Flush();
            _output.WriteByte((byte)'\n');
        }

        public override void Flush()
        {
            _json.Flush();
            _buffer.DrainTo(_output);
        }

        public override void Dispose()
        {
            _json.Dispose();
            _strings.Dispose();
            _buffer.Dispose();
        }

        /// <summary>JSON Feed 1.1 <c>attachments</c>: the article's media besides the lead image (which is <c>image</c>).</summary>
        private void WriteAttachments(in ResolvedArticle article)
        {
            var started = false;
            foreach (var media in article.Media)
            {
                if (media.IsLeadImage)
                {
                    continue;
                }

                if (!started)
                {
                    _json.WriteStartArray("attachments");
                    started = true;
                }

                _json.WriteStartObject();
                _json.WriteString("url", media.Url.AbsoluteUri);
                _json.WriteString("mime_type", media.MediaType);
                if (media.Title is not null)
                {
                    _json.WriteString("title", media.Title);
                }

                if (media.Length is { } length)
                {
                    _json.WriteNumber("size_in_bytes", length);
                }

                if (media.Duration is { } duration)
                {
                    _json.WriteNumber("duration_in_seconds", MediaRssContent.Seconds(duration));
                }

                if (!media.Extensions.IsEmpty)
                {
                    _extensions.Retarget(ExtensionTarget.Media);
                    foreach (var extension in media.Extensions)
                    {
                        _extensions.Write(extension);
                    }

                    _extensions.Close();
                    _extensions.Retarget(ExtensionTarget.Article);
                }

                _json.WriteEndObject();
            }

            if (started)
            {
                _json.WriteEndArray();
            }
        }

        private void WriteAuthors(System.Collections.Immutable.ImmutableArray<Author> authors)
        {
            if (authors.IsEmpty)
            {
                return;
            }

            _json.WriteStartArray("authors");
            Span<char> scratch = stackalloc char[256];
            foreach (var author in authors)
            {
                _json.WriteStartObject();
                _json.WriteString("name", author.Name);
                if (author.Url is not null)
                {
                    _json.WriteString("url", author.Url.AbsoluteUri);
                }
                else if (!string.IsNullOrWhiteSpace(author.Email))
                {
                    // "mailto:" + the address, put together on the stack: authors are written on every item.
                    const string Scheme = "mailto:";
                    var length = Scheme.Length + author.Email.Length;
                    var rented = length > scratch.Length ? System.Buffers.ArrayPool<char>.Shared.Rent(length) : null;
                    var url = rented is null ? scratch : rented;
                    Scheme.CopyTo(url);
                    author.Email.CopyTo(url[Scheme.Length..]);
                    _json.WriteString("url", url[..length]);
                    if (rented is not null)
                    {
                        System.Buffers.ArrayPool<char>.Shared.Return(rented);
                    }
                }

                _json.WriteEndObject();
            }

            _json.WriteEndArray();
        }
    }
}
