using System.Security.Cryptography;
using System.Text;

namespace FeedKit.Podcasts;

/// <summary>
/// The <c>podcast:guid</c> the Podcasting 2.0 namespace derives from a feed's URL: a UUID version 5 (RFC 9562) with the
/// namespace <c>ead4c236-bf58-58c6-a2c6-a6b28d128cb6</c>, over the URL without its scheme (<c>https://</c>) and without
/// trailing slashes.
/// </summary>
public static class PodcastGuid
{
    /// <summary>The namespace UUID the Podcasting 2.0 namespace names for <c>podcast:guid</c>.</summary>
    public static Guid Namespace { get; } = new("ead4c236-bf58-58c6-a2c6-a6b28d128cb6");

    /// <summary>The <c>podcast:guid</c> of a feed served at <paramref name="feedUrl"/>.</summary>
    /// <param name="feedUrl">The feed's absolute URL, such as <c>https://example.com/podcast.rss</c>.</param>
    /// <returns>The UUID, as the namespace specifies it.</returns>
    /// <exception cref="ArgumentException">The URL is not absolute.</exception>
    public static Guid FromFeedUrl(Uri feedUrl)
    {
        ArgumentNullException.ThrowIfNull(feedUrl);
        if (!feedUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("the feed URL must be absolute", nameof(feedUrl));
        }

        var text = feedUrl.OriginalString.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }

        return FromName(text.TrimEnd('/'));
    }

    /// <summary>A UUID version 5 (SHA-1) of a name in <see cref="Namespace"/>.</summary>
    internal static Guid FromName(string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var data = new byte[16 + nameBytes.Length];
        Namespace.TryWriteBytes(data, bigEndian: true, out _);
        nameBytes.CopyTo(data, 16);
#pragma warning disable CA5350 // RFC 9562 defines version 5 with SHA-1; this is an identifier, not security.
        var hash = SHA1.HashData(data);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
