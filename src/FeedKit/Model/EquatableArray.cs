using System.Collections.Immutable;

namespace FeedKit.Model;

/// <summary>
/// The backing store of the model's collections: an <see cref="ImmutableArray{T}"/> that compares by its items, so
/// that records holding it (<see cref="Article"/>, <see cref="FeedInfo"/> …) have value equality like their other
/// members. A default array reads as empty.
/// </summary>
internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>
{
    private readonly ImmutableArray<T> _items;

    public EquatableArray(ImmutableArray<T> items)
    {
        _items = items;
    }

    public ImmutableArray<T> Items => _items.IsDefault ? [] : _items;

    public bool Equals(EquatableArray<T> other)
    {
        var (a, b) = (Items, other.Items);
        if (a.Length != b.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < a.Length; i++)
        {
            if (!comparer.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
