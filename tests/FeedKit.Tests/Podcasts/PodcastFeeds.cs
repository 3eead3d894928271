using System.Collections.Immutable;
using FeedKit.Model;
using FeedKit.Podcasts;
using FeedKit.Text;

namespace FeedKit.Tests.Podcasts;

/// <summary>Hand-written podcast feeds for the snapshots (issue 15): every text is here, never generated.</summary>
internal static class PodcastFeeds
{
    public static readonly DateTimeOffset Morning = new(2026, 3, 14, 6, 0, 0, TimeSpan.FromHours(3));

    public static ImmutableSortedDictionary<string, Func<Feed>> Cases { get; } = new Dictionary<string, Func<Feed>>
    {
        ["arabic"] = Arabic,
        ["hebrew-serial"] = HebrewSerial,
        ["persian-transcripts"] = PersianTranscripts,
        ["mixed-language"] = MixedLanguage,
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    public static IEnumerable<string> CaseNames => Cases.Keys;

    public static FeedInfo Show(string language, string title, string subtitle, string slug, PodcastShow show) => new()
    {
        Title = title,
        Subtitle = subtitle,
        SiteUrl = new Uri($"https://podcasts.example.com/{slug}/"),
        SelfUrl = new Uri($"https://podcasts.example.com/{slug}/feed.rss"),
        Language = LanguageTag.Parse(language),
        Authors = [new Author(show.Author ?? title) { Email = show.Owner?.Email }],
        Rights = "© 2026 " + show.Author,
        LogoUrl = show.Artwork,
        Extensions = [show],
    };

    public static Article Episode(string slug, string show, string title, string notes, long length, TimeSpan duration, PodcastEpisode episode, DateTimeOffset published) => new()
    {
        Id = $"tag:podcasts.example.com,2026:{show}/{slug}",
        Url = new Uri($"https://podcasts.example.com/{show}/{slug}"),
        Headline = title,
        Body = [new Paragraph(notes)],
        Published = published,
        Media = [new MediaAttachment(new Uri($"https://cdn.example.com/{show}/{slug}.mp3"), "audio/mpeg") { Length = length, Duration = duration }],
        Extensions = [episode],
    };

    /// <summary>An Arabic show, two episodes; the first names an English product in its title (the guard's case).</summary>
    public static Feed Arabic() => new(
        Show("ar", "بودكاست التقنية العربية", "حوارات أسبوعية عن التقنية في العالم العربي.", "tech-ar", new PodcastShow
        {
            Author = "سارة الخطيب",
            Owner = new PodcastOwner("سارة الخطيب", "sara@example.com"),
            Artwork = new Uri("https://podcasts.example.com/tech-ar/cover.jpg"),
            Categories = [new PodcastCategory("Technology"), new PodcastCategory("News") { Subcategory = "Tech News" }],
            Summary = "حوارات أسبوعية عن التقنية في العالم العربي.",
            Locked = true,
            Funding = [new PodcastFunding(new Uri("https://podcasts.example.com/tech-ar/support"), "ادعم البودكاست")],
            People = [new PodcastPerson("سارة الخطيب") { Role = "host", Url = new Uri("https://podcasts.example.com/tech-ar/sara") }],
            Location = new PodcastLocation("عمّان، الأردن") { Geo = "geo:31.9539,35.9106" },
            Medium = "podcast",
            License = new PodcastLicense("CC-BY-4.0"),
        }),
        [
            Episode("ep-2", "tech-ar", "iPhone 17 في الأسواق العربية", "نناقش موعد الإطلاق والأسعار في الخليج والمغرب العربي.", 31457280, TimeSpan.FromSeconds(1950.4), new PodcastEpisode
            {
                Number = 2,
                Season = 1,
                Summary = "موعد الإطلاق والأسعار.",
                Chapters = new Uri("https://podcasts.example.com/tech-ar/ep-2/chapters.json"),
                Soundbites = [new PodcastSoundbite(TimeSpan.FromSeconds(73), TimeSpan.FromSeconds(45)) { Title = "الأسعار في الخليج" }],
            }, Morning),
            Episode("ep-1", "tech-ar", "الحلقة الأولى: لماذا بودكاست عن التقنية؟", "نعرّف بالبرنامج وبضيوفه القادمين.", 20971520, TimeSpan.FromMinutes(21), new PodcastEpisode
            {
                Number = 1,
                Season = 1,
                Explicit = false,
                Artwork = new Uri("https://podcasts.example.com/tech-ar/ep-1.png"),
            }, Morning.AddDays(-7)),
        ]);

    /// <summary>A Hebrew serial show: a season trailer, then two seasons in order.</summary>
    public static Feed HebrewSerial() => new(
        Show("he", "סיפורי העיר העתיקה", "סדרת תעודה בהמשכים על ירושלים.", "old-city-he", new PodcastShow
        {
            Author = "נועה לוי",
            Owner = new PodcastOwner("נועה לוי", "noa@example.com"),
            Artwork = new Uri("https://podcasts.example.com/old-city-he/cover.png"),
            Categories = [new PodcastCategory("History"), new PodcastCategory("Society & Culture") { Subcategory = "Documentary" }],
            Type = PodcastShowType.Serial,
            People = [new PodcastPerson("נועה לוי") { Role = "host" }],
        }),
        [
            Episode("s2-trailer", "old-city-he", "טריילר לעונה השנייה", "מה מחכה לנו בעונה השנייה.", 1048576, TimeSpan.FromSeconds(95), new PodcastEpisode
            {
                Season = 2,
                SeasonName = "העונה השנייה: השווקים",
                Type = PodcastEpisodeType.Trailer,
            }, Morning),
            Episode("s2e1", "old-city-he", "השוק של העיר העתיקה", "פרק ראשון בעונה השנייה: השוק.", 41943040, TimeSpan.FromMinutes(44), new PodcastEpisode
            {
                Season = 2,
                SeasonName = "העונה השנייה: השווקים",
                Number = 1,
            }, Morning.AddDays(-1)),
            Episode("s1e2", "old-city-he", "השער השני", "פרק שני: שער יפו.", 36700160, TimeSpan.FromMinutes(38), new PodcastEpisode
            {
                Season = 1,
                Number = 2,
                Type = PodcastEpisodeType.Full,
            }, Morning.AddDays(-30)),
            Episode("s1e1", "old-city-he", "השער הראשון", "פרק ראשון: שער שכם.", 35651584, TimeSpan.FromMinutes(37), new PodcastEpisode
            {
                Season = 1,
                Number = 1,
            }, Morning.AddDays(-37)),
        ]);

    /// <summary>A Persian show whose episode has a Persian transcript and English captions.</summary>
    public static Feed PersianTranscripts() => new(
        Show("fa", "گفت‌وگوهای علمی", "گفت‌وگو با پژوهشگران ایرانی در سراسر جهان.", "science-fa", new PodcastShow
        {
            Author = "مریم احمدی",
            Owner = new PodcastOwner("مریم احمدی", "maryam@example.com"),
            Artwork = new Uri("https://podcasts.example.com/science-fa/cover.jpg"),
            Categories = [new PodcastCategory("Science") { Subcategory = "Astronomy" }],
            Explicit = false,
        }),
        [
            Episode("ep-5", "science-fa", "ستاره‌های نوترونی", "گفت‌وگو با یک اخترفیزیک‌دان درباره‌ی ستاره‌های نوترونی.", 52428800, TimeSpan.FromSeconds(3723), new PodcastEpisode
            {
                Number = 5,
                Transcripts =
                [
                    new PodcastTranscript(new Uri("https://podcasts.example.com/science-fa/ep-5.fa.html"), "text/html") { Language = LanguageTag.Parse("fa") },
                    new PodcastTranscript(new Uri("https://podcasts.example.com/science-fa/ep-5.en.vtt"), "text/vtt") { Language = LanguageTag.Parse("en"), IsCaptions = true },
                ],
                People =
                [
                    new PodcastPerson("مریم احمدی") { Role = "host" },
                    new PodcastPerson("Dr. Ali Rahimi") { Role = "guest" },
                ],
            }, Morning) with
            {
                // Show notes with a list: itunes:summary gives podcastparser the plain text, which it would otherwise
                // make from content:encoded with "* " bullets.
                Body =
                [
                    new Paragraph("گفت‌وگو با یک اخترفیزیک‌دان درباره‌ی ستاره‌های نوترونی."),
                    new Subheading("در این قسمت"),
                    new ListBlock(["ستاره‌ی نوترونی چیست؟", "تپ‌اخترها و امواج گرانشی"]),
                ],
            },
        ]);

    /// <summary>An Arabic show with an English episode, and an Arabic episode with an English guest segment.</summary>
    public static Feed MixedLanguage()
    {
        var feed = new Feed(
            Show("ar", "مقهى اللغات", "حلقات عن تعلّم اللغات، بالعربية وأحياناً بالإنجليزية.", "languages-ar", new PodcastShow
            {
                Author = "ليلى حداد",
                Owner = new PodcastOwner("ليلى حداد", "layla@example.com"),
                Artwork = new Uri("https://podcasts.example.com/languages-ar/cover.jpg"),
                Categories = [new PodcastCategory("Education") { Subcategory = "Language Learning" }],
            }),
            [
                Episode("ep-8", "languages-ar", "كيف نتعلّم لغة ثانية؟", "ضيفتنا تتحدث عن تجربتها.", 26214400, TimeSpan.FromMinutes(27), new PodcastEpisode
                {
                    Number = 8,
                    People = [new PodcastPerson("Emma Clarke") { Role = "guest" }],
                }, Morning) with
                {
                    Body =
                    [
                        new Paragraph("ضيفتنا تتحدث عن تجربتها في تعلّم العربية."),
                        new Quote("Learning Arabic changed how I listen.") { Language = LanguageTag.Parse("en"), Attribution = "Emma Clarke" },
                    ],
                },
                Episode("ep-7", "languages-ar", "A conversation in English", "This week's episode is entirely in English.", 24117248, TimeSpan.FromMinutes(25), new PodcastEpisode
                {
                    Number = 7,
                    Summary = "An episode in English for our learners.",
                }, Morning.AddDays(-7)) with
                {
                    Language = LanguageTag.Parse("en"),
                },
            ]);
        return feed;
    }
}
