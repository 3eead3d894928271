using System.Collections.Immutable;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Tests;

/// <summary>
/// Hand-written inputs for the snapshot cases: each case's text is here, in the test sources, never generated.
/// </summary>
internal static class TestFeeds
{
    public static readonly DateTimeOffset Morning = new(2026, 3, 14, 9, 30, 0, TimeSpan.FromHours(3));

    public static string SeedDirectory => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static string SeedFile => Path.Combine(SeedDirectory, "000_0a1375d98b8308ea.txt");

    public static FeedInfo Info(string language, string title, string? subtitle = null) => new()
    {
        Title = title,
        Subtitle = subtitle,
        SiteUrl = new Uri("https://example.com/"),
        SelfUrl = new Uri("https://example.com/feed"),
        Language = LanguageTag.Parse(language),
        Authors = [new Author("Newsroom") { Email = "news@example.com" }],
    };

    public static Article Article(string slug, string headline, string? standfirst, params Block[] body) => new()
    {
        Url = new Uri($"https://example.com/{slug}"),
        Headline = headline,
        Standfirst = standfirst,
        Body = [.. body],
        Published = Morning,
    };

    public static IEnumerable<string> CaseNames => Cases.Keys;

    public static readonly ImmutableSortedDictionary<string, Func<Feed>> Cases = new Dictionary<string, Func<Feed>>
    {
        ["hebrew"] = () => new Feed(
            Info("he", "חדשות הבוקר", "עדכונים מהארץ ומהעולם"),
            [
                Article(
                    "budget-2027",
                    "הממשלה אישרה את תקציב המדינה לשנת 2027",
                    "לאחר דיון ארוך אישרה הממשלה את הצעת התקציב, שתועבר כעת לכנסת.",
                    new Paragraph("הדיון בממשלה נמשך עד שעות הלילה המאוחרות."),
                    new Subheading("מה בתקציב"),
                    new Paragraph("התקציב כולל תוספת לחינוך ולבריאות, וקיצוץ רוחבי במשרדים אחרים.")),
            ]),

        ["persian-zwnj"] = () => new Feed(
            Info("fa-IR", "خبرهای فرهنگی"),
            [
                Article(
                    "book-fair",
                    "کتاب‌های تازه در نمایشگاه کتاب تهران",
                    "ناشران می‌گویند فروش امسال بیشتر بوده است.",
                    new Paragraph("نمایشگاه کتاب تهران امروز با حضور صدها ناشر آغاز به کار کرد."),
                    new Paragraph("بازدیدکنندگان می‌توانند کتاب‌ها را با تخفیف بخرند.")),
            ]),

        ["arabic-latin-start"] = () => new Feed(
            Info("ar", "أخبار التقنية"),
            [
                Article(
                    "iphone-17",
                    "iPhone 17 يصل إلى الأسواق العربية الشهر المقبل",
                    "Apple تعلن موعد الإطلاق في الخليج ومصر.",
                    new Paragraph("أعلنت الشركة أن الهاتف الجديد سيتوفر في المتاجر خلال أسابيع.")),
            ]),

        ["arabic-digits-start"] = () => new Feed(
            Info("ar", "أرقام وأحداث"),
            [
                Article(
                    "elections-2026",
                    "2026: عام الانتخابات في المنطقة",
                    "عشر دول تصوت هذا العام.",
                    new Paragraph("تشهد المنطقة سلسلة من الانتخابات خلال العام.")),
                Article(
                    "numbers",
                    "2026 — 1447",
                    "15% / 2026",
                    new Paragraph("سنة ميلادية وسنة هجرية.")) with { Published = Morning.AddHours(-1) },
            ]),

        ["english-in-arabic-feed"] = () => new Feed(
            Info("ar", "أخبار العالم"),
            [
                Article(
                    "summit",
                    "القمة تنتهي دون بيان مشترك",
                    "الرئيسان اتفقا على مواصلة المحادثات.",
                    new Paragraph("قال المتحدث باسم البيت الأبيض إن اللقاء كان بناء."),
                    new Quote("We agreed to keep talking.") { Language = LanguageTag.Parse("en"), Attribution = "White House" },
                    new Quote("Progress, not promises."),
                    new Paragraph("وأضاف أن الجولة المقبلة ستعقد في الخريف.")),
                Article(
                    "summit-en",
                    "Summit ends without a joint statement",
                    "The two presidents agreed to keep talking.",
                    new Paragraph("The White House spokesman called the meeting constructive."),
                    new Quote("نريد علاقات مستقرة") { Language = LanguageTag.Parse("ar") }) with
                {
                    Language = LanguageTag.Parse("en-GB"),
                    Published = Morning.AddMinutes(-5),
                },
            ]),

        ["no-standfirst-two-authors"] = () => new Feed(
            Info("ar", "آراء"),
            [
                Article(
                    "opinion",
                    "مستقبل الصحافة المحلية",
                    null,
                    new Paragraph("تواجه الصحف المحلية تحديات كبيرة في العصر الرقمي."),
                    new ListBlock(["الإعلانات", "الاشتراكات", "المنح"]) { Ordered = true }) with
                {
                    Authors =
                    [
                        new Author("ليلى حسن") { Email = "layla@example.com", Url = new Uri("https://example.com/authors/layla") },
                        new Author("عمر خالد"),
                    ],
                    Tags = ["إعلام", "رأي"],
                },
            ]),

        // No standfirst and no paragraph: RSS still gets a description before content:encoded (the first other text
        // of the body, else the headline), which the W3C validator wants.
        ["urdu-no-paragraph"] = () => new Feed(
            Info("ur", "شہر کی خبریں"),
            [
                Article(
                    "water-schedule",
                    "پانی کی فراہمی کا نیا شیڈول",
                    null,
                    new Subheading("کن علاقوں میں تبدیلی ہے"),
                    new ListBlock(["گلشن اقبال: صبح چھ بجے", "نارتھ ناظم آباد: شام پانچ بجے"])),
                Article(
                    "mayor-quote",
                    "میئر کا بیان",
                    null,
                    new Quote("ہم ہر گھر تک صاف پانی پہنچائیں گے۔") { Attribution = "میئر" }) with { Published = Morning.AddHours(-1) },
                Article(
                    "photo-of-the-day",
                    "آج کی تصویر",
                    null,
                    new ImageBlock(new Image(new Uri("https://example.com/images/harbour.jpg")) { AltText = "بندرگاہ پر کشتیاں" })) with { Published = Morning.AddHours(-2) },
                Article(
                    "council-notice",
                    "بلدیہ کا اعلان",
                    null,
                    new RawHtml("<table><tr><td>وارڈ</td><td>وقت</td></tr></table><p>اعلان کی <b>تفصیل</b>\n  یہاں ہے۔</p>")) with { Published = Morning.AddHours(-3) },
            ]),
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);
}
