using FeedKit.Readers;
using FeedKit.Model;

namespace FeedKit.Tests.Import;

/// <summary>
/// Page chrome around articles in six languages, in every arrangement: each language × arrangement is one case.
/// The articles are written for these tests.
/// </summary>
public sealed class PlainTextChromeTests
{
    private sealed record Sample(
        string Headline,
        string Standfirst,
        string[] Paragraphs,
        string ShortLast,
        string Related,
        string Top,
        string Share,
        string Breadcrumb,
        string DateLine,
        string Unlisted,
        string Copyright,
        string Custom);

    private static readonly Dictionary<string, Sample> Samples = new()
    {
        ["ar"] = new(
            "الأمطار الغزيرة تغمر شوارع مدينة الإسكندرية",
            "السلطات المحلية تعلن تعطيل الدراسة ليوم واحد وتدعو السكان إلى الحذر",
            [
                "شهدت مدينة الإسكندرية، صباح الخميس، هطول أمطار غزيرة أدت إلى تجمع المياه في عدد من الشوارع الرئيسية وتعطل حركة المرور لساعات.",
                "وقال محافظ الإسكندرية في بيان إن فرق الطوارئ انتشرت في الأحياء المتضررة لسحب المياه، مؤكداً أن الوضع تحت السيطرة.",
                "وأعلنت مديرية التربية والتعليم تعطيل الدراسة في جميع المدارس يوم الخميس، حفاظاً على سلامة الطلاب والمعلمين.",
                "وتوقعت هيئة الأرصاد الجوية استمرار سقوط الأمطار على السواحل الشمالية حتى نهاية الأسبوع، مع انخفاض ملحوظ في درجات الحرارة.",
            ],
            "ولم تسجل أي إصابات.",
            "مقالات ذات صلة",
            "العودة إلى الأعلى",
            "شارك عبر فيسبوك | تويتر | واتساب",
            "الرئيسية › أخبار › مصر",
            "الخميس 16 يونيو 2021 - 10:30 صباحاً",
            "تغطية خاصة من مراسلينا",
            "© 2021 جميع الحقوق محفوظة لموقع الخبر",
            "حمّل تطبيقنا الآن"),
        ["he"] = new(
            "הכנסת אישרה בקריאה ראשונה את תקציב המדינה",
            "ההצבעה נמשכה עד שעות הלילה המאוחרות, והאופוזיציה הודיעה כי תגיש הסתייגויות",
            [
                "מליאת הכנסת אישרה הלילה בקריאה ראשונה את הצעת תקציב המדינה לשנים הקרובות, ברוב של 59 חברי כנסת מול 55 מתנגדים.",
                "שר האוצר אמר בתום ההצבעה כי מדובר בתקציב אחראי שיאפשר צמיחה כלכלית לצד צמצום הגירעון.",
                "חברי האופוזיציה מתחו ביקורת חריפה על הקיצוצים בתקציבי הרווחה והחינוך, והודיעו כי ימשיכו להיאבק בוועדת הכספים.",
                "התקציב יועבר כעת לדיון בוועדת הכספים, ולאחר מכן יובא לקריאה שנייה ושלישית במליאה.",
            ],
            "ההצבעה הסופית צפויה בחודש הבא.",
            "כתבות נוספות",
            "חזרה למעלה",
            "שתפו בוואטסאפ · פייסבוק · טוויטר",
            "דף הבית > חדשות > פוליטי",
            "פורסם: 16.06.21, 22:45",
            "הפרשנות המלאה של כתבנו",
            "© כל הזכויות שמורות לחדשות היום",
            "הורידו את האפליקציה שלנו"),
        ["fa"] = new(
            "افزایش قیمت نان در تهران از هفته آینده",
            "نانوایی‌ها می‌گویند هزینه آرد و سوخت در ماه‌های اخیر دو برابر شده است",
            [
                "اتحادیه نانوایان تهران اعلام کرد که قیمت انواع نان از ابتدای هفته آینده به طور میانگین ۲۰ درصد افزایش می‌یابد.",
                "رئیس این اتحادیه گفت افزایش هزینه‌های تولید، به‌ویژه قیمت آرد و دستمزد کارگران، نانوایان را با زیان روبه‌رو کرده است.",
                "برخی از شهروندان در گفت‌وگو با خبرنگاران از این تصمیم انتقاد کردند و خواستار نظارت بیشتر بر کیفیت نان شدند.",
                "سازمان حمایت از مصرف‌کنندگان هنوز درباره نرخ‌های جدید اظهار نظر نکرده است.",
            ],
            "این تصمیم قطعی است.",
            "مطالب مرتبط",
            "بازگشت به بالا",
            "اشتراک در تلگرام | واتساپ | ایمیل",
            "خانه » اخبار » اقتصادی",
            "تاریخ انتشار: ۲۶ خرداد ۱۴۰۰ - ۱۰:۳۰",
            "گزارش اختصاصی خبرنگار ما",
            "کلیه حقوق مادی و معنوی این سایت محفوظ است ©",
            "اپلیکیشن ما را نصب کنید"),
        ["ur"] = new(
            "کراچی میں شدید گرمی کی لہر، درجہ حرارت 44 ڈگری تک پہنچ گیا",
            "محکمہ موسمیات نے شہریوں کو دوپہر کے اوقات میں گھروں میں رہنے کا مشورہ دیا ہے",
            [
                "کراچی میں جمعرات کو شدید گرمی کی لہر جاری رہی اور درجہ حرارت 44 ڈگری سینٹی گریڈ تک ریکارڈ کیا گیا۔",
                "محکمہ موسمیات کے مطابق سمندری ہوائیں بند ہونے کی وجہ سے گرمی کی شدت میں اضافہ ہوا ہے اور یہ صورتحال ہفتے تک برقرار رہ سکتی ہے۔",
                "شہر کے مختلف علاقوں میں بجلی کی طویل بندش نے شہریوں کی مشکلات میں مزید اضافہ کر دیا۔",
                "ڈاکٹروں نے شہریوں کو زیادہ پانی پینے اور دھوپ میں غیر ضروری طور پر باہر نہ نکلنے کی ہدایت کی ہے۔",
            ],
            "ہسپتالوں میں ہنگامی حالت نافذ ہے۔",
            "متعلقہ خبریں",
            "واپس اوپر جائیں",
            "فیس بک پر شیئر کریں | ٹوئٹر | واٹس ایپ",
            "ہوم > پاکستان",
            "16 جون 2021",
            "ہمارے نمائندے کی خصوصی رپورٹ",
            "جملہ حقوق محفوظ ہیں © 2021",
            "ہماری ایپ ڈاؤن لوڈ کریں"),
        ["en"] = new(
            "City council approves new cycling lanes on Main Street",
            "The plan, passed by seven votes to two, will remove 120 parking spaces",
            [
                "The city council voted on Tuesday evening to build protected cycling lanes along the full length of Main Street, ending a debate that has run for three years.",
                "Supporters said the lanes would make the street safer for children riding to school, and pointed to a fall in accidents on streets that already have them.",
                "Shop owners on the street had asked the council to delay the vote, saying the loss of parking would drive customers to the shopping centre outside town.",
                "The council agreed to add a loading bay for deliveries and to review the scheme after one year.",
            ],
            "Work starts in May.",
            "Related Articles",
            "↑ Back to top",
            "Share on Facebook | Share on X | WhatsApp",
            "Home > News > Local",
            "Published 16 June 2021, 10:30 BST",
            "Explore our coverage of the city",
            "© 2021 Daily Courier. All rights reserved.",
            "Download our app"),
        ["fr"] = new(
            "La ville de Lyon lance un plan contre la canicule",
            "Des îlots de fraîcheur seront installés dans tous les arrondissements cet été",
            [
                "La municipalité a présenté lundi un plan de lutte contre les fortes chaleurs, qui prévoit la plantation de 2 000 arbres d'ici la fin de l'année.",
                "Des brumisateurs seront installés sur les places les plus fréquentées, et les parcs resteront ouverts la nuit pendant les épisodes de canicule.",
                "L'opposition juge le plan insuffisant et réclame la végétalisation des cours d'école, où la température dépasse souvent 40 degrés en juillet.",
                "Le maire a promis un premier bilan à la fin de l'été.",
            ],
            "Le plan coûtera 3 millions d'euros.",
            "À lire aussi",
            "Retour en haut de page",
            "Partager sur Facebook • Twitter • WhatsApp",
            "Accueil › Actualités › Lyon",
            "Publié le 16 juin 2021 à 10h30",
            "Nos reportages dans la région",
            "© Le Courrier du Rhône 2021 – Tous droits réservés",
            "Téléchargez notre application"),
    };

