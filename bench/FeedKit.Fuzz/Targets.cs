using System.Text;
using FeedKit.Markdown;
using FeedKit.Model;
using FeedKit.Readers;

namespace FeedKit.Fuzz;

/// <summary>
/// The fuzzing targets, by name. Each takes the input's bytes and returns when FeedKit behaved: a clear FeedKit error
/// (<see cref="ArticleReadException"/>, <see cref="Validation.FeedValidationException"/> with nothing written), or
/// output that parses back with its text. Anything else escapes as an exception, which afl-fuzz records as a crash.
/// </summary>
public static class Targets
{
    /// <summary>What the last input did, for replays: "refused: …" or "wrote …".</summary>
    public static string Outcome { get; set; } = "";

    /// <summary>Every target by name.</summary>
    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["plaintext"] = input => Reader(new PlainTextReader(), "posts/fuzz.txt", input),
        ["markdown"] = input => Reader(new MarkdownArticleReader(), "_posts/2026-01-02-fuzz.md", input),
        ["json"] = input => Reader(new JsonArticleReader(), "posts/fuzz.json", input),
        ["rawhtml"] = RawHtmlIntoEveryWriter,
        ["xmlwriter"] = XmlWriterDifferential.Run,
    };

    /// <summary>Made when first needed: FeedKit's code may run only once SharpFuzz has set up the coverage map.</summary>
    private static readonly Lazy<ArticleDefaults> Defaults = new(() => new(new Uri("https://example.com/posts/"))
    {
        SiteUrl = new Uri("https://example.com/"),
        Published = ArticleDate.FromDay(new DateOnly(2026, 1, 2)),
    });

    /// <summary>Reads a file; a file that reads is completed into articles and written in every format.</summary>
    private static void Reader(IArticleReader reader, string file, byte[] input)
    {
        ArticleReadResult result;
        try
        {
            result = reader.Read(file, input);
        }
        catch (ArticleReadException e)
        {
            Outcome = "refused: " + e.Message;
            return;
        }

        var articles = new List<Article>();
        foreach (var source in result.Articles)
        {
            try
            {
                articles.Add(source.ToArticle(Defaults.Value));
            }
            catch (ArticleReadException e)
            {
                Outcome = "refused: " + e.Message;
                return;
            }
        }

        Outcome = "no article";
        if (articles.Count > 0)
        {
            FeedCheck.WriteEveryFormat(articles);
        }
    }

    /// <summary>The input as one RawHtml block between two paragraphs, sanitized and written in every format.</summary>
    private static void RawHtmlIntoEveryWriter(byte[] input)
    {
        var html = Encoding.UTF8.GetString(input);
        var article = new Article
        {
            Url = new Uri("https://example.com/posts/fuzz"),
            Headline = "عنوان",
            Published = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Body = [new Paragraph("قبل before"), new RawHtml(html), new Paragraph("بعد after")],
        };
        FeedCheck.WriteEveryFormat([article]);
    }
}
