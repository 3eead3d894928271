using System.ServiceModel.Syndication;
using System.Xml;
using FeedKit.Formats;
using FeedKit.Html;
using FeedKit.Lint;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Interop;

/// <summary>
/// Bridges FeedKit to <see cref="System.ServiceModel.Syndication"/>, for code that already works with
/// <see cref="SyndicationFeed"/>.
/// </summary>
/// <remarks>
/// The object is built from the same validated, resolved feed the writers use, so its ids, dates, guarded titles,
/// HTML with <c>dir</c>/<c>lang</c>, and per-item <c>xml:lang</c> (as an attribute extension, since
/// <see cref="SyndicationItem"/> has no language; the feed's is <see cref="SyndicationFeed.Language"/>) match FeedKit's own output. Prefer FeedKit's writers for
/// the XML: SSMS's formatters put <c>a10:</c> elements into RSS, repeat extension namespaces on every item and
/// make up ids and dates for missing values.
/// </remarks>
public static class SyndicationInterop
{
    private static readonly XmlQualifiedName XmlLang = new("lang", "http://www.w3.org/XML/1998/namespace");

    /// <summary>Converts a feed to a <see cref="SyndicationFeed"/>.</summary>
    /// <param name="feed">The feed.</param>
    /// <param name="options">Writer options (the first-strong guard applies to titles here too).</param>
    /// <returns>A new <see cref="SyndicationFeed"/> with one item per article, in order.</returns>
    /// <exception cref="FeedValidationException">The feed has errors (Atom's rules apply).</exception>
    public static SyndicationFeed ToSyndicationFeed(this Feed feed, FeedWriterOptions? options = null)
    {
        using var normalized = FeedNormalizer.Normalize(feed, options, FeedFormat.Atom);
        var header = normalized.Header;
        var info = header.Info;
        var result = new SyndicationFeed
        {
            Id = header.Id,
            Title = new TextSyndicationContent(header.Title),
            LastUpdatedTime = header.Updated,
            Language = header.Language?.Value,
            Generator = info.Generator,
        };
        if (header.Subtitle is not null)
        {
            result.Description = new TextSyndicationContent(header.Subtitle);
        }

        if (!string.IsNullOrWhiteSpace(info.Rights))
        {
            result.Copyright = new TextSyndicationContent(info.Rights);
        }

        if ((info.Logo ?? info.Icon) is { } image)
        {
            result.ImageUrl = image;
        }

        result.Links.Add(new SyndicationLink(info.SiteLink, "alternate", null, "text/html", 0));
        if (info.SelfLink is not null)
        {
            result.Links.Add(new SyndicationLink(info.SelfLink, "self", null, "application/atom+xml", 0));
        }

        foreach (var author in info.Authors)
        {
            result.Authors.Add(ToPerson(author));
        }

        var items = new List<SyndicationItem>(normalized.Articles.Length);
        foreach (ref readonly var article in normalized.Articles)
        {
            items.Add(ToItem(article));
        }

        result.Items = items;
        return result;
    }

    private static SyndicationItem ToItem(in NormalizedArticle article)
    {
        var source = article.Source;
        var item = new SyndicationItem
        {
            Id = article.Id,
            Title = new TextSyndicationContent(article.Headline),
            PublishDate = source.Published,
            LastUpdatedTime = article.Updated,
        };
        if (source.Url is not null)
        {
            item.Links.Add(new SyndicationLink(source.Url, "alternate", null, "text/html", 0));
        }

        if (ArticleHtml.RenderSummary(article) is { } summary)
        {
            item.Summary = new TextSyndicationContent(summary.ToString(), TextSyndicationContentKind.Html);
        }

        if (ArticleHtml.RenderBody(article) is { } body)
        {
            item.Content = new TextSyndicationContent(body.ToString(), TextSyndicationContentKind.Html);
        }

        foreach (var author in source.Authors)
        {
            item.Authors.Add(ToPerson(author));
        }

        foreach (var tag in source.Tags)
        {
            item.Categories.Add(new SyndicationCategory(tag));
        }

        AddLanguage(item.AttributeExtensions, article.Language);
        return item;
    }

    private static SyndicationPerson ToPerson(Author author) =>
        new(author.Email, author.Name, author.Uri?.AbsoluteUri);

    private static void AddLanguage(Dictionary<XmlQualifiedName, string> attributes, LanguageTag? language)
    {
        if (language is not null)
        {
            attributes[XmlLang] = language.Value;
        }
    }
}
