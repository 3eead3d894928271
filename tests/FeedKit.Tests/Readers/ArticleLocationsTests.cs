using FeedKit.Readers;

namespace FeedKit.Tests.Readers;

/// <summary>Field locations: looked up by the longest recorded prefix of a problem's member path.</summary>
public sealed class ArticleLocationsTests
{
    private static readonly ArticleLocations Locations = new("a.json", new Dictionary<string, SourcePosition>
    {
        ["Headline"] = new(2, 15),
        ["Body"] = new(3),
        ["Body[2]"] = new(6, 5),
        ["Body[2].Items[1]"] = new(8, 9),
        ["Authors[0]"] = new(4),
    });

    [Theory]
    [InlineData("Headline", 2)]
    [InlineData("Body[2].Items[1]", 8)]
    [InlineData("Body[2].Items[0]", 6)]
    [InlineData("Body[2].Language", 6)]
    [InlineData("Body[7].Text", 3)]
    [InlineData("Authors[0].Email", 4)]
    public void The_longest_recorded_prefix_gives_the_line(string path, int line) =>
        Assert.Equal(line, Locations.Find(path)!.Value.Line);

    [Fact]
    public void An_unrecorded_path_has_no_position_and_the_prefix_says_only_the_file()
    {
        Assert.Null(Locations.Find("Tags[0]"));
        Assert.Equal("a.json: ", Locations.Prefix("Tags[0]"));
        Assert.Equal("a.json:2:15: ", Locations.Prefix("Headline"));
    }
}
