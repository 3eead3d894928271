using System.Buffers;

namespace FeedKit.Xml;

// The document around the root element: the XML declaration, processing instructions, the end.
internal sealed partial class Utf8XmlWriter
{
    /// <summary>What processing instruction text changes: <c>?&gt;</c> gets a space, CR is normalized.</summary>
    private static readonly SearchValues<char> InstructionSpecials = SearchValues.Create("\r?");

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

    private void WriteDeclaration()
    {
        WriteBytes(Declaration);
        _afterText = false;
        _state = State.Prolog;
    }

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
}
