using System.Buffers;
using System.Globalization;
using System.Text;
using FeedKit.Formats;
using FeedKit.Html;
using FeedKit.Model;
using FeedKit.Text;
using FeedKit.Validation;
using FeedKit.Xml;

namespace FeedKit.Browser;

/// <summary>
/// <see cref="FeedPage"/>'s document: the page's head, header and "Subscribe" box from the resolved header, one
/// <c>&lt;article&gt;</c> per resolved article, written as it comes (so a streamed feed is sent as it is read), then
/// the end. Text goes through <see cref="Text(ReadOnlySpan{char})"/>, attribute values through
/// <see cref="Attribute"/>; the only markup written unescaped is FeedKit's own and the articles' sanitized HTML.
/// </summary>
internal sealed class FeedPageDocument : FeedDocument
{
    /// <summary>The page's style sheet; <see cref="FeedPage.ContentSecurityPolicy"/> allows it by its hash.</summary>
    internal const string Style =
        ":root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.6}"
        + "body{max-width:46rem;margin:0 auto;padding:1rem}"
        + "header h1{margin-block:.5rem}"
        + ".subtitle,.meta{opacity:.75}"
        + ".subscribe{border:1px solid;border-radius:.5rem;padding:.25rem 1rem;margin-block:1rem}"
        + ".subscribe h2{font-size:1.1rem}"
        + ".subscribe ul{list-style:none;padding:0}"
        + ".subscribe li{display:flex;gap:.5rem;align-items:center;margin-block:.4rem}"
        + ".subscribe input{flex:1;min-width:0;font-family:ui-monospace,monospace}"
        + ".format{min-width:6rem;font-weight:bold}"
        + "article{border-block-start:1px solid;padding-block:.5rem}"
        + "article h2{font-size:1.3rem;margin-block:.5rem}"
        + "img,video{max-width:100%;height:auto}"
        + "audio{width:100%}";

    /// <summary>
    /// The page's script: shows the copy buttons (hidden without script) and copies an address, through the clipboard
    /// API where the page is a secure context, else by selecting the address's field. <see cref="FeedPage.ContentSecurityPolicy"/>
    /// allows it by its hash.
    /// </summary>
    internal const string Script =
        "for(const b of document.querySelectorAll(\"button[data-copy]\")){b.hidden=false;"
        + "b.addEventListener(\"click\",async()=>{try{await navigator.clipboard.writeText(b.dataset.copy)}"
        + "catch{b.previousElementSibling.select();document.execCommand(\"copy\")}b.textContent=b.dataset.done})}";

    private static readonly SearchValues<char> TextSpecial = SearchValues.Create("&<>");
    private static readonly SearchValues<char> AttributeSpecial = SearchValues.Create("&<>\"");

    private readonly StreamWriter _out;
    private readonly FeedPageLink[] _links;
    private string? _rights;

    public FeedPageDocument(Stream output, FeedPageLink[] links)
    {
        _out = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\n" };
        _links = links;
    }

