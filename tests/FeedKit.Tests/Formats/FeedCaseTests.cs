using FeedKit.Formats.Atom;
using FeedKit.Formats.Rss;

namespace FeedKit.Tests.Formats;

/// <summary>Snapshots of both formats for each hand-written case in <see cref="TestFeeds"/>.</summary>
public sealed class FeedCaseTests
{
    public static TheoryData<string> Cases => [.. TestFeeds.CaseNames];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Atom(string name)
    {
        var xml = new AtomFeedWriter().WriteToString(TestFeeds.Cases[name]());
        await Verifier.Verify(xml, "xml").UseParameters(name);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rss(string name)
    {
        var xml = new RssFeedWriter().WriteToString(TestFeeds.Cases[name]());
        await Verifier.Verify(xml, "xml").UseParameters(name);
    }
}
