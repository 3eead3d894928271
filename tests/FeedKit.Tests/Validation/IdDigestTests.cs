using FeedKit.Formats;

using FeedKit.Validation;

namespace FeedKit.Tests.Validation;

public sealed class IdDigestTests
{
    [Fact]
    public void Equal_ids_have_equal_digests_and_different_ids_different_ones()
    {
        string[] tricky = ["", "\0", "\0\0", "\0\0\0", "a", "a\0", "\0a", "ab", "ba", "\uFFFF", "\uFFFF\uFFFF", "\uD83D\uDE00", "\uDE00\uD83D"];
        var ids = tricky
            .Concat(Enumerable.Range(0, 200_000).Select(i => $"https://example.com/news/2026/{i:D6}"))
            .Concat(Enumerable.Range(0, 50_000).Select(i => $"tag:example.com,2026:{(char)('ا' + (i % 30))}{i}"))
            .ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());

        var digests = new HashSet<UInt128>();
        foreach (var id in ids)
        {
            Assert.True(digests.Add(IdDigest.Of(id)), $"collision on \"{id}\"");
            Assert.Equal(IdDigest.Of(id), IdDigest.Of(new string(id.AsSpan())));
        }
    }

    [Fact]
    public void The_set_finds_every_repeat_with_the_index_it_was_first_seen_at_while_growing()
    {
        using var set = new IdDigestSet();
        for (var i = 0; i < 100_000; i++)
        {
            Assert.True(set.TryAdd(IdDigest.Of($"id-{i}"), i, out _));
        }

        for (var i = 0; i < 100_000; i += 7)
        {
            Assert.False(set.TryAdd(IdDigest.Of($"id-{i}"), 100_000 + i, out var first));
            Assert.Equal(i, first);
        }

        Assert.True(set.TryAdd(IdDigest.Of("id-100000"), 200_000, out _));
    }
}