    public override void WriteStart(ResolvedHeader header)
    {
        _rights = header.Rights;
        Raw("<!DOCTYPE html>\n<html");
        LangDir(header.Language, header.Direction);
        Raw(">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        Text(header.Title);
        Raw("</title>\n");
        if (header.Subtitle is { } description)
        {
            Raw("<meta name=\"description\"");
            Attribute("content", description);
            Raw(">\n");
        }

        foreach (var link in _links)
        {
            Raw("<link rel=\"alternate\"");
            Attribute("type", link.Format.MediaType());
            Attribute("title", header.Title + " (" + FormatName(link.Format) + ")");
            Attribute("href", link.Url.AbsoluteUri);
            Raw(">\n");
        }

        Raw("<style>" + Style + "</style>\n</head>\n<body>\n<header>\n<h1 id=\"title\">");
        Text(header.Title);
        Raw("</h1>\n");
        if (header.Subtitle is { } subtitle)
        {
            Raw("<p class=\"subtitle\">");
            Text(subtitle);
            Raw("</p>\n");
        }

        Raw("<p class=\"site\"><a dir=\"ltr\"");
        Attribute("href", header.SiteUrl.AbsoluteUri);
        Raw(">");
        Text(header.SiteUrl.AbsoluteUri);
        Raw("</a></p>\n</header>\n");
        WriteSubscribe(header.Language);
        Raw("<main>\n");
    }

    public override void WriteArticle(in ResolvedArticle article)
    {
        Raw("<article");
        LangDir(article.Language, article.Direction);
        Raw(">\n<h2>");
        var link = article.Url is { Scheme: "http" or "https" } url ? url.AbsoluteUri : null;
        if (link is not null)
        {
            Raw("<a");
            Attribute("href", link);
            Raw(">");
        }

        Text(article.Headline);
        Raw(link is null ? "</h2>\n" : "</a></h2>\n");

        Span<char> date = stackalloc char[Dates.MaxLength];
        Raw("<p class=\"meta\"><time");
        Attribute("datetime", date[..Dates.FormatRfc3339(article.Published, date)]);
        Raw(">");
        Raw(article.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Raw("</time>");
        for (var i = 0; i < article.Authors.Length; i++)
        {
            // Each name isolated (a Latin name in an Arabic article keeps its own direction and moves nothing else).
            Raw(i == 0 ? " · <bdi>" : ", <bdi>");
            Text(article.Authors[i].Name);
            Raw("</bdi>");
        }

        Raw("</p>\n");

        // The same sanitized HTML, with its own dir/lang wrapper, as the feeds carry. Each builder is read before the
        // next is rendered (they share the thread's buffer).
        if (article.RenderSummary() is { } summary)
        {
            Raw(summary.Span);
            Raw("\n");
        }

        if (article.RenderBody() is { } body)
        {
            Raw(body.Span);
            Raw("\n");
        }

        WritePlayers(article);
        Raw("</article>\n");
    }

    /// <summary>
    /// A player for each audio or video file (a podcast's episode, heard from the page), with a link to the file; the
    /// Content-Security-Policy allows media from http(s). Nothing is loaded before the reader presses play.
    /// </summary>
    private void WritePlayers(in ResolvedArticle article)
    {
        foreach (var media in article.Media)
        {
            // The medium the validation layer resolved from the media type (a lead image is "image").
            if (media.Medium is not { } kind || kind is not ("audio" or "video"))
            {
                continue;
            }

            Raw("<p class=\"media\"><");
            Raw(kind);
            Raw(" controls preload=\"none\"");
            Attribute("src", media.Url.AbsoluteUri);
            Raw("></");
            Raw(kind);
            Raw("><br><a");
            Attribute("href", media.Url.AbsoluteUri);
            Raw(" dir=\"ltr\">");
            Text(Path.GetFileName(media.Url.AbsolutePath) is { Length: > 0 } name ? Uri.UnescapeDataString(name) : media.Url.Host);
            Raw("</a></p>\n");
        }
    }

    public override void WriteEnd()
    {
        Raw("</main>\n");
        if (_rights is not null)
        {
            Raw("<footer><p>");
            Text(_rights);
            Raw("</p></footer>\n");
        }

        Raw("<script>" + Script + "</script>\n</body>\n</html>\n");
        _out.Flush();
    }

    public override void Flush() => _out.Flush();

    public override void Dispose() => _out.Dispose();

    private void WriteSubscribe(LanguageTag? language)
    {
        if (_links.Length == 0)
        {
            return;
        }

        var words = SubscribeWords.For(language);
        Raw("<section class=\"subscribe\"");
        Attribute("lang", words.Language);
        Attribute("dir", words.Direction);
        Raw(" aria-labelledby=\"subscribe\">\n<h2 id=\"subscribe\">");
        Text(words.Heading);
        Raw("</h2>\n<p>");
        Text(words.Note);
        Raw("</p>\n<ul>\n");
        foreach (var link in _links)
        {
            var name = FormatName(link.Format);
            Raw("<li><span class=\"format\" dir=\"ltr\">");
            Text(name);
            Raw("</span> <input type=\"url\" readonly dir=\"ltr\"");
            Attribute("value", link.Url.AbsoluteUri);
            Attribute("aria-label", name);
            Raw("> <button type=\"button\" hidden");
            Attribute("data-copy", link.Url.AbsoluteUri);
            Attribute("data-done", words.Copied);
            Raw(">");
            Text(words.Copy);
            Raw("</button></li>\n");
        }

        Raw("</ul>\n</section>\n");
    }

    private void LangDir(LanguageTag? language, TextDirection direction)
    {
        if (language is not null)
        {
            Attribute("lang", language.Value);
        }

        Attribute("dir", direction == TextDirection.RightToLeft ? "rtl" : "ltr");
    }

    private static string FormatName(FeedFormat format) => format switch
    {
        FeedFormat.Atom => "Atom",
        FeedFormat.Rss => "RSS",
        _ => "JSON Feed",
    };

    private void Raw(ReadOnlySpan<char> html) => _out.Write(html);

    private void Text(ReadOnlySpan<char> text)
    {
        while (true)
        {
            var special = text.IndexOfAny(TextSpecial);
            if (special < 0)
            {
                _out.Write(text);
                return;
            }

            _out.Write(text[..special]);
            _out.Write(text[special] switch { '&' => "&amp;", '<' => "&lt;", _ => "&gt;" });
            text = text[(special + 1)..];
        }
    }

    private void Attribute(string name, ReadOnlySpan<char> value)
    {
        _out.Write(' ');
        _out.Write(name);
        _out.Write("=\"");
        while (true)
        {
            var special = value.IndexOfAny(AttributeSpecial);
            if (special < 0)
            {
                _out.Write(value);
                break;
            }

            _out.Write(value[..special]);
            _out.Write(value[special] switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", _ => "&quot;" });
            value = value[(special + 1)..];
        }

        _out.Write('"');
    }

    /// <summary>The "Subscribe" box's words, in the feed's language where FeedKit has them (as the XSLT view's note).</summary>
    private sealed record SubscribeWords(string Language, string Direction, string Heading, string Note, string Copy, string Copied)
    {
        private static readonly SubscribeWords Arabic = new(
            "ar", "rtl", "اشترك", "هذه خلاصة ويب. انسخ عنوانها في تطبيق لقراءة الخلاصات لتصلك المقالات الجديدة تلقائيًا.", "نسخ", "تم النسخ");

        private static readonly SubscribeWords Hebrew = new(
            "he", "rtl", "הרשמה", "זהו פיד. העתיקו את הכתובת שלו לקורא פידים כדי לקבל כתבות חדשות באופן אוטומטי.", "העתקה", "הועתק");

        private static readonly SubscribeWords Persian = new(
            "fa", "rtl", "اشتراک", "این یک خوراک است. نشانی آن را در یک خوراک‌خوان وارد کنید تا مطالب تازه خودکار به دستتان برسد.", "کپی", "کپی شد");

        private static readonly SubscribeWords English = new(
            "en", "ltr", "Subscribe", "This is a web feed. Copy its address into a feed reader app to get new articles automatically.", "Copy", "Copied");

        public static SubscribeWords For(LanguageTag? language) => language?.Language switch
        {
            "ar" => Arabic,
            "he" or "iw" => Hebrew,
            "fa" => Persian,
            _ => English,
        };
    }
}
