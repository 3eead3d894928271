using System.Collections.Immutable;
using FeedKit.Formats;
using FeedKit.Model;
using FeedKit.Validation;

namespace FeedKit.Cli;

/// <summary>
/// What <c>feedkit lint</c> checks: <see cref="FeedLint"/> for each format (Atom, RSS, JSON Feed), each with the
/// self link that format would get, errors and warnings each reported once.
/// </summary>
internal static class FeedChecker
{
    public static ImmutableArray<FeedProblem> Check(Feed feed, FeedWriterOptions options, CancellationToken cancellationToken = default)
    {
        var problems = new List<FeedProblem>();
        var seen = new HashSet<FeedProblem>();
        foreach (var format in new[] { FeedFormat.Atom, FeedFormat.Rss, FeedFormat.Json })
        {
            cancellationToken.ThrowIfCancellationRequested();
            var lint = FeedLint.Check(
                WithSelfLink(feed, FeedWriter.Create(format, options)),
                new FeedLintOptions { Formats = [format], FirstStrongGuard = options.FirstStrongGuard });
            problems.AddRange(lint.Where(seen.Add));
        }

        return [.. problems.Where(p => p.Severity == FeedProblemSeverity.Error), .. problems.Where(p => p.Severity == FeedProblemSeverity.Warning)];
    }

    /// <summary>Without a self link, a feed is taken to be served as <c>feed.atom</c>, <c>feed.rss</c> or <c>feed.json</c> at the site's URL.</summary>
    public static Feed WithSelfLink(Feed feed, FeedWriter writer) =>
        feed.Info.SelfUrl is not null
            ? feed
            : feed with { Info = feed.Info with { SelfUrl = new Uri(feed.Info.SiteUrl, "feed." + writer.Format.FileExtension()) } };
}
