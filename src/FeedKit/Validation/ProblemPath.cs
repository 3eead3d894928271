using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using FeedKit.Model;

namespace FeedKit.Validation;

/// <summary>
/// Where a <see cref="FeedProblem"/> is: the feed itself, or the article at <see cref="ArticleIndex"/>, then the
/// members leading to the field, such as <c>Body[2]</c>, <c>Text</c>. A host maps it to a file and a line from the
/// article index and <see cref="Member"/>, without parsing text.
/// </summary>
public sealed record ProblemPath
{
    private readonly EquatableArray<ProblemPathSegment> _members;

    private ProblemPath(int? articleIndex, ImmutableArray<ProblemPathSegment> members)
    {
        ArticleIndex = articleIndex;
        _members = new(members);
    }

    /// <summary>The feed's own fields (<c>feed</c>).</summary>
    public static ProblemPath Feed { get; } = new(null, []);

    /// <summary>The article at <paramref name="index"/> in feed order (<c>articles[index]</c>).</summary>
    /// <param name="index">The article's index, from 0.</param>
    /// <returns>The path.</returns>
    public static ProblemPath Article(int index) =>
        index >= 0 ? new(index, []) : throw new ArgumentOutOfRangeException(nameof(index), index, "An article index is not negative.");

    /// <summary>The index of the article, in feed order; null for the feed's own fields.</summary>
    public int? ArticleIndex { get; }

    /// <summary>The members from the feed or article down to the field, such as <c>Body[2]</c> then <c>Text</c>.</summary>
    public ImmutableArray<ProblemPathSegment> Members => _members.Items;

    /// <summary>The index of the body block concerned (<c>Body[i]</c> first), if any.</summary>
    public int? BlockIndex => Members is [{ Name: "Body", Index: { } block }, ..] ? block : null;

    /// <summary>The members as text, such as <c>Body[2].Text</c> or <c>Authors[0].Email</c>; empty for the feed or article itself.</summary>
    public string Member
    {
        get
        {
            var text = new StringBuilder();
            foreach (var segment in Members)
            {
                segment.AppendTo(text);
            }

            return text.ToString();
        }
    }

    /// <summary>A path one member further down.</summary>
    /// <param name="name">The member's name.</param>
    /// <param name="index">Its index, for a member that is a list; null otherwise.</param>
    /// <returns>The longer path.</returns>
    public ProblemPath Then(string name, int? index = null) => new(ArticleIndex, Members.Add(new ProblemPathSegment(name, index)));

    /// <summary>A path to an item of this list (<c>[index]</c>).</summary>
    /// <param name="index">The item's index.</param>
    /// <returns>The longer path.</returns>
    public ProblemPath Index(int index) => new(ArticleIndex, Members.Add(new ProblemPathSegment(null, index)));

    /// <summary>The path as FeedKit writes it in messages: <c>feed.SiteUrl</c>, <c>articles[3].Body[2].Text</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(ArticleIndex is { } index ? $"articles[{index.ToString(CultureInfo.InvariantCulture)}]" : "feed");
        foreach (var segment in Members)
        {
            if (segment.Name is not null)
            {
                text.Append('.');
            }

            segment.AppendTo(text, leadingDot: false);
        }

        return text.ToString();
    }
}

/// <summary>One step of a <see cref="ProblemPath"/>: a member name, an index, or both (<c>Body[2]</c>).</summary>
/// <param name="Name">The member's name; null for an item of the list before it.</param>
/// <param name="Index">The index in a list; null for a member that is not one.</param>
public readonly record struct ProblemPathSegment(string? Name, int? Index)
{
    internal void AppendTo(StringBuilder text, bool leadingDot = true)
    {
        if (Name is not null)
        {
            if (leadingDot && text.Length > 0)
            {
                text.Append('.');
            }

            text.Append(Name);
        }

        if (Index is { } index)
        {
            text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
    }

    /// <summary>The step as text: <c>Body[2]</c>, <c>Text</c>, <c>[1]</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        AppendTo(text);
        return text.ToString();
    }
}
