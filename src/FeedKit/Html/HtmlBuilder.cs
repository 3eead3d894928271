using System.Buffers;

namespace FeedKit.Html;

/// <summary>
/// A growable character buffer for rendering HTML, reused per thread so that rendering an article allocates nothing:
/// the writers read the result as a span and escape it straight into their output.
/// </summary>
internal sealed class HtmlBuilder
{
    [ThreadStatic]
    private static HtmlBuilder? cached;

    private const int MaxKeptLength = 1 << 20;

    private char[] _chars = new char[4096];
    private int _length;

    /// <summary>The rendered characters, valid until the next <see cref="Rent"/> on this thread.</summary>
    public ReadOnlySpan<char> Span => _chars.AsSpan(0, _length);

    /// <summary>The number of characters written; can be set lower to take back what was appended last.</summary>
    public int Length
    {
        get => _length;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, _length);
            _length = value;
        }
    }

    /// <summary>The calling thread's builder, emptied.</summary>
    public static HtmlBuilder Rent()
    {
        var builder = cached;

        // One huge article should not pin megabytes on this thread for good.
        if (builder is null || builder._chars.Length > MaxKeptLength)
        {
            cached = builder = new HtmlBuilder();
        }

        builder._length = 0;
        return builder;
    }

    public HtmlBuilder Append(char c)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = c;
        return this;
    }

    public HtmlBuilder Append(ReadOnlySpan<char> text)
    {
        if (_chars.Length - _length < text.Length)
        {
            Grow(text.Length);
        }

        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
        return this;
    }

    public HtmlBuilder Append(string? text) => Append(text.AsSpan());

    /// <inheritdoc />
    public override string ToString() => new(Span);

    private void Grow(int needed)
    {
        var bigger = new char[Math.Max(_chars.Length * 2, _length + needed)];
        Span.CopyTo(bigger);
        _chars = bigger;
    }
}