    private static readonly string[] Arrangements =
    [
        "trailing-adjacent", "trailing-blank-separated", "trailing-unlisted-wording", "leading-and-trailing",
        "short-last-paragraph-stays", "copyright", "lone-unlisted-line-stays", "chrome-off", "structural-rule-off",
        "added-phrase", "removed-phrase",
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in Samples.Keys)
        {
            foreach (var arrangement in Arrangements)
            {
                data.Add(language, arrangement);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Chrome_is_dropped_and_reported(string language, string arrangement)
    {
        var s = Samples[language];
        var lines = new List<(string Text, ChromePosition? Position, ChromeRule? Rule)>();
        var options = PlainTextOptions.Default;
        var expectedBody = s.Paragraphs.ToList();
        var headline = s.Headline;
        var standfirst = s.Standfirst;

        void Add(string text, ChromePosition? position = null, ChromeRule? rule = null) => lines.Add((text, position, rule));
        void Blank() => Add("");
        void Trailing(string text, ChromeRule rule = ChromeRule.Phrase) => Add(text, ChromePosition.Trailing, rule);
        void Article()
        {
            Add(s.Headline);
            Blank();
            Add(s.Standfirst);
            foreach (var paragraph in s.Paragraphs)
            {
                Blank();
                Add(paragraph);
            }
        }

        switch (arrangement)
        {
            case "trailing-adjacent":
                Article();
                Trailing(s.Related);
                Trailing(s.Top);
                break;
            case "trailing-blank-separated":
                Article();
                Blank();
                Trailing(s.Related);
                Blank();
                Trailing(s.Share);
                Blank();
                Blank();
                Trailing(s.Top);
                Blank();
                break;
            case "trailing-unlisted-wording":
                Article();
                Blank();
                Trailing(s.Unlisted, ChromeRule.ShortLineNearChrome);
                Trailing(s.Related);
                Trailing(s.Top);
                break;
            case "leading-and-trailing":
                Add(s.Breadcrumb, ChromePosition.Leading, ChromeRule.Phrase);
                Add(s.Headline);
                // "Published: ..." is a phrase; a date alone is a date line.
                Add(s.DateLine, ChromePosition.Leading, language is "ar" or "ur" ? ChromeRule.DateLine : ChromeRule.Phrase);
                Blank();
                Add(s.Standfirst);
                Add(s.Share, ChromePosition.Leading, ChromeRule.Phrase);
                foreach (var paragraph in s.Paragraphs)
                {
                    Blank();
                    Add(paragraph);
                }

                Trailing(s.Related);
                Trailing(s.Top);
                break;
            case "short-last-paragraph-stays":
                Article();
                Blank();
                Add(s.ShortLast);
                Trailing(s.Related);
                Trailing(s.Top);
                expectedBody.Add(s.ShortLast);
                break;
            case "copyright":
                Article();
                Blank();
                Trailing(s.Share);
                Trailing(s.Copyright);
                break;
            case "lone-unlisted-line-stays":
                Article();
                Blank();
                Add(s.Unlisted);
                expectedBody.Add(s.Unlisted);
                break;
            case "chrome-off":
                options = new PlainTextOptions { RemoveChrome = false };
                Article();
                Add(s.Related);
                Add(s.Top);
                expectedBody = [.. s.Paragraphs[..^1], $"{s.Paragraphs[^1]} {s.Related} {s.Top}"];
                break;
            case "structural-rule-off":
                options = new PlainTextOptions { RemoveUnlistedChrome = false };
                Article();
                Blank();
                Trailing(s.Related);
                Add(s.Unlisted);
                Trailing(s.Top);
                expectedBody.Add(s.Unlisted);
                break;
            case "added-phrase":
                options = new PlainTextOptions { AddedChromePhrases = [s.Custom] };
                Article();
                Blank();
                Trailing(s.Custom, ChromeRule.AddedPhrase);
                break;
            case "removed-phrase":
                // Alone after the last paragraph, a removed phrase is an ordinary short line, and stays.
                options = new PlainTextOptions { RemovedChromePhrases = [s.Top] };
                Article();
                Blank();
                Add(s.Top);
                expectedBody.Add(s.Top);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(arrangement));
        }

        var article = PlainTextArticleReader.Read(string.Join("\n", lines.Select(l => l.Text)), options);

        Assert.Equal(headline, article.Headline);
        Assert.Equal(standfirst, article.Standfirst);
        Assert.Equal(expectedBody, article.Body.Select(b => Assert.IsType<Paragraph>(b).Text));
        var expectedDropped = lines
            .Select((l, i) => (Line: i + 1, l.Text, l.Position, l.Rule))
            .Where(l => l.Rule is not null)
            .Select(l => $"{l.Line} {l.Position} {l.Rule} {l.Text}");
        Assert.Equal(expectedDropped, article.Dropped.Select(d => $"{d.Line} {d.Position} {d.Rule} {d.Text}"));
        foreach (var dropped in article.Dropped.Where(d => d.Rule == ChromeRule.Phrase))
        {
            Assert.NotNull(dropped.Phrase);
            Assert.True(dropped.Language is null || dropped.Language == language, $"{dropped.Text}: phrase from {dropped.Language}");
        }
    }

    [Fact]
    public void Seed_drops_its_two_chrome_lines_and_says_why()
    {
        var seed = PlainTextArticleReader.ReadFile(TestFeeds.SeedFile);
        var lines = File.ReadAllLines(TestFeeds.SeedFile);
        Assert.Equal(
            [
                $"{Array.IndexOf(lines, "مقالات ذات صلة") + 1} trailing page chrome: phrase \"مقالات ذات صلة\" (ar)",
                $"{Array.IndexOf(lines, "زر الذهاب إلى الأعلى") + 1} trailing page chrome: phrase \"زر الذهاب إلى الأعلى\" (ar)",
            ],
            seed.Dropped.Select(d => $"{d.Line} {d.Reason}"));
    }

    [Theory]
    [InlineData("  ↑ BACK TO TOP ↑  ")]
    [InlineData("« Back to Top »")]
    [InlineData("▲ back  to\ttop ▲")]
    [InlineData("اقـــرأ أيضـاً:")] // tatweel and tanween
    [InlineData("إقرأ ايضا")] // alef variants
    [InlineData("مَقَالَاتٌ ذَاتُ صِلَةٍ")] // vowel marks
    [InlineData("\u200Fمقالات ذات صلة\u200F")] // RLM
    [InlineData("مطالب مرتبط")] // Persian yeh and keheh ...
    [InlineData("مطالب مرتبط ›")]
    [InlineData("اشتراك گذاري")] // ... and Arabic yeh and kaf for the same phrase
    [InlineData("اشتراک‌گذاری")] // ZWNJ
    [InlineData("חֲזָרָה לְמַעְלָה")] // Hebrew points
    [InlineData("RETOUR EN HAUT")]
    [InlineData("A lire aussi")] // French capital without its accent
    [InlineData("Comments (12)")]
    [InlineData("Tags: Geneva, Biden, Putin")]
    [InlineData("الوسوم: جنيف، بايدن، بوتين")]
    [InlineData("Follow us @dailycourier")]
    [InlineData("١٦ يونيو ٢٠٢١")] // Arabic-Indic digits
    [InlineData("• • •")]
    [InlineData("Updated: 16 June 2021")]
    [InlineData("Accueil / Monde / Europe")]
    public void Wordings_and_spellings_of_listed_chrome_match(string line)
    {
        var article = PlainTextArticleReader.Read($"Headline\n\nStandfirst\n\nThe only paragraph.\n{line}");
        Assert.Equal("The only paragraph.", Assert.IsType<Paragraph>(Assert.Single(article.Body)).Text);
        Assert.Equal(6, Assert.Single(article.Dropped).Line);
    }

    [Theory]
    [InlineData("Comment: why the council was right")] // comments and ads are never labels
    [InlineData("Share prices fell on Monday")]
    [InlineData("The court ruled on copyright in 2021")] // copyright lines count only at the end
    [InlineData("Top stories of the day")] // phrases count only when nothing else is on the line
    [InlineData("Video: the summit in two minutes")]
    [InlineData("Home: the new series about family life")] // navigation words are labels only before › > » | /
    [InlineData("Updated: Biden and Putin end their talks")] // "Updated:" is a label only before a date
    [InlineData("2021: the year in review")] // a date is never a label
    public void Headlines_that_look_like_chrome_stay(string headline)
    {
        var article = PlainTextArticleReader.Read($"{headline}\n\nS\n\nBody.");
        Assert.Equal(headline, article.Headline);
        Assert.Empty(article.Dropped);
    }

    [Fact]
    public void A_copyright_sentence_in_the_last_paragraph_stays()
    {
        var article = PlainTextArticleReader.Read("T\n\nS\n\nBody.\n\nThe court ruled that copyright law applies.");
        Assert.Empty(article.Dropped);
        Assert.Equal(2, article.Body.Length);
    }

    [Fact]
    public void Two_very_short_unlisted_lines_at_the_end_go_one_stays()
    {
        var two = PlainTextArticleReader.Read("T\n\nS\n\nBody text.\n\nPrint edition\nPage 3");
        Assert.Equal(["Body text."], two.Body.Select(b => ((Paragraph)b).Text));
        Assert.Equal([ChromeRule.ShortLines, ChromeRule.ShortLines], two.Dropped.Select(d => d.Rule));

        var one = PlainTextArticleReader.Read("T\n\nS\n\nBody text.\n\nReuters");
        Assert.Equal(["Body text.", "Reuters"], one.Body.Select(b => ((Paragraph)b).Text));
        Assert.Empty(one.Dropped);
    }

    [Fact]
    public void A_last_paragraph_without_its_full_stop_stays_above_chrome()
    {
        const string last = "وقد أثارت تلك الخلافات توترا بين الطرفين في الأشهر الماضية";
        var article = PlainTextArticleReader.Read($"T\n\nS\n\nFirst.\n\n{last}\nقد يهمك أيضا\nعنوان مقال آخر عن القمة\nالعودة للأعلى");
        Assert.Equal(["First.", last], article.Body.Select(b => ((Paragraph)b).Text));
        Assert.Equal([ChromeRule.Phrase, ChromeRule.ShortLineNearChrome, ChromeRule.Phrase], article.Dropped.Select(d => d.Rule));
    }

    [Fact]
    public void A_credit_line_next_to_chrome_stays()
    {
        var article = PlainTextArticleReader.Read("T\n\nS\n\nBody text.\n\n(Reporting by Jane Doe; Editing by John Roe)\nShare this article");
        Assert.Equal(["Body text.", "(Reporting by Jane Doe; Editing by John Roe)"], article.Body.Select(b => ((Paragraph)b).Text));
        Assert.Equal("share this article", Assert.Single(article.Dropped).Phrase);
    }

    [Fact]
    public void A_list_the_article_introduces_keeps_its_items()
    {
        var article = PlainTextArticleReader.Read("T\n\nS\n\nBody text.\n\nYou will need:\n2 eggs\nflour\nmilk\nShare\nBack to top");
        Assert.Equal(["Body text.", "You will need: 2 eggs flour milk"], article.Body.Select(b => ((Paragraph)b).Text));
        Assert.Equal([11, 12], article.Dropped.Select(d => d.Line));
    }

    [Fact]
    public void The_first_body_block_is_never_dropped_by_the_structural_rule()
    {
        var article = PlainTextArticleReader.Read("T\n\nS\n\nA short only paragraph\nMore from our desk\nBack to top");
        Assert.Equal(["A short only paragraph More from our desk"], article.Body.Select(b => ((Paragraph)b).Text));
        Assert.Equal("Back to top", Assert.Single(article.Dropped).Text);
    }

    [Fact]
    public void Related_headlines_between_chrome_lines_go_with_it()
    {
        var article = PlainTextArticleReader.Read(
            "T\n\nS\n\nFirst.\n\nLast paragraph.\n\nRelated articles\nBiden and Putin meet in Geneva\nWhat the summit means for Ukraine\n\nBack to top");
        Assert.Equal(["First.", "Last paragraph."], article.Body.Select(b => ((Paragraph)b).Text));
        Assert.Equal(
            [ChromeRule.Phrase, ChromeRule.ShortLineNearChrome, ChromeRule.ShortLineNearChrome, ChromeRule.Phrase],
            article.Dropped.Select(d => d.Rule));
        Assert.Equal("trailing page chrome: short line without sentence punctuation next to page chrome", article.Dropped[1].Reason);
    }

    [Fact]
    public void Without_a_body_chrome_after_the_last_kept_line_is_trailing_and_before_it_leading()
    {
        var article = PlainTextArticleReader.Read("Home › World\nT\n\nOnly a paragraph.\n\nمقالات ذات صلة\nBack to top");
        Assert.Equal("T", article.Headline);
        Assert.Equal("Only a paragraph.", article.Standfirst);
        Assert.Equal(
            ["1 Leading Phrase", "6 Trailing Phrase", "7 Trailing Phrase"],
            article.Dropped.Select(d => $"{d.Line} {d.Position} {d.Rule}"));
    }

    [Fact]
    public void Every_right_to_left_language_in_the_brief_has_a_phrase_list_and_every_list_parses()
    {
        var languages = PageChromeLanguages();
        foreach (var language in new[] { "ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "en", "fr" })
        {
            Assert.Contains(language, languages);
        }

        Assert.All(PageChrome.BuiltInPhrases, p => Assert.False(string.IsNullOrWhiteSpace(p.Phrase)));
    }

    private static HashSet<string?> PageChromeLanguages() => [.. PageChrome.BuiltInPhrases.Select(p => p.Language)];
}
