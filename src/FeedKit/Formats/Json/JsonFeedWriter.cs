using System.Text.Encodings.Web;
using System.Text.Json;
using FeedKit.Html;
using FeedKit.Model;
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
/// <item>Authors are the 1.1 <c>authors</c> array; JSON Feed has no e-mail field, so an author with an e-mail and no
/// URI gets a <c>mailto:</c> URL.</item>
/// <item>Media: the lead image is <c>image</c>; the article's other media are <c>attachments</c> (with
/// <c>size_in_bytes</c> and <c>duration_in_seconds</c> when known). WebSub hubs are <c>hubs</c>; of RFC 5005's links only
/// the next (older) page or archive fits, as <c>next_url</c>.</item>
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
    public override string MediaType => "application/feed+json";

    /// <inheritdoc />
    public override string FileExtension => "json";

    /// <inheritdoc />
    public override FeedFormat Format => FeedFormat.Json;

    private protected override FeedDocument CreateDocument(Stream output) => new Document(output, Options);

    private sealed class Document : FeedDocument
    {
        private readonly Stream _output;
        private readonly PooledBufferWriter _buffer = new();
        private readonly Utf8JsonWriter _json;

        public Document(Stream output, FeedWriterOptions options)
        {
            _output = output;
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
        }

        public override void WriteStart(NormalizedHeader feed)
        {
            var info = feed.Info;
            _json.WriteStartObject();
            _json.WriteString("version", Version);
            _json.WriteString("title", feed.Title);
            _json.WriteString("home_page_url", info.SiteLink.AbsoluteUri);
            if (info.SelfLink is not null)
            {
                _json.WriteString("feed_url", info.SelfLink.AbsoluteUri);
            }

            if ((info.History?.Next ?? info.History?.PreviousArchive) is { } next)
            {
                _json.WriteString("next_url", next.AbsoluteUri);
            }

            if (feed.Subtitle is not null)
            {
                _json.WriteString("description", feed.Subtitle);
            }

            if (info.Logo is not null)
            {
                _json.WriteString("icon", info.Logo.AbsoluteUri);
            }

            if (info.Icon is not null)
            {
                _json.WriteString("favicon", info.Icon.AbsoluteUri);
            }

            if (feed.Language is not null)
            {
                _json.WriteString("language", feed.Language.Value);
            }

            WriteAuthors(info.Authors);
            if (!info.Hubs.IsEmpty)
            {
                _json.WriteStartArray("hubs");
                foreach (var hub in info.Hubs)
                {
                    _json.WriteStartObject();
                    _json.WriteString("type", "WebSub");
                    _json.WriteString("url", hub.AbsoluteUri);
                    _json.WriteEndObject();
                }

                _json.WriteEndArray();
            }

            _json.WriteStartArray("items");
        }

        public override void WriteArticle(NormalizedHeader feed, in NormalizedArticle article)
        {
            var source = article.Source;
            _json.WriteStartObject();
            _json.WriteString("id", article.Id);
            if (source.Url is not null)
            {
                _json.WriteString("url", source.Url.AbsoluteUri);
            }

            _json.WriteString("title", article.Headline);
            var html = ArticleHtml.RenderBody(article) ?? ArticleHtml.RenderSummary(article);
            _json.WriteString("content_html", html is null ? default : html.Span);
            if (article.Standfirst is not null)
            {
                _json.WriteString("summary", article.Standfirst);
            }

            if (source.LeadImage is not null)
            {
                _json.WriteString("image", source.LeadImage.Url.AbsoluteUri);
            }

            Span<char> date = stackalloc char[Dates.MaxLength];
            _json.WriteString("date_published", date[..Dates.FormatRfc3339(source.Published, date)]);
            if (source.Updated is { } updated)
            {
                _json.WriteString("date_modified", date[..Dates.FormatRfc3339(updated, date)]);
            }

            WriteAuthors(source.Authors);
            if (!source.Tags.IsEmpty)
            {
                _json.WriteStartArray("tags");
                foreach (var tag in source.Tags)
                {
                    _json.WriteStringValue(tag);
                }

                _json.WriteEndArray();
            }

            if (article.Language is not null)
            {
                _json.WriteString("language", article.Language.Value);
            }

            WriteAttachments(article);
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
            _buffer.Dispose();
        }

        /// <summary>JSON Feed 1.1 <c>attachments</c>: the article's media besides the lead image (which is <c>image</c>).</summary>
        private void WriteAttachments(in NormalizedArticle article)
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
                    _json.WriteNumber("duration_in_seconds", MediaRss.Seconds(duration));
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
            foreach (var author in authors)
            {
                _json.WriteStartObject();
                _json.WriteString("name", author.Name);
                var url = author.Uri?.AbsoluteUri
                    ?? (string.IsNullOrWhiteSpace(author.Email) ? null : "mailto:" + author.Email);
                if (url is not null)
                {
                    _json.WriteString("url", url);
                }

                _json.WriteEndObject();
            }

            _json.WriteEndArray();
        }
    }
}
