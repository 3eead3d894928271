using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace FeedKit.Xml;

// Checks before the first byte of a write: the state, names, characters; the exceptions, which end the writer.
internal sealed partial class Utf8XmlWriter
{
    /// <summary>The ASCII characters a qualified XML name can hold.</summary>
    private static readonly SearchValues<char> AsciiNameChars =
        SearchValues.Create("-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

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
}
