using FeedKit.Model;
using PublicApiGenerator;

namespace FeedKit.PublicApi.Tests;

/// <summary>
/// FeedKit's and FeedKit.AspNetCore's public API, pinned: a change to any public type or member changes the snapshot,
/// so it shows up in review (accept it by replacing the verified file with the received one). FeedKit.Markdown's is
/// pinned in its own test project.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public async Task FeedKit_public_api()
    {
        var api = typeof(Feed).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,
        });
        await Verifier.Verify(api, "txt");
    }

    [Fact]
    public async Task FeedKit_AspNetCore_public_api()
    {
        var api = typeof(FeedKit.AspNetCore.FeedEndpointOptions).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,
        });
        await Verifier.Verify(api, "txt");
    }

    [Fact]
    public void The_library_is_marked_trimmable()
    {
        var metadata = typeof(Feed).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal("True", metadata.GetValueOrDefault("IsTrimmable"));
    }
}
