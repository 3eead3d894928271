using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Unicode;
using FeedKit.Model;

namespace FeedKit.Benchmarks;

/// <summary>
/// The speed reference of issue 5: hand-written Atom straight to UTF-8 bytes, with <c>u8</c> literals,
/// <see cref="SearchValues{T}"/> to find what needs escaping, and one pooled buffer. No validation, no
/// normalization, no language or direction rules: the cost of the bytes.
/// </summary>
internal sealed class DirectUtf8Atom : IDisposable
{
    private static readonly SearchValues<char> XmlSpecial = SearchValues.Create("&<>\"");
    private readonly Stream _output;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _used;

    private DirectUtf8Atom(Stream output) => _output = output;

    public static void Write(FeedInfo info, IReadOnlyList<Article> articles, Stream output)
    {
        using var w = new DirectUtf8Atom(output);
        w.Raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ar\">\n  <title>"u8);
        w.Text(info.Title);
        w.Raw("</title>\n  <id>"u8);
        w.Text(info.SiteUrl.AbsoluteUri);
        w.Raw("</id>\n  <updated>"u8);
        w.Date(info.Updated!.Value);
        w.Raw("</updated>\n"u8);
        foreach (var article in articles)
        {
            w.Raw("  <entry xml:lang=\"ar\">\n    <title xml:lang=\"ar\">"u8);
            w.Text(article.Headline);
            w.Raw("</title>\n    <link rel=\"alternate\" type=\"text/html\" href=\""u8);
            w.Text(article.Url!.AbsoluteUri);
            w.Raw("\" />\n    <id>"u8);
            w.Text(article.Url.AbsoluteUri);
            w.Raw("</id>\n    <published>"u8);
            w.Date(article.Published);
            w.Raw("</published>\n    <updated>"u8);
            w.Date(article.Updated ?? article.Published);
            w.Raw("</updated>\n    <author>\n      <name>"u8);
            w.Text(article.Authors[0].Name);
            w.Raw("</name>\n    </author>\n"u8);
            foreach (var tag in article.Tags)
            {
                w.Raw("    <category term=\""u8);
                w.Text(tag);
                w.Raw("\" />\n"u8);
            }

            w.Raw("    <summary type=\"html\" xml:lang=\"ar\">&lt;div dir=\"rtl\" lang=\"ar\"&gt;&lt;p&gt;"u8);
            w.HtmlText(article.Standfirst!);
            w.Raw("&lt;/p&gt;&lt;/div&gt;</summary>\n    <content type=\"html\" xml:lang=\"ar\">&lt;div dir=\"rtl\" lang=\"ar\"&gt;"u8);
            var first = true;
            foreach (var block in article.Body)
            {
                if (!first)
                {
                    w.Raw("\n"u8);
                }

                first = false;
                if (block is Subheading s)
                {
                    w.Raw("&lt;h2&gt;"u8);
                    w.HtmlText(s.Text);
                    w.Raw("&lt;/h2&gt;"u8);
                }
                else if (block is Paragraph p)
                {
                    w.Raw("&lt;p&gt;"u8);
                    w.HtmlText(p.Text);
                    w.Raw("&lt;/p&gt;"u8);
                }
            }

            w.Raw("&lt;/div&gt;</content>\n  </entry>\n"u8);
        }

        w.Raw("</feed>\n"u8);
    }

    public void Dispose()
    {
        _output.Write(_buffer, 0, _used);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    private void Text(ReadOnlySpan<char> text) => Escaped(text, html: false);

    /// <summary>Text inside HTML inside XML: escaped twice (&amp; becomes &amp;amp;).</summary>
    private void HtmlText(ReadOnlySpan<char> text) => Escaped(text, html: true);

    private void Escaped(ReadOnlySpan<char> text, bool html)
    {
        while (!text.IsEmpty)
        {
            var special = text.IndexOfAny(XmlSpecial);
            var run = special < 0 ? text : text[..special];
            Transcode(run);
            if (special < 0)
            {
                return;
            }

            Raw((text[special], html) switch
            {
                ('&', false) => "&amp;"u8,
                ('<', false) => "&lt;"u8,
                ('>', false) => "&gt;"u8,
                ('"', false) => "&quot;"u8,
                ('&', true) => "&amp;amp;"u8,
                ('<', true) => "&amp;lt;"u8,
                ('>', true) => "&amp;gt;"u8,
                _ => "\""u8,
            });
            text = text[(special + 1)..];
        }
    }

    private void Transcode(ReadOnlySpan<char> run)
    {
        while (!run.IsEmpty)
        {
            Ensure(Math.Min(run.Length * 3, 16 * 1024));
            Utf8.FromUtf16(run, _buffer.AsSpan(_used), out var read, out var written);
            _used += written;
            run = run[read..];
        }
    }

    private void Date(DateTimeOffset value)
    {
        Ensure(40);
        var utc = value.UtcDateTime;
        var span = _buffer.AsSpan(_used);
        utc.TryFormat(span, out var written, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        _used += written;
    }

    private void Ensure(int bytes)
    {
        if (_used + bytes <= _buffer.Length)
        {
            return;
        }

        _output.Write(_buffer, 0, _used);
        _used = 0;
        if (bytes > _buffer.Length)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(bytes);
        }
    }
}
