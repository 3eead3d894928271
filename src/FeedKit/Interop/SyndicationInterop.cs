using System.ServiceModel.Syndication;
using System.Xml;
using FeedKit.Formats;
using FeedKit.Model;
using FeedKit.Text;
using FeedKit.Validation;

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
        options ??= FeedWriterOptions.Default;
        using var normalized = FeedNormalizer.Resolve(feed, new ValidationOptions(FeedFormat.Atom, options.FirstStrongGuard, options.Warnings), out var header);
        var result = new SyndicationFeed
        {
            Id = header.Id,
            Title = new TextSyndicationContent(header.Title),
            LastUpdatedTime = header.Updated,
            Language = header.Language?.Value,
            Generator = header.Generator,
        };
        if (header.Subtitle is not null)
        {
            result.Description = new TextSyndicationContent(header.Subtitle);
        }

        if (header.Rights is not null)
        {
            result.Copyright = new TextSyndicationContent(header.Rights);
        }

        if ((header.LogoUrl ?? header.IconUrl) is { } image)
        {
            result.ImageUrl = image;
        }

        result.Links.Add(new SyndicationLink(header.SiteUrl, "alternate", null, "text/html", 0));
        if (header.SelfUrl is not null)
        {
            result.Links.Add(new SyndicationLink(header.SelfUrl, "self", null, FeedFormat.Atom.MediaType(), 0));
        }

        foreach (var author in header.Authors)
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

    private static SyndicationItem ToItem(in ResolvedArticle article)
    {
        var item = new SyndicationItem
        {
            Id = article.Id,
            Title = new TextSyndicationContent(article.Headline),
            PublishDate = article.Published,
            LastUpdatedTime = article.Updated,
        };
        if (article.Url is not null)
        {
            item.Links.Add(new SyndicationLink(article.Url, "alternate", null, "text/html", 0));
        }

        if (article.RenderSummary() is { } summary)
        {
            item.Summary = new TextSyndicationContent(summary.ToString(), TextSyndicationContentKind.Html);
        }

        if (article.RenderBody() is { } body)
        {
            item.Content = new TextSyndicationContent(body.ToString(), TextSyndicationContentKind.Html);
        }

        foreach (var author in article.Authors)
        {
            item.Authors.Add(ToPerson(author));
        }

        foreach (var tag in article.Tags)
        {
            item.Categories.Add(new SyndicationCategory(tag));
        }

        AddLanguage(item.AttributeExtensions, article.Language);
        return item;
    }

    private static SyndicationPerson ToPerson(Author author) =>
        new(author.Email, author.Name, author.Url?.AbsoluteUri);

    private static void AddLanguage(Dictionary<XmlQualifiedName, string> attributes, LanguageTag? language)
    {
        if (language is not null)
        {
            attributes[XmlLang] = language.Value;
        }
    }
}
