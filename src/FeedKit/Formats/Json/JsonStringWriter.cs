using System.Buffers;
using System.Text.Json;

namespace FeedKit.Formats.Json;

/// <summary>
/// Writes string properties through <see cref="JsonEscaping"/> instead of <see cref="Utf8JsonWriter"/>'s encoder,
/// whose escaping goes character by character through the text, into a scratch buffer of UTF-16 six times its
/// length, before it transcodes (most of the time of a JSON Feed went there, on the quotes and line breaks of
/// <c>content_html</c>). The bytes are the same: the escaped string goes in with
/// <see cref="Utf8JsonWriter.WriteRawValue(ReadOnlySpan{byte}, bool)"/> after the property name, as
/// <see cref="Utf8JsonWriter.WriteString(string, ReadOnlySpan{char})"/> would have written it.
/// </summary>
internal sealed class JsonStringWriter : IDisposable
{
    /// <summary>Longer strings go to <see cref="Utf8JsonWriter"/>, which refuses what it cannot write as before.</summary>
    private const int MaxLength = 1 << 24;

    private byte[] _scratch = [];

    /// <summary>Writes <c>"name": "value"</c>, the value escaped as <see cref="Utf8JsonWriter"/> escapes it with <see cref="System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>.</summary>
    public void WriteString(Utf8JsonWriter json, string name, ReadOnlySpan<char> value)
    {
        if (!JsonEscaping.Enabled || value.Length > MaxLength)
        {
            json.WriteString(name, value);
            return;
        }

        Ensure(0, value.Length);
        _scratch[0] = (byte)'"';
        var used = 1;
        var rest = value;
        while (true)
        {
            var read = JsonEscaping.Encode(rest, _scratch.AsSpan(used, _scratch.Length - used - 1), out var written);
            if (read < 0)
            {
                // A lone surrogate (validated text has none): Utf8JsonWriter's own way.
                json.WriteString(name, value);
                return;
            }

            used += written;
            if (read == rest.Length)
            {
                break;
            }

            rest = rest[read..];
            Ensure(used, rest.Length);
        }

        _scratch[used++] = (byte)'"';
        json.WritePropertyName(name);
        json.WriteRawValue(_scratch.AsSpan(0, used), skipInputValidation: true);
    }

    public void Dispose()
    {
        if (_scratch.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_scratch);
            _scratch = [];
        }
    }

    /// <summary>
    /// Room after <paramref name="used"/> bytes for <paramref name="chars"/> more characters at two bytes each (Arabic,
    /// Hebrew; the encoder asks again when escapes or wider characters take more), the encoder's room and the closing quote.
    /// </summary>
    private void Ensure(int used, int chars)
    {
        var needed = used + (2 * chars) + JsonEscaping.EncodeRoom + 1;
        if (_scratch.Length >= needed)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, 2 * _scratch.Length));
        _scratch.AsSpan(0, used).CopyTo(bigger);
        if (_scratch.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_scratch);
        }

        _scratch = bigger;
    }
}
