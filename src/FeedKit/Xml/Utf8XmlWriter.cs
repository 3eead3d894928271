using System.Buffers;
using System.Runtime.CompilerServices;

namespace FeedKit.Xml;

// The writer's state, its buffer and the stream behind it. The other parts: Document (declaration, processing
// instructions, end), Elements (tags, attributes, indentation), Text (text content, encoded through the buffer),
// Validation (names, characters, states); XmlWriterHelper holds the escaping and the vectorized transcoding.

/// <summary>
/// A fast, allocation-free stand-in for <see cref="System.Xml.XmlWriter"/> as FeedKit uses it: writes the very bytes
/// <c>XmlWriter.Create(stream, settings)</c> writes with UTF-8 without a byte order mark, <c>IndentChars = "  "</c>,
/// <c>NewLineChars = "\n"</c>, <c>NewLineHandling.Replace</c> and <c>CheckCharacters</c>, with or without
/// <c>Indent</c>.
/// </summary>
/// <remarks>
/// <para>
/// Names are given already qualified (<c>"media:content"</c>, <c>"xml:lang"</c>, <c>"xmlns:media"</c>) and written as
/// they are: there is no namespace processing, so namespace declarations are ordinary attributes, written where the
/// caller writes them (<see cref="System.Xml.XmlWriter"/> appends a declaration it adds itself after the other
/// attributes). Names are checked for the ASCII characters XML names can hold, not against the full XML name
/// grammar, and repeated attributes are not detected.
/// </para>
/// <para>
/// What <see cref="System.Xml.XmlWriter"/> does, and this writer does the same:
/// <list type="bullet">
/// <item>The XML declaration is written before the first element or processing instruction even without
/// <see cref="WriteStartDocument"/>.</item>
/// <item>Each text write is escaped on its own: a <c>"\r"</c> ending one <see cref="WriteString(ReadOnlySpan{char})"/>
/// and a <c>"\n"</c> starting the next are two line breaks.</item>
/// <item><see cref="WriteString(ReadOnlySpan{char})"/> with empty text still counts as content: the element gets an
/// end tag (<c>&lt;x&gt;&lt;/x&gt;</c>) and is mixed content from then on (no more indentation inside it);
/// <see cref="WriteString(string)"/> with <see langword="null"/> does nothing, and
/// <see cref="WriteElementString"/> with an empty value writes <c>&lt;x /&gt;</c>.</item>
/// <item>Any exception leaves the writer in an error state in which every write throws
/// <see cref="InvalidOperationException"/>; <see cref="Dispose"/> then only flushes. Otherwise
/// <see cref="Dispose"/> first closes the elements still open.</item>
/// </list>
/// Unlike <see cref="System.Xml.XmlWriter"/>, a write that throws writes nothing at all (arguments are checked before
/// the first byte), and <see cref="Flush"/> never calls <see cref="Stream.Flush()"/>.
/// </para>
/// <para>
/// Speed: output goes into one 16 KB buffer from <see cref="ArrayPool{T}.Shared"/>, written to the stream whenever
/// it fills (text of any length is encoded through it piece by piece). Characters are checked with a vectorized search
/// for anything outside U+0020 to U+D7FF, then escaped and encoded in one pass that takes eight characters at a time
/// in a vector where there is nothing to escape and nothing from U+0800 on, which is all of most Arabic, Hebrew or
/// English text (see <see cref="XmlWriterHelper.Encode{TEscaping}"/>). Nothing is allocated per call.
/// </para>
/// </remarks>
internal sealed partial class Utf8XmlWriter : IDisposable
{
    private const int BufferSize = 16 * 1024;

    private readonly Stream _output;
    private readonly bool _indent;
    private byte[] _buffer;
    private int _pos;

    /// <summary>The open elements: name, and whether the parent was mixed content when the element started.</summary>
    private Frame[] _stack = new Frame[16];
    private int _depth;

    /// <summary>The current element is mixed content: no indentation inside it (XmlWriter's <c>_mixedContent</c>).</summary>
    private bool _mixed;

    /// <summary><c>&lt;name</c> and its attributes are written, the closing <c>&gt;</c> or <c> /&gt;</c> is not.</summary>
    private bool _startTagOpen;

    /// <summary>The names of the attributes in the open start tag, to refuse a second one of the same name (XmlWriter
    /// does; a duplicate attribute makes the document malformed).</summary>
    private string[] _attributes = new string[8];
    private int _attributeCount;

    /// <summary>The last thing written was text (XmlWriter's <c>_textPos == _bufPos</c>): no indentation before the next node.</summary>
    private bool _afterText = true;

    private State _state;

    /// <summary>Creates a writer into <paramref name="output"/>, which it neither flushes nor closes.</summary>
    /// <param name="output">The stream the UTF-8 bytes go to, with <see cref="Stream.Write(byte[], int, int)"/>.</param>
    /// <param name="indent">Whether to indent as <c>XmlWriterSettings.Indent</c> does, two spaces a level.</param>
    public Utf8XmlWriter(Stream output, bool indent)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _indent = indent;
        _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    }

    private enum State : byte
    {
        /// <summary>Nothing written yet.</summary>
        Start,

        /// <summary>The declaration is written, the root element not yet.</summary>
        Prolog,

        /// <summary>Inside the root element.</summary>
        Element,

        /// <summary>The root element is closed.</summary>
        AfterRoot,

        /// <summary><see cref="WriteEndDocument"/> was called.</summary>
        Ended,

        /// <summary>A write threw; only <see cref="Flush"/> and <see cref="Dispose"/> remain.</summary>
        Error,

        /// <summary><see cref="Dispose"/> was called.</summary>
        Disposed,
    }

    /// <summary>
    /// Writes the buffered bytes to the stream with <see cref="Stream.Write(byte[], int, int)"/> (the stream itself
    /// is not flushed).
    /// </summary>
    public void Flush()
    {
        if (_state != State.Disposed)
        {
            FlushBuffer();
        }
    }

    /// <summary>
    /// Closes the elements still open (unless a write threw), writes what is buffered to the stream and returns the
    /// buffer to the pool. The stream stays open.
    /// </summary>
    public void Dispose()
    {
        if (_state == State.Disposed)
        {
            return;
        }

        try
        {
            if (_state == State.Element)
            {
                while (_depth > 0)
                {
                    WriteEndElement();
                }
            }

            FlushBuffer();
        }
        finally
        {
            _state = State.Disposed;
            var buffer = _buffer;
            _buffer = [];
            _pos = 0;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteByte(byte value)
    {
        if (_pos == _buffer.Length)
        {
            FlushBuffer();
        }

        _buffer[_pos++] = value;
    }

    /// <summary>Writes a short constant (an entity, the declaration).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        if (_buffer.Length - _pos < bytes.Length)
        {
            FlushBuffer();
        }

        bytes.CopyTo(_buffer.AsSpan(_pos));
        _pos += bytes.Length;
    }

    private void FlushBuffer()
    {
        if (_pos == 0)
        {
            return;
        }

        try
        {
            _output.Write(_buffer, 0, _pos);
        }
        catch
        {
            // As XmlWriter: what could not be written is dropped, and the writer is done.
            if (_state != State.Disposed)
            {
                _state = State.Error;
            }

            throw;
        }
        finally
        {
            _pos = 0;
        }
    }

    private readonly record struct Frame(string Name, bool ParentMixed);
}
