using System.Text;

namespace FeedKit.Validation;

/// <summary>
/// Where a problem is, such as <c>articles[3].Body[1].Image.Url</c>, kept as parts and turned into text only when a
/// problem is reported, so that checking a valid feed allocates nothing for paths.
/// </summary>
internal readonly struct FieldPath
{
    private readonly string? _n0, _n1, _n2, _n3, _n4;
    private readonly int _i0, _i1, _i2, _i3, _i4;
    private readonly int _depth;

    private FieldPath(FieldPath parent, string? name, int index)
    {
        this = parent;
        switch (parent._depth)
        {
            case 0: (_n0, _i0) = (name, index); break;
            case 1: (_n1, _i1) = (name, index); break;
            case 2: (_n2, _i2) = (name, index); break;
            case 3: (_n3, _i3) = (name, index); break;
            case 4: (_n4, _i4) = (name, index); break;
            default: throw new InvalidOperationException("FieldPath holds at most five parts.");
        }

        _depth = parent._depth + 1;
    }

    /// <summary>The feed's own fields: <c>feed</c>.</summary>
    public static FieldPath Feed { get; } = new(default, "feed", -1);

    /// <summary>An article: <c>articles[index]</c>.</summary>
    public static FieldPath Article(int index) => new(default, "articles", index);

    /// <summary>A field of this one: <c>.Name</c>, or <c>.Name[index]</c> when <paramref name="index"/> is not negative.</summary>
    public FieldPath Then(string name, int index = -1) => new(this, name, index);

    /// <summary>An element of this list: <c>[index]</c>.</summary>
    public FieldPath Index(int index) => new(this, null, index);

    /// <summary>The path as a <see cref="ProblemPath"/>, built only when a problem is reported.</summary>
    public ProblemPath ToProblemPath()
    {
        var path = _n0 == "articles" ? ProblemPath.Article(_i0) : ProblemPath.Feed;
        for (var d = 1; d < _depth; d++)
        {
            var (name, index) = d switch { 1 => (_n1, _i1), 2 => (_n2, _i2), 3 => (_n3, _i3), _ => (_n4, _i4) };
            path = name is null ? path.Index(index) : path.Then(name, index >= 0 ? index : null);
        }

        return path;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        Append(text, _n0, _i0, first: true);
        if (_depth > 1) Append(text, _n1, _i1);
        if (_depth > 2) Append(text, _n2, _i2);
        if (_depth > 3) Append(text, _n3, _i3);
        if (_depth > 4) Append(text, _n4, _i4);
        return text.ToString();
    }

    private static void Append(StringBuilder text, string? name, int index, bool first = false)
    {
        if (name is not null)
        {
            text.Append(first ? string.Empty : ".").Append(name);
        }

        if (index >= 0)
        {
            text.Append('[').Append(index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
        }
    }
}
