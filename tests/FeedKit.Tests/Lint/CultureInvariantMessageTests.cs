using System.Globalization;
using FeedKit.Archive;
using FeedKit.Formats;
using FeedKit.Validation;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Tests.Lint;

/// <summary>
/// Issue 13: FeedKit's messages (exceptions and <see cref="FeedProblem"/> messages) are invariant, like the feeds.
/// Under ar-SA, fa-IR and he-IL the current culture writes -1234567 with a bidi mark or a minus sign of its own
/// (U+061C, U+200E, U+2212), decimals with U+066B and dates in another calendar; a message must hold none of that.
/// </summary>
public sealed class CultureInvariantMessageTests
{
    private static readonly DateTimeOffset Published = new(2026, 3, 14, 9, 30, 0, TimeSpan.FromHours(3));

    public static TheoryData<string> Cultures => ["ar-SA", "fa-IR", "he-IL"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Messages_write_numbers_and_dates_with_ascii_digits_and_hyphen_minus(string culture)
    {
        var messages = UnderCulture(culture, () =>
        {
            // What the culture itself would write, so that the test cannot pass for want of a culture (ICU).
            Assert.NotEqual("-1234567", (-1234567).ToString(CultureInfo.CurrentCulture));
            return Messages();
        });

        foreach (var (expected, message) in messages)
        {
            Assert.Contains(expected, message, StringComparison.Ordinal);
            var foreign = message.Where(c => (char.IsDigit(c) && c is not (>= '0' and <= '9')) || c is '\u061C' or '\u200E' or '\u200F' or '\u2212' or '\u066B' or '\u066C' or '\u060C');
            Assert.True(!foreign.Any(), $"under {culture}: {message}");
        }
    }

    private static List<(string Expected, string Message)> Messages()
    {
        var info = new FeedInfo
        {
            Title = "Title",
            SiteUrl = new Uri("https://example.com/"),
            SelfUrl = new Uri("https://example.com/feed"),
            Language = LanguageTag.Parse("en"),
            Authors = [new Author("Newsroom")],
        };
        var article = new Article
        {
            Url = new Uri("https://example.com/a"),
            Headline = "Headline",
            Body = [new Paragraph("Text.")],
            Published = Published,
        };
        var audio = new MediaAttachment(new Uri("https://example.com/a.mp3"), "audio/mpeg");
        var messages = new List<(string, string)>();

        void Problem(string path, string expected, FeedInfo feedInfo, Article item, FeedLintOptions? options = null)
        {
            var problems = FeedLint.Check(new Feed(feedInfo, [item]), options);
            var problem = problems.FirstOrDefault(p => p.Path.ToString() == path && p.Message.Contains(expected, StringComparison.Ordinal))
                ?? problems.FirstOrDefault(p => p.Path.ToString() == path);
            Assert.True(problem is not null, $"no problem at {path}: {string.Join(" | ", problems)}");
            messages.Add((expected, problem.Message));
        }

        // A negative length, a large one, a negative duration.
        Problem("articles[0].Media[0].Length", "-1234567 is negative", info, article with { Media = [audio with { Length = -1234567 }] });
        Problem("articles[0].LeadImage.Length", "-9223372036854775808 is negative", info, article with { LeadImage = new Image(new Uri("https://example.com/a.png")) { Length = long.MinValue } });
        Problem("articles[0].Media[0].Duration", "-00:00:01.5000000 is negative", info, article with { Media = [audio with { Duration = TimeSpan.FromSeconds(-1.5) }] });

        // Bad dates: Updated before Published, before 1990, in the future (fa-IR's calendar is the Persian one, ar-SA's Umm al-Qura).
        Problem("articles[0].Updated", "2025-12-31T23:59:59Z is earlier than Published (2026-03-14T09:30:00+03:00)", info, article with { Updated = new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.Zero) });
        Problem("articles[0].Published", "1989-07-04T00:00:00Z is before 1990", info, article with { Published = new DateTimeOffset(1989, 7, 4, 0, 0, 0, TimeSpan.Zero) });
        Problem("articles[0].Published", "2026-03-14T09:30:00+03:00 is in the future", info, article, new FeedLintOptions { Now = Published.AddDays(-30) });

        // Exceptions: out-of-range arguments and the summary of several problems.
        messages.Add(("-1234567", Assert.Throws<ArgumentOutOfRangeException>(() => FeedArchive.Create(info, [article], -1234567, n => new Uri($"https://example.com/{n}"))).Message));
        messages.Add(("-1234567", Assert.Throws<ArgumentOutOfRangeException>(() => FeedPages.Create(info, [article], -1234567, n => new Uri($"https://example.com/{n}"))).Message));
        messages.Add(("-1234567", Assert.Throws<ArgumentOutOfRangeException>(() => Bidi.GetCategory(-1234567)).Message));
        messages.Add(("-1234567", Assert.Throws<ArgumentOutOfRangeException>(() => FeedWriter.Create((FeedFormat)(-1234567))).Message));
        messages.Add(("-1234567", Assert.Throws<ArgumentOutOfRangeException>(() => FirstStrongGuard.IsNeeded("a", (TextDirection)(-1234567))).Message));
        var invalid = new Feed(info, [article with { Media = [audio with { Length = -1 }, audio with { Length = -2 }] }]);
        messages.Add(("(2 problems)", Assert.Throws<FeedValidationException>(() => FeedWriter.Create(FeedFormat.Atom).WriteToString(invalid)).Message));
        return messages;
    }

    private static T UnderCulture<T>(string name, Func<T> action)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
