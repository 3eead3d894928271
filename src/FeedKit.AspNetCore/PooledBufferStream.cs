using System.Buffers;
using System.Security.Cryptography;

namespace FeedKit.AspNetCore;

/// <summary>
/// A write-only, seekable stream over chunks rented from <see cref="ArrayPool{T}.Shared"/>: a whole feed rendered
/// before it is sent (for its ETag and Content-Length) without a growing array. A feed of a few hundred KB in one
/// array lands on the large object heap on every request, and the garbage collections that follow cost more than
/// writing the feed did. Seekable so that the writers check and write a list in one pass and cut back on error.
/// </summary>
internal sealed class PooledBufferStream : Stream
{
    // Below the large object heap's threshold (85,000 bytes), and one of the pool's sizes.
    private const int ChunkSize = 64 * 1024;
    private readonly List<byte[]> _chunks = [];
    private long _length;
    private long _position;

    public override bool CanRead => false;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_position > _length)
        {
            SetLength(_position);
        }

        while (!buffer.IsEmpty)
        {
            var chunk = (int)(_position / ChunkSize);
            var offset = (int)(_position % ChunkSize);
            while (_chunks.Count <= chunk)
            {
                _chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkSize));
            }

            var count = Math.Min(buffer.Length, ChunkSize - offset);
            buffer[..count].CopyTo(_chunks[chunk].AsSpan(offset, count));
            buffer = buffer[count..];
            _position += count;
        }

        _length = Math.Max(_length, _position);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void SetLength(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value > _length)
        {
            // Zeros between the old end and the new one (rented chunks hold old bytes).
            var end = _position;
            _position = _length;
            var zeros = new byte[Math.Min(value - _length, ChunkSize)];
            while (_position < value)
            {
                Write(zeros.AsSpan(0, (int)Math.Min(zeros.Length, value - _position)));
            }

            _position = end;
        }

        _length = value;
        var needed = (int)((value + ChunkSize - 1) / ChunkSize);
        for (var i = _chunks.Count - 1; i >= needed; i--)
        {
            ArrayPool<byte>.Shared.Return(_chunks[i]);
            _chunks.RemoveAt(i);
        }
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => _length + offset,
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>The bytes written, chunk by chunk.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Segments()
    {
        var left = _length;
        for (var i = 0; left > 0; i++)
        {
            var count = (int)Math.Min(left, ChunkSize);
            yield return _chunks[i].AsMemory(0, count);
            left -= count;
        }
    }

    /// <summary>The SHA-256 of the bytes written.</summary>
    public byte[] Sha256()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var segment in Segments())
        {
            hash.AppendData(segment.Span);
        }

        return hash.GetHashAndReset();
    }

    /// <summary>Copies the bytes written to <paramref name="destination"/>.</summary>
    public async Task SendToAsync(Stream destination, CancellationToken cancellationToken)
    {
        foreach (var segment in Segments())
        {
            await destination.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var chunk in _chunks)
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        _chunks.Clear();
        _length = _position = 0;
        base.Dispose(disposing);
    }
}
