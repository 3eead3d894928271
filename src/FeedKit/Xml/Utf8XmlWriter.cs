using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace FeedKit.Xml;

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
/// English text (see <see cref="Encode{TEscaping}"/>). Nothing is allocated per call.
/// </para>
/// </remarks>
internal sealed class Utf8XmlWriter : IDisposable
{
    private const int BufferSize = 16 * 1024;

    /// <summary>Characters a vector holds.</summary>
    private const int VectorBlock = 8;

    /// <summary>
    /// Room the encoder keeps: a vector stores 16 bytes; one character is at most 6 bytes (<c>&amp;quot;</c>), but
    /// an entity is stored as eight.
    /// </summary>
    private const int EncodeRoom = 64;

    /// <summary>In what the encoder's steps return, one UTF-16 unit taken (the bytes written are below it).</summary>
    private const int OneUnit = 1 << UnitShift;

    private const int UnitShift = 8;

    /// <summary>Names up to this length are copied byte by byte.</summary>
    private const int ShortName = 32;

    /// <summary>Clean characters in a row after which the encoder goes back from one at a time to vectors.</summary>
    private const int ResumeVector = 8;

    /// <summary>
    /// U+0020 to U+D7FF, the characters the validation skips vectorized. (A <see cref="SearchValues{T}"/> rather than
    /// <c>IndexOfAnyExceptInRange</c>, whose generic code allocates until it is compiled at tier 1.)
    /// </summary>

    /// <summary>What processing instruction text changes: <c>?&gt;</c> gets a space, CR is normalized.</summary>
    private static readonly SearchValues<char> InstructionSpecials = SearchValues.Create("\r?");

