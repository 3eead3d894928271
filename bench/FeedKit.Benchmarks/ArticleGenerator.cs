using System.Collections.Immutable;
using FeedKit.Readers;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Benchmarks;

/// <summary>
/// Deterministic (seeded) Arabic news items modelled on the seed article: sentences are drawn from the seed's
/// paragraphs, so the text has the seed's script, punctuation, digits and word lengths. Each item is about
/// 5.6 KB of Atom: title ~80 characters, standfirst ~330, body ~2,400 in paragraphs with a subheading,
/// one author, three tags, link, id and two dates.
/// </summary>
internal sealed class ArticleGenerator
{
    private static readonly DateTimeOffset Newest = new(2026, 3, 14, 9, 30, 0, TimeSpan.FromHours(3));
    private readonly string[] _sentences;
    private readonly string[] _headings;
    private readonly string[] _tags = ["سياسة", "روسيا", "الولايات المتحدة", "جنيف", "دبلوماسية", "اقتصاد", "أوروبا"];

    public ArticleGenerator(string seedFile)
    {
        var seed = PlainTextArticleReader.ReadFile(seedFile);
        _sentences = seed.Body.OfType<Paragraph>()
            .SelectMany(p => p.Text.Split(['.', '،'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(s => s.Length > 20)
            .ToArray();
        _headings = [.. seed.Body.OfType<Subheading>().Select(s => s.Text)];
    }

    public static string DefaultSeedFile => Path.Combine(AppContext.BaseDirectory, "seeds", "000_0a1375d98b8308ea.txt");

    public static FeedInfo Info(DateTimeOffset? updated = null) => new()
    {
        Title = "أخبار العالم",
        Subtitle = "أخبار سياسية دولية",
        SiteUrl = new Uri("https://example.com/news/"),
        SelfUrl = new Uri("https://example.com/news/feed"),
        Language = LanguageTag.Parse("ar"),
        Authors = [new Author("غرفة الأخبار")],
        Updated = updated ?? Newest,
    };

    /// <summary>Item <paramref name="index"/>: the same index always gives the same article.</summary>
    public Article Create(int index)
    {
        var random = new Random(index);
        var body = ImmutableArray.CreateBuilder<Block>();
        var length = 0;
        var paragraphs = 0;
        while (length < 2400)
        {
            if (paragraphs == 3)
            {
                var heading = _headings[random.Next(_headings.Length)];
                body.Add(new Subheading(heading));
                length += heading.Length;
            }

            var paragraph = Text(random, 260, ".");
            body.Add(new Paragraph(paragraph));
            length += paragraph.Length;
            paragraphs++;
        }

        var tags = new[] { _tags[random.Next(_tags.Length)], _tags[random.Next(_tags.Length)], _tags[random.Next(_tags.Length)] };
        return new Article
        {
            Url = new Uri($"https://example.com/news/2026/{index:D6}"),
            Headline = Text(random, 80, string.Empty)[..80].TrimEnd(),
            Standfirst = Text(random, 330, "."),
            Body = body.ToImmutable(),
            Authors = [new Author("مراسلنا في جنيف")],
            Published = Newest.AddMinutes(-index),
            Updated = Newest.AddMinutes(-index + 5),
            Tags = [.. tags.Distinct()],
        };
    }

    public IEnumerable<Article> CreateMany(int count, int start = 0)
    {
        for (var i = start; i < start + count; i++)
        {
            yield return Create(i);
        }
    }

    public async IAsyncEnumerable<Article> CreateAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 1000 == 0)
            {
                await Task.Yield();
            }

            yield return Create(i);
        }
    }

    private string Text(Random random, int length, string end)
    {
        var text = new System.Text.StringBuilder(length + 100);
        while (text.Length < length)
        {
            if (text.Length > 0)
            {
                text.Append("، ");
            }

            text.Append(_sentences[random.Next(_sentences.Length)]);
        }

        return text.Append(end).ToString();
    }
}
