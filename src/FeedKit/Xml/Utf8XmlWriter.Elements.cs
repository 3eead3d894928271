using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FeedKit.Xml;

// Elements and attributes: start tags, end tags, empty elements, indentation, names.
internal sealed partial class Utf8XmlWriter
{
    /// <summary>Names up to this length are copied byte by byte.</summary>
    private const int ShortName = 32;

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
        _attributeCount = 0;
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
        for (var i = 0; i < _attributeCount; i++)
        {
            if (string.Equals(_attributes[i], name, StringComparison.Ordinal))
            {
                ThrowArgument($"'{name}' is a duplicate attribute name.", nameof(name));
            }
        }

        if (_attributeCount == _attributes.Length)
        {
            Array.Resize(ref _attributes, _attributes.Length * 2);
        }

        _attributes[_attributeCount++] = name;
        WriteByte((byte)' ');
        WriteName(name);
        WriteByte((byte)'=');
        WriteByte((byte)'"');
        WriteAttributeText(value);
        WriteByte((byte)'"');
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
}