    /// <summary>The ASCII characters a qualified XML name can hold.</summary>
    private static readonly SearchValues<char> AsciiNameChars =
        SearchValues.Create("-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

    /// <summary>The shuffles <see cref="Encode{TEscaping}"/> packs UTF-8 bytes with, 16 bytes for each set of ASCII lanes.</summary>
    private static readonly byte[] PackShuffles = BuildPackShuffles();

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

    private static ReadOnlySpan<byte> Declaration => "<?xml version=\"1.0\" encoding=\"utf-8\"?>"u8;

    /// <summary>Writes the XML declaration, <c>&lt;?xml version="1.0" encoding="utf-8"?&gt;</c>; must come first.</summary>
    public void WriteStartDocument()
    {
        if (_state != State.Start)
        {
            ThrowInvalidState("WriteStartDocument must be the first call.");
        }

        WriteDeclaration();
    }

    /// <summary>
    /// Writes a processing instruction, <c>&lt;?name text?&gt;</c> (<c>&lt;?name?&gt;</c> when the text is empty),
    /// with <c>?&gt;</c> in the text written as <c>? &gt;</c>.
    /// </summary>
    /// <param name="name">The target; not <c>xml</c> in any case.</param>
    /// <param name="text">The instruction's text; <see langword="null"/> for none.</param>
    public void WriteProcessingInstruction(string name, string? text)
    {
        if (_state is not (State.Element or State.Prolog or State.AfterRoot or State.Start))
        {
            ThrowInvalidState("No processing instruction can be written now.");
        }

        ValidateName(name, nameof(name));
        if (name.Equals("xml", StringComparison.OrdinalIgnoreCase))
        {
            ThrowArgument("'xml' is reserved: write the declaration with WriteStartDocument.", nameof(name));
        }

        ReadOnlySpan<char> body = text;
        ValidateChars(body, nameof(text));

        OpenChild();
        WriteByte((byte)'<');
        WriteByte((byte)'?');
        WriteName(name);
        if (!body.IsEmpty)
        {
            WriteByte((byte)' ');
            WriteInstructionText(body);
        }

        WriteByte((byte)'?');
        WriteByte((byte)'>');
        _afterText = false;
    }

    /// <summary>Writes the start of an element, <c>&lt;name</c>; attributes may follow.</summary>
    /// <param name="name">The qualified name.</param>
    public void WriteStartElement(string name)
    {
        if (_state != State.Element)
        {
            CheckCanStartElement();
        }

        ValidateName(name, nameof(name));
        OpenChild();
        if (_depth == _stack.Length)
        {
            Array.Resize(ref _stack, _stack.Length * 2);
        }

        _stack[_depth++] = new Frame(name, _mixed);
        WriteByte((byte)'<');
        WriteName(name);
        _startTagOpen = true;
        _afterText = false;
        _state = State.Element;
    }

    /// <summary>
    /// Writes an attribute of the element just started, <c> name="value"</c>, with <c>&amp; &lt; &gt; "</c>, tab,
    /// LF and CR escaped.
    /// </summary>
    /// <param name="name">The qualified name (<c>xmlns</c> and <c>xmlns:prefix</c> for namespace declarations).</param>
    /// <param name="value">The value.</param>
    public void WriteAttributeString(string name, ReadOnlySpan<char> value)
    {
        if (!_startTagOpen || _state != State.Element)
        {
            ThrowInvalidState("Attributes can only be written right after WriteStartElement.");
        }

        ValidateName(name, nameof(name));
        ValidateChars(value, nameof(value));
        WriteByte((byte)' ');
        WriteName(name);
        WriteByte((byte)'=');
        WriteByte((byte)'"');
        WriteAttributeText(value);
        WriteByte((byte)'"');
    }

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

    /// <summary>
    /// Writes an element holding only text, <c>&lt;name&gt;value&lt;/name&gt;</c>, or <c>&lt;name /&gt;</c> when the
    /// value is empty.
    /// </summary>
    /// <param name="name">The qualified name.</param>
    /// <param name="value">The text, escaped as by <see cref="WriteString(ReadOnlySpan{char})"/>.</param>
    public void WriteElementString(string name, ReadOnlySpan<char> value)
    {
        if (_state != State.Element)
        {
            CheckCanStartElement();
        }

        ValidateName(name, nameof(name));
        ValidateChars(value, nameof(value));
        OpenChild();
        WriteByte((byte)'<');
        WriteName(name);
        if (value.IsEmpty)
        {
            WriteEmptyElementEnd();
        }
        else
        {
            WriteByte((byte)'>');
            WriteEscapedText(value);
            WriteEndTag(name);
        }

        _afterText = false;
        _state = _depth == 0 ? State.AfterRoot : State.Element;
    }

    /// <summary>
    /// Closes the innermost open element: <c> /&gt;</c> when it has no content at all (not even empty text),
    /// otherwise <c>&lt;/name&gt;</c>, on its own indented line when the element holds only elements.
    /// </summary>
    public void WriteEndElement()
    {
        if (_state != State.Element)
        {
            ThrowInvalidState("There is no open element to close.");
        }

        var frame = _stack[--_depth];
        if (_startTagOpen)
        {
            _startTagOpen = false;
            WriteEmptyElementEnd();
        }
        else
        {
            if (_indent && !_mixed && !_afterText)
            {
                WriteIndent(_depth);
            }

            WriteEndTag(frame.Name);
        }

        _mixed = frame.ParentMixed;
        _afterText = false;
        if (_depth == 0)
        {
            _state = State.AfterRoot;
        }
    }

    /// <summary>Closes every open element and ends the document (nothing but <see cref="Flush"/> may follow).</summary>
    public void WriteEndDocument()
    {
        if (_state == State.Element)
        {
            while (_depth > 0)
            {
                WriteEndElement();
            }
        }
        else if (_state != State.AfterRoot)
        {
            ThrowInvalidState("The document has no root element.");
        }

        _state = State.Ended;
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

    private static bool IsAsciiNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static string DescribeInvalid(ReadOnlySpan<char> text, int index)
    {
        var c = text[index];
        var what = c switch
        {
            >= '\uD800' and <= '\uDBFF' => "a high surrogate without its low surrogate",
            >= '\uDC00' and <= '\uDFFF' => "a low surrogate without its high surrogate",
            '\uFFFE' or '\uFFFF' => "a noncharacter",
            _ => "a control character",
        };
        return string.Create(
            CultureInfo.InvariantCulture,
            $"U+{(int)c:X4} at index {index} is {what}, an invalid XML character.");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ValidateChars(ReadOnlySpan<char> text, string paramName)
    {
        var i = FeedKit.Text.XmlChars.IndexOfInvalid(text, out _);
        if (i >= 0)
        {
            ThrowArgument(DescribeInvalid(text, i), paramName);
        }
    }

    /// <summary>
    /// Checks a name: the usual one (ASCII, checked here in one pass) is a name start character (a letter or '_'),
    /// then letters, digits, '-', '.', '_', with at most one ':' followed by a name start character. Anything else
    /// goes to <see cref="ValidateNameSlow"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ValidateName(string name, string paramName)
    {
        if (!IsAsciiQualifiedName(name))
        {
            ValidateNameSlow(name, paramName);
        }
    }

    private static bool IsAsciiQualifiedName(string? name)
    {
        if (string.IsNullOrEmpty(name) || !IsAsciiNameStart(name[0]))
        {
            return false;
        }

        var colon = false;
        for (var i = 1; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_')
            {
                continue;
            }

            if (c != ':' || colon || i + 1 == name.Length || !IsAsciiNameStart(name[i + 1]))
            {
                return false;
            }

            colon = true;
        }

        return true;
    }

    /// <summary>Throws for a name <see cref="IsAsciiQualifiedName"/> does not accept, unless it is a qualified name
    /// with non-ASCII characters (let through, when they are valid XML characters).</summary>
    private void ValidateNameSlow(string name, string paramName)
    {
        if (name is null)
        {
            _state = _state == State.Disposed ? State.Disposed : State.Error;
            throw new ArgumentNullException(paramName);
        }

        if (name.Length == 0)
        {
            ThrowArgument("A name cannot be empty.", paramName);
        }

        var invalid = FeedKit.Text.XmlChars.IndexOfInvalid(name, out _);
        if (invalid >= 0)
        {
            ThrowArgument(DescribeInvalid(name, invalid), paramName);
        }

        var span = name.AsSpan();
        var colon = span.IndexOf(':');
        var prefix = colon >= 0 ? span[..colon] : span;
        var local = colon >= 0 ? span[(colon + 1)..] : [];
        if (!IsPart(prefix) || (colon >= 0 && !IsPart(local)))
        {
            ThrowArgument(string.Create(CultureInfo.InvariantCulture, $"'{name}' is not a valid XML name."), paramName);
        }

        // One part of a qualified name: a name start character, then name characters (non-ASCII ones are let through).
        static bool IsPart(ReadOnlySpan<char> part)
        {
            if (part.IsEmpty || (part[0] < 0x80 && !IsAsciiNameStart(part[0])))
            {
                return false;
            }

            foreach (var c in part)
            {
                if (c < 0x80 && (c == ':' || !AsciiNameChars.Contains(c)))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Throws for a call the current state does not allow to start an element (the hot state is checked inline).</summary>
    private void CheckCanStartElement()
    {
        switch (_state)
        {
            case State.Start or State.Prolog or State.Element:
                return;
            case State.AfterRoot:
                ThrowInvalidState("The document already has its root element.");
                break;
            default:
                ThrowInvalidState("No element can be written now.");
                break;
        }
    }

    [DoesNotReturn]
    private void ThrowInvalidState(string message)
    {
        switch (_state)
        {
            case State.Disposed:
                throw new ObjectDisposedException(nameof(Utf8XmlWriter));
            case State.Error:
                throw new InvalidOperationException("The writer is in error state: an earlier write threw.");
            default:
                _state = State.Error;
                throw new InvalidOperationException(message);
        }
    }

    [DoesNotReturn]
    private void ThrowArgument(string message, string paramName)
    {
        if (_state == State.Disposed)
        {
            throw new ObjectDisposedException(nameof(Utf8XmlWriter));
        }

        _state = State.Error;
        throw new ArgumentException(message, paramName);
    }

    private void WriteDeclaration()
    {
        WriteBytes(Declaration);
        _afterText = false;
        _state = State.Prolog;
    }

    /// <summary>What comes before a child node: the declaration if nothing is written yet, the end of the
    /// parent's start tag, the indentation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void OpenChild()
    {
        if (_startTagOpen)
        {
            CloseStartTag();
        }
        else if (_state == State.Start)
        {
            WriteDeclaration();
        }

        if (_indent && !_mixed && !_afterText)
        {
            WriteIndent(_depth);
        }
    }

    private void CloseStartTag()
    {
        _startTagOpen = false;
        WriteByte((byte)'>');
    }

    private void WriteEmptyElementEnd()
    {
        if (_buffer.Length - _pos < 3)
        {
            FlushBuffer();
        }

        var span = _buffer.AsSpan(_pos, 3);
        span[0] = (byte)' ';
        span[1] = (byte)'/';
        span[2] = (byte)'>';
        _pos += 3;
    }

    private void WriteEndTag(string name)
    {
        WriteByte((byte)'<');
        WriteByte((byte)'/');
        WriteName(name);
        WriteByte((byte)'>');
    }

    /// <summary>LF and two spaces a level.</summary>
    private void WriteIndent(int level)
    {
        var count = 1 + (2 * level);
        if (_buffer.Length - _pos < count)
        {
            FlushBuffer();
            if (_buffer.Length < count)
            {
                WriteByte((byte)'\n');
                for (var i = 0; i < level; i++)
                {
                    WriteByte((byte)' ');
                    WriteByte((byte)' ');
                }

                return;
            }
        }

        var span = _buffer.AsSpan(_pos, count);
        span[0] = (byte)'\n';
        span[1..].Fill((byte)' ');
        _pos += count;
    }

    /// <summary>Writes a validated name: an ASCII one byte by byte (names are short: a call costs more).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteName(string name)
    {
        if (name.Length <= ShortName)
        {
            if (_buffer.Length - _pos < ShortName)
            {
                FlushBuffer();
            }

            ref var dst = ref MemoryMarshal.GetArrayDataReference(_buffer);
            dst = ref Unsafe.Add(ref dst, _pos);
            var any = 0;
            for (var i = 0; i < name.Length; i++)
            {
                int c = name[i];
                any |= c;
                Unsafe.Add(ref dst, i) = (byte)c;
            }

            if (any < 0x80)
            {
                _pos += name.Length;
                return;
            }
        }

        WriteChars(name);
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

    /// <summary>Element text, validated: <c>&amp; &lt; &gt;</c> as entities, CR LF and CR as LF.</summary>
    private void WriteEscapedText(ReadOnlySpan<char> text) => WriteEncoded<TextEscaping>(text);

    /// <summary>An attribute value, validated: <c>&amp; &lt; &gt; "</c> as entities, tab, LF and CR as character references.</summary>
    private void WriteAttributeText(ReadOnlySpan<char> text) => WriteEncoded<AttributeEscaping>(text);

    /// <summary>Validated characters as they are.</summary>
    private void WriteChars(ReadOnlySpan<char> chars) => WriteEncoded<NoEscaping>(chars);

    /// <summary>Processing instruction text, validated: a space between <c>?</c> and <c>&gt;</c>, CR LF and CR as LF.</summary>
    private void WriteInstructionText(ReadOnlySpan<char> text)
    {
        while (true)
        {
            var i = text.IndexOfAny(InstructionSpecials);
            if (i < 0)
            {
                WriteChars(text);
                return;
            }

            WriteChars(text[..i]);
            if (text[i++] == '?')
            {
                WriteByte((byte)'?');
                if (i < text.Length && text[i] == '>')
                {
                    WriteByte((byte)' ');
                }
            }
            else
            {
                WriteByte((byte)'\n');
                if (i < text.Length && text[i] == '\n')
                {
                    i++;
                }
            }

            text = text[i..];
        }
    }

    /// <summary>
    /// Escapes and transcodes validated characters (surrogates only in pairs) into the buffer, flushing it as often
    /// as it fills: text of any length goes through the one pooled buffer.
    /// </summary>
    private void WriteEncoded<TEscaping>(ReadOnlySpan<char> text)
        where TEscaping : struct, IEscaping
    {
        while (true)
        {
            if (_buffer.Length - _pos < EncodeRoom)
            {
                FlushBuffer();
            }

            var read = Encode<TEscaping>(text, _buffer.AsSpan(_pos), out var written);
            _pos += written;
            if (read == text.Length)
            {
                return;
            }

            text = text[read..];
        }
    }

    /// <summary>
    /// Escapes and transcodes while at least <see cref="EncodeRoom"/> bytes of room are left; returns how many
    /// characters it took. Clean text (no character to escape, nothing from U+0800 on) goes eight characters at a time
    /// in a vector: ASCII narrowed; two-byte characters (Arabic, Hebrew, Greek, Cyrillic, Latin with diacritics) built
    /// in their 16-bit lanes and packed by a shuffle chosen by the ASCII lanes. From a block that is not clean, one
    /// character at a time, back to vectors after <see cref="ResumeVector"/> clean characters in a row (so markup dense
    /// with characters to escape, or Chinese, stays in the one loop that suits it).
    /// </summary>
    private static int Encode<TEscaping>(ReadOnlySpan<char> source, Span<byte> destination, out int written)
        where TEscaping : struct, IEscaping
    {
        ref var src = ref MemoryMarshal.GetReference(source);
        ref var dst = ref MemoryMarshal.GetReference(destination);
        var length = source.Length;
        var lastBlock = length - VectorBlock;
        var lastWrite = destination.Length - EncodeRoom;
        var read = 0;
        var write = 0;
        while (true)
        {
            if (Vector128.IsHardwareAccelerated)
            {
                ref var units = ref Unsafe.As<char, ushort>(ref src);
                ref var shuffles = ref MemoryMarshal.GetArrayDataReference(PackShuffles);
                while (read <= lastBlock && write <= lastWrite)
                {
                    var chars = Vector128.LoadUnsafe(ref units, (nuint)read);
                    var stops = TEscaping.Specials(chars) | (chars & Vector128.Create((ushort)0xF800));
                    if (stops != Vector128<ushort>.Zero)
                    {
                        // A character from U+0800 on (a right-to-left mark, an emoji) after some clean ones: the lanes
                        // before it go in the vector (all of it is packed; only their bytes count), it on its own, and
                        // on with vectors. A character to escape, or a block that starts with one from U+0800 on: one
                        // character at a time (markup, Chinese).
                        var lanes = BitOperations.TrailingZeroCount(
                            (~Vector128.Equals(stops, Vector128<ushort>.Zero)).ExtractMostSignificantBits());
                        if (lanes == 0 || Unsafe.Add(ref src, read + lanes) < 0x80 || !Ssse3.IsSupported)
                        {
                            break;
                        }

                        var prefixAscii = Vector128.LessThan(chars, Vector128.Create((ushort)0x80));
                        var prefixAsciiLanes = prefixAscii.ExtractMostSignificantBits();
                        _ = PackTwoByte(chars, prefixAscii, prefixAsciiLanes, ref shuffles, ref Unsafe.Add(ref dst, write));
                        write += (2 * lanes) - BitOperations.PopCount(prefixAsciiLanes & ((1u << lanes) - 1));
                        read += lanes;
                        var done = EncodeLarge(ref src, read, ref Unsafe.Add(ref dst, write));
                        write += done & (OneUnit - 1);
                        read += done >>> UnitShift;
                        continue;
                    }

                    var isAscii = Vector128.LessThan(chars, Vector128.Create((ushort)0x80));
                    var asciiLanes = isAscii.ExtractMostSignificantBits();
                    if (asciiLanes == 0xFF)
                    {
                        Vector128.Narrow(chars, chars).StoreUnsafe(ref dst, (nuint)write);
                        write += VectorBlock;
                    }
                    else if (Ssse3.IsSupported)
                    {
                        write += PackTwoByte(chars, isAscii, asciiLanes, ref shuffles, ref Unsafe.Add(ref dst, write));
                    }
                    else
                    {
                        break;
                    }

                    read += VectorBlock;
                }
            }

            // One at a time, up to a stop that keeps the room (six bytes at most a character), until ResumeVector
            // clean characters in a row.
            var cleanFrom = read;
            var stop = Math.Min(length, read + ((lastWrite - write) / 6) + 1);
            while (read < stop)
            {
                int c = Unsafe.Add(ref src, read);
                if (c < 0x80)
                {
                    if (c < 64 && ((TEscaping.Mask >> c) & 1) != 0)
                    {
                        var done = TEscaping.Escape(ref src, read, length, ref Unsafe.Add(ref dst, write));
                        write += done & (OneUnit - 1);
                        read += done >>> UnitShift;
                        cleanFrom = read;
                        continue;
                    }

                    // A run of ASCII, in a tight loop, up to where the vectors take over again.
                    var runEnd = Math.Min(stop, cleanFrom + ResumeVector);
                    do
                    {
                        Unsafe.Add(ref dst, write++) = (byte)c;
                        read++;
                    }
                    while (read < runEnd && (c = Unsafe.Add(ref src, read)) < 0x80 && (c >= 64 || ((TEscaping.Mask >> c) & 1) == 0));
                }
                else if (c < 0x800)
                {
                    Unsafe.Add(ref dst, write) = (byte)(0xC0 | (c >> 6));
                    Unsafe.Add(ref dst, write + 1) = (byte)(0x80 | (c & 0x3F));
                    write += 2;
                    read++;
                }
                else
                {
                    var done = EncodeLarge(ref src, read, ref Unsafe.Add(ref dst, write));
                    write += done & (OneUnit - 1);
                    read += done >>> UnitShift;
                    cleanFrom = read;
                    continue;
                }

                if (read - cleanFrom >= ResumeVector && Vector128.IsHardwareAccelerated)
                {
                    break;
                }
            }

            if (read >= length || write > lastWrite)
            {
                written = write;
                return read;
            }
        }
    }

    /// <summary>
    /// Encodes the character from U+0800 on at <paramref name="index"/>: three bytes, or four for a surrogate pair
    /// (validated: a high surrogate has its low one after it). Returns the bytes written plus <see cref="OneUnit"/>
    /// for each UTF-16 unit taken.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EncodeLarge(ref char source, int index, ref byte destination)
    {
        int c = Unsafe.Add(ref source, index);
        if ((uint)(c - 0xD800) > 0x7FF)
        {
            destination = (byte)(0xE0 | (c >> 12));
            Unsafe.Add(ref destination, 1) = (byte)(0x80 | ((c >> 6) & 0x3F));
            Unsafe.Add(ref destination, 2) = (byte)(0x80 | (c & 0x3F));
            return OneUnit + 3;
        }

        c = ((c - 0xD800) << 10) + (Unsafe.Add(ref source, index + 1) - 0xDC00) + 0x10000;
        destination = (byte)(0xF0 | (c >> 18));
        Unsafe.Add(ref destination, 1) = (byte)(0x80 | ((c >> 12) & 0x3F));
        Unsafe.Add(ref destination, 2) = (byte)(0x80 | ((c >> 6) & 0x3F));
        Unsafe.Add(ref destination, 3) = (byte)(0x80 | (c & 0x3F));
        return (2 * OneUnit) + 4;
    }

    /// <summary>
    /// Stores the UTF-8 of eight characters below U+0800 (SSSE3): each one's bytes are built in its 16-bit lane
    /// (110xxxxx then 10xxxxxx; ASCII lanes keep the character) and packed by the shuffle for the set of ASCII lanes.
    /// Stores 16 bytes; returns how many are the characters'.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PackTwoByte(Vector128<ushort> chars, Vector128<ushort> isAscii, uint asciiLanes, ref byte shuffles, ref byte destination)
    {
        var twoBytes = (chars >>> 6) | Vector128.Create((ushort)0xC0) | (((chars & Vector128.Create((ushort)0x3F)) | Vector128.Create((ushort)0x80)) << 8);
        var lanes = Vector128.ConditionalSelect(isAscii, chars, twoBytes).AsByte();
        Ssse3.Shuffle(lanes, Vector128.LoadUnsafe(ref shuffles, (nuint)(asciiLanes * 16))).StoreUnsafe(ref destination);
        return 16 - BitOperations.PopCount(asciiLanes);
    }

    /// <summary>Stores up to eight ASCII bytes given little-endian in a <see cref="ulong"/> (an entity; zeros after it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreAscii(ref byte destination, ulong littleEndian) =>
        Unsafe.WriteUnaligned(ref destination, BitConverter.IsLittleEndian ? littleEndian : BinaryPrimitives.ReverseEndianness(littleEndian));

    /// <summary>
    /// For each set of ASCII lanes (bit i: lane i is ASCII) the shuffle that keeps lane i's first byte, and its
    /// second unless the lane is ASCII, packed to the front; 0x80 (a zero byte) fills the rest.
    /// </summary>
    private static byte[] BuildPackShuffles()
    {
        var shuffles = new byte[256 * 16];
        for (var ascii = 0; ascii < 256; ascii++)
        {
            var entry = shuffles.AsSpan(ascii * 16, 16);
            entry.Fill(0x80);
            var at = 0;
            for (var lane = 0; lane < VectorBlock; lane++)
            {
                entry[at++] = (byte)(2 * lane);
                if ((ascii & (1 << lane)) == 0)
                {
                    entry[at++] = (byte)((2 * lane) + 1);
                }
            }
        }

        return shuffles;
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

    /// <summary>What a kind of text escapes: which ASCII characters, found in a vector, and how.</summary>
    private interface IEscaping
    {
        /// <summary>Bit c set: character c (below 64) is escaped.</summary>
        static abstract ulong Mask { get; }

        /// <summary>All ones in the lanes holding a character to escape.</summary>
        static abstract Vector128<ushort> Specials(Vector128<ushort> chars);

        /// <summary>Writes the escape for the character at <paramref name="index"/>; returns the bytes written (at most
        /// six; eight may be stored) plus <see cref="OneUnit"/> for each UTF-16 unit taken.</summary>
        static abstract int Escape(ref char source, int index, int length, ref byte destination);
    }

    private readonly record struct Frame(string Name, bool ParentMixed);

    /// <summary>Element text: <c>&amp;amp; &amp;lt; &amp;gt;</c>; CR LF and CR become LF (LF itself stays).</summary>
    private readonly struct TextEscaping : IEscaping
    {
        public static ulong Mask => (1UL << '\r') | (1UL << '&') | (1UL << '<') | (1UL << '>');

        // '<' and '>' are the two characters c with (c | 2) == '>'.
        public static Vector128<ushort> Specials(Vector128<ushort> chars) =>
            Vector128.Equals(chars, Vector128.Create((ushort)'&'))
            | Vector128.Equals(chars | Vector128.Create((ushort)2), Vector128.Create((ushort)'>'))
            | Vector128.Equals(chars, Vector128.Create((ushort)'\r'));

        public static int Escape(ref char source, int index, int length, ref byte destination)
        {
            var c = Unsafe.Add(ref source, index);
            if (c != '\r')
            {
                return OneUnit + EscapeMarkup(c, ref destination);
            }

            // CR, alone or before LF: one LF (NewLineHandling.Replace, NewLineChars "\n").
            destination = (byte)'\n';
            return index + 1 < length && Unsafe.Add(ref source, index + 1) == '\n' ? (2 * OneUnit) + 1 : OneUnit + 1;
        }
    }

    /// <summary>Attribute values: also <c>&amp;quot;</c>, and tab, LF and CR as character references.</summary>
    private readonly struct AttributeEscaping : IEscaping
    {
        public static ulong Mask =>
            (1UL << '\t') | (1UL << '\n') | (1UL << '\r') | (1UL << '"') | (1UL << '&') | (1UL << '<') | (1UL << '>');

        // Validated text holds no C0 controls but tab, LF and CR; '"' and '&' are the c with (c | 4) == '&'.
        public static Vector128<ushort> Specials(Vector128<ushort> chars) =>
            Vector128.LessThan(chars, Vector128.Create((ushort)0x20))
            | Vector128.Equals(chars | Vector128.Create((ushort)4), Vector128.Create((ushort)'&'))
            | Vector128.Equals(chars | Vector128.Create((ushort)2), Vector128.Create((ushort)'>'));

        public static int Escape(ref char source, int index, int length, ref byte destination)
        {
            switch (Unsafe.Add(ref source, index))
            {
                case '&' or '<' or '>':
                    return OneUnit + EscapeMarkup(Unsafe.Add(ref source, index), ref destination);
                case '"':
                    StoreAscii(ref destination, 0x3B_74_6F_75_71_26); // &quot;
                    return OneUnit + 6;
                case '\t':
                    StoreAscii(ref destination, 0x3B_39_78_23_26); // &#x9;
                    return OneUnit + 5;
                case '\n':
                    StoreAscii(ref destination, 0x3B_41_78_23_26); // &#xA;
                    return OneUnit + 5;
                default:
                    StoreAscii(ref destination, 0x3B_44_78_23_26); // &#xD;
                    return OneUnit + 5;
            }
        }
    }

    /// <summary>
    /// Writes the entity for <c>&amp;</c>, <c>&lt;</c> or <c>&gt;</c>, which text and attribute values escape alike,
    /// and returns its length in bytes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EscapeMarkup(char c, ref byte destination)
    {
        switch (c)
        {
            case '&':
                StoreAscii(ref destination, 0x3B_70_6D_61_26); // &amp;
                return 5;
            case '<':
                StoreAscii(ref destination, 0x3B_74_6C_26); // &lt;
                return 4;
            default:
                Debug.Assert(c == '>', "only & < > reach here");
                StoreAscii(ref destination, 0x3B_74_67_26); // &gt;
                return 4;
        }
    }

    /// <summary>Nothing escaped (names, instruction text between its special characters).</summary>
    private readonly struct NoEscaping : IEscaping
    {
        public static ulong Mask => 0;

        public static Vector128<ushort> Specials(Vector128<ushort> chars) => Vector128<ushort>.Zero;

        public static int Escape(ref char source, int index, int length, ref byte destination) =>
            throw new UnreachableException();
    }
}
