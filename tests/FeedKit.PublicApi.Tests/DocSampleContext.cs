using FeedKit.AspNetCore;
using FeedKit.Formats;
using FeedKit.Model;
using FeedKit.WebSub;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging;

// The names the documentation's C# fragments take from the application around them ("your" app, feed description,
// database, cancellation token...). DocSampleTests compiles every fragment with `using static DocSampleContext;`,
// so a fragment may use these names without declaring them; a block marked standalone may not. The samples are only
// compiled, never run: every member throws.
#pragma warning disable IDE1006 // lower-case names: they are the variables the docs use

namespace FeedKit.PublicApi.Tests.Context;

/// <summary>The variables and methods the documentation's fragments use without declaring them.</summary>
public static class DocSampleContext
{
    public static WebApplicationBuilder builder => throw NotRun();

    public static WebApplication app => throw NotRun();

    /// <summary>The feed's description (title, links, language, authors).</summary>
    public static FeedInfo info => throw NotRun();

    public static Feed feed => throw NotRun();

    /// <summary>A feed's source for <c>MapFeed</c>: a handler that returns a <see cref="FeedSource"/>.</summary>
    public static Func<HttpContext, CancellationToken, ValueTask<FeedSource>> source => throw NotRun();

    /// <summary>Articles read as a stream (a database query, say).</summary>
    public static IAsyncEnumerable<Article> articles => throw NotRun();

    /// <summary>Articles in a list, oldest first (for archives).</summary>
    public static IReadOnlyList<Article> oldestFirst => throw NotRun();

    /// <summary>Articles in a list, newest first (for pages).</summary>
    public static IReadOnlyList<Article> newestFirst => throw NotRun();

    /// <summary>When the feed last changed.</summary>
    public static DateTimeOffset lastChange => throw NotRun();

    public static NewsDatabase db => throw NotRun();

    public static FeedWriter writer => throw NotRun();

    public static Stream output => throw NotRun();

    public static Stream currentStream => throw NotRun();

    public static HttpResponse response => throw NotRun();

    public static ILogger logger => throw NotRun();

    public static IOutputCacheStore outputCacheStore => throw NotRun();

    public static WebSubPublisher webSubPublisher => throw NotRun();

    public static CancellationToken ct => throw NotRun();

    /// <summary>Opens a file (or a blob) to write the document at <paramref name="url"/> into.</summary>
    public static Stream Open(Uri url) => throw NotRun();

    private static NotSupportedException NotRun() => new("documentation samples are compiled, not run");
}

/// <summary>The application's database, as the documentation's fragments use it.</summary>
public abstract class NewsDatabase
{
    public abstract Task<DateTimeOffset> NewestChangeAsync(CancellationToken ct);

    public abstract IAsyncEnumerable<Article> ArticlesAsync(CancellationToken ct);

    public abstract IAsyncEnumerable<Article> LatestArticlesAsync(CancellationToken ct);

    public abstract IAsyncEnumerable<Article> OldestFirstAsync(CancellationToken ct);
}

/// <summary>A news store from dependency injection, as the documentation's route and controller samples use it.</summary>
public interface INewsStore
{
    DateTimeOffset Newest { get; }

    bool HasTag(string tag);

    IAsyncEnumerable<Article> ByTag(string tag, CancellationToken ct);

    IAsyncEnumerable<Article> ByAuthor(string name, CancellationToken ct = default);

    IAsyncEnumerable<Article> ByAuthor(string name, int limit, CancellationToken ct = default);

    IAsyncEnumerable<Article> InLanguage(string language, CancellationToken ct);

    IReadOnlyList<Article> Latest();

    Task<string> VersionAsync(string name, CancellationToken ct);
}
