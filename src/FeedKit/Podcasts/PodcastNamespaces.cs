using FeedKit.Extensions;

namespace FeedKit.Podcasts;

/// <summary>
/// The two namespaces of podcast feeds. A feed written from a list declares them by itself; a streamed feed whose
/// show (<see cref="PodcastShow"/>) is on its <c>FeedInfo</c> declares them too, since the show is read first.
/// </summary>
public static class PodcastNamespaces
{
    /// <summary>Apple's iTunes namespace, <c>itunes</c>: <c>http://www.itunes.com/dtds/podcast-1.0.dtd</c>.</summary>
    public static XmlNamespace Itunes { get; } = new("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd");

    /// <summary>The Podcasting 2.0 namespace, <c>podcast</c>: <c>https://podcastindex.org/namespace/1.0</c>.</summary>
    public static XmlNamespace Podcasting { get; } = new("podcast", "https://podcastindex.org/namespace/1.0");
}
