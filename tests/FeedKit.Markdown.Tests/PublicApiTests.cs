using PublicApiGenerator;

namespace FeedKit.Markdown.Tests;

/// <summary>FeedKit.Markdown's public API, pinned like FeedKit's: a change shows up in review.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public async Task FeedKit_Markdown_public_api()
    {
        var api = typeof(MarkdownArticleReader).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false });
        await Verifier.Verify(api, "txt");
    }
}
