namespace FeedKit.Xml;

// Text content, escaped and transcoded to UTF-8 through the buffer (the encoder itself is XmlWriterHelper's).
internal sealed partial class Utf8XmlWriter
{
    /// <summary>
    /// Writes text content with <c>&amp; &lt; &gt;</c> escaped and line breaks (CR LF, CR, LF) as LF. Empty text
    /// still ends the start tag and makes the element mixed content.
    /// </summary>
    /// <param name="text">The text.</param>
    public void WriteString(ReadOnlySpan<char> text)
    {
        if (_state != State.Element)
        {
            ThrowInvalidState("Text can only be written inside the root element.");
        }

        ValidateChars(text, nameof(text));
        if (_startTagOpen)
        {
            CloseStartTag();
        }

        _mixed = true;
        WriteEscapedText(text);
        _afterText = true;
    }

    /// <summary>
    /// Writes text content (see <see cref="WriteString(ReadOnlySpan{char})"/>); <see langword="null"/> writes
    /// nothing at all, as with <see cref="System.Xml.XmlWriter.WriteString"/>.
    /// </summary>
    /// <param name="text">The text, or <see langword="null"/>.</param>
    public void WriteString(string? text)
    {
        if (text is not null)
        {
            WriteString(text.AsSpan());
        }
    }

    /// <summary>Element text, validated: <c>&amp; &lt; &gt;</c> as entities, CR LF and CR as LF.</summary>
    private void WriteEscapedText(ReadOnlySpan<char> text) => WriteEncoded<XmlWriterHelper.TextEscaping>(text);

    /// <summary>An attribute value, validated: <c>&amp; &lt; &gt; "</c> as entities, tab, LF and CR as character references.</summary>
    private void WriteAttributeText(ReadOnlySpan<char> text) => WriteEncoded<XmlWriterHelper.AttributeEscaping>(text);

    /// <summary>Validated characters as they are.</summary>
    private void WriteChars(ReadOnlySpan<char> chars) => WriteEncoded<XmlWriterHelper.NoEscaping>(chars);

    /// <summary>
    /// Escapes and transcodes validated characters (surrogates only in pairs) into the buffer, flushing it as often
    /// as it fills: text of any length goes through the one pooled buffer.
    /// </summary>
    private void WriteEncoded<TEscaping>(ReadOnlySpan<char> text)
        where TEscaping : struct, XmlWriterHelper.IEscaping
    {
        while (true)
        {
            if (_buffer.Length - _pos < XmlWriterHelper.EncodeRoom)
            {
                FlushBuffer();
            }

            var read = XmlWriterHelper.Encode<TEscaping>(text, _buffer.AsSpan(_pos), out var written);
            _pos += written;
            if (read == text.Length)
            {
                return;
            }

            text = text[read..];
        }
    }
}
