using System.Collections.Immutable;
using FeedKit.Formats;
using FeedKit.Formats.Atom;
using FeedKit.Formats.Json;
using FeedKit.Formats.Rss;
using FeedKit.Lint;
using FeedKit.Model;

namespace FeedKit.Cli;

/// <summary>
/// What <c>feedkit lint</c> checks: the feed is written in every format (Atom, RSS, JSON Feed) into
/// <see cref="Stream.Null"/>, and the problems of each writer's validation are collected, each once.
/// </summary>
/// <remarks>
/// A stand-in for the library's own lint API (issue 3): when <c>FeedLint</c> exists, only this class changes.
/// </remarks>
internal static class FeedChecker
{
    public static ImmutableArray<FeedProblem> Check(Feed feed, FeedWriterOptions options, CancellationToken cancellationToken = default)
    {
        var problems = ImmutableArray.CreateBuilder<FeedProblem>();
        var seen = new HashSet<FeedProblem>();
        foreach (var writer in new FeedWriter[] { new AtomFeedWriter(options), new RssFeedWriter(options), new JsonFeedWriter(options) })
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                writer.Write(WithSelfLink(feed, writer), Stream.Null);
            }
            catch (FeedValidationException e)
            {
                foreach (var problem in e.Problems)
                {
                    if (seen.Add(problem))
                    {
                        problems.Add(problem);
                    }
                }
            }
        }

        return problems.ToImmutable();
    }

    /// <summary>Without a self link, a feed is taken to be served as <c>feed.atom</c>, <c>feed.rss</c> or <c>feed.json</c> at the site's URL.</summary>
    public static Feed WithSelfLink(Feed feed, FeedWriter writer) =>
        feed.Info.SelfLink is not null
            ? feed
            : new Feed(feed.Info with { SelfLink = new Uri(feed.Info.SiteLink, "feed." + writer.FileExtension) }, feed.Articles);
}
