using System.Text.Json;
using FeedKit.Model;
using FeedKit.Readers;
using FeedKit.Text;
using Microsoft.AspNetCore.Builder;

namespace FeedKit.AspNetCore.Tests.Browser;

/// <summary>
/// The page for browsers in a real browser (issue 14): headless Chromium opens the feed's address on a Kestrel app
/// serving the seed article (Arabic) and an English one, and the test reads what Chromium computed: the direction of
/// the heading, of an Arabic and of an English paragraph, and whether the page's style and script ran under its own
/// Content-Security-Policy.
/// </summary>
public sealed class BrowserPageTests
{
    private static readonly string Seeds = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "seeds"));

    /// <summary>
    /// What the page computed once loaded, as JSON; null before (the tab starts on about:blank, and the expression is
    /// asked again until the feed's page has loaded).
    /// </summary>
    private const string Computed =
        """
        (() => {
          if (document.readyState !== "complete" || !document.querySelector("main")) return null;
          const dir = el => el ? getComputedStyle(el).direction : null;
          const arabic = document.querySelector("article[lang='ar'] div[dir] p:not(:first-child)") ?? document.querySelector("article[lang='ar'] p:not(.meta)");
          const english = document.querySelector("article[lang='en'] div[dir] p");
          return {
            url: location.href,
            contentType: document.contentType,
            html: dir(document.documentElement),
            heading: dir(document.querySelector("h1")),
            headingText: document.querySelector("h1").textContent,
            arabic: dir(arabic),
            arabicText: arabic ? arabic.textContent : null,
            english: dir(english),
            englishText: english ? english.textContent : null,
            subscribe: dir(document.querySelector(".subscribe")),
            address: dir(document.querySelector(".subscribe input")),
            visibleButtons: [...document.querySelectorAll("button[data-copy]")].filter(b => !b.hidden).length,
            bodyMaxWidth: getComputedStyle(document.body).maxWidth,
          };
        })()
        """;

    [ChromiumFact]
    public async Task Chromium_lays_out_the_seed_page_right_to_left_and_the_english_entry_left_to_right()
    {
        Assert.True(Directory.Exists(Seeds), Seeds);
        var seed = PlainTextArticleReader.ReadFile(Directory.GetFiles(Seeds, "*.txt").Order(StringComparer.Ordinal).First());
        var published = new DateTimeOffset(2021, 6, 16, 21, 30, 0, TimeSpan.FromHours(2));
        var info = new FeedInfo
        {
            Title = "أخبار العالم",
            SiteUrl = new Uri("https://example.com/news/"),
            Language = LanguageTag.Parse("ar"),
            Authors = [new Author("غرفة الأخبار")],
            Updated = published,
        };
        Article[] articles =
        [
            new() { Url = new Uri("https://example.com/news/seed"), Headline = seed.Headline, Standfirst = seed.Standfirst, Body = seed.Body, Published = published },
            new()
            {
                Url = new Uri("https://example.com/news/en"),
                Headline = "Summit in Geneva: the English summary",
                Body = [new Paragraph("The presidents met in Geneva for the first time.")],
                Language = LanguageTag.Parse("en"),
                Published = published.AddHours(-1),
            },
        ];

        await using var server = await TestServer.StartAsync(app => app.MapFeed("/feed", (_, _) => ValueTask.FromResult(new FeedSource(new Feed(info, articles)) { Version = "seed" })));
        var url = new Uri(server.Client.BaseAddress!, "/feed");
        using (var request = new HttpRequestMessage(HttpMethod.Get, url))
        {
            request.Headers.Accept.ParseAdd("text/html");
            using var response = await server.Client.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await using var chromium = await Chromium.OpenAsync(url, timeout.Token);

        JsonElement? computed;
        while ((computed = await chromium.EvaluateAsync(Computed, timeout.Token)) is not { ValueKind: JsonValueKind.Object })
        {
            await Task.Delay(100, timeout.Token);
        }

        var page = computed.Value;

        string? Get(string name) => page.GetProperty(name).ValueKind == JsonValueKind.Null ? null : page.GetProperty(name).ToString();
        Assert.Equal(url.AbsoluteUri, Get("url"));
        Assert.Equal("text/html", Get("contentType"));
        Assert.Equal("rtl", Get("html"));
        Assert.Equal("rtl", Get("heading"));
        Assert.Equal("أخبار العالم", Get("headingText"));
        Assert.Equal("rtl", Get("arabic"));
        Assert.Contains(Get("arabicText")!, string.Join("\n", seed.Body.OfType<Paragraph>().Select(p => p.Text)), StringComparison.Ordinal);
        Assert.Equal("ltr", Get("english"));
        Assert.Equal("The presidents met in Geneva for the first time.", Get("englishText"));
        Assert.Equal("rtl", Get("subscribe"));
        Assert.Equal("ltr", Get("address"));

        // The inline script and style ran although the page forbids inline code but for their hashes: the copy buttons
        // it shows, and the body's width the style sets (46rem at 16px).
        Assert.Equal(3, page.GetProperty("visibleButtons").GetInt32());
        Assert.Equal("736px", Get("bodyMaxWidth"));

        // A click copies (through the clipboard API, or by selecting the address where the browser refuses it) and
        // the button says so in the feed's language.
        var clicked = await chromium.EvaluateAsync(
            """
            (async () => {
              const b = document.querySelector("button[data-copy]");
              b.click();
              for (let i = 0; i < 50 && b.textContent === "نسخ"; i++) await new Promise(r => setTimeout(r, 100));
              return b.textContent;
            })()
            """,
            timeout.Token);
        Assert.Equal("تم النسخ", clicked?.GetString());
    }

    [ChromiumFact]
    public async Task Chromium_loads_a_podcast_episode_in_the_pages_player_under_its_content_security_policy()
    {
        // One second of silence as WAV (8 kHz, 8-bit mono), served by the same Kestrel app as the feed.
        var wav = new byte[44 + 8000];
        void Put(int at, string ascii) => System.Text.Encoding.ASCII.GetBytes(ascii).CopyTo(wav, at);
        void Int(int at, int value, int size) { for (var i = 0; i < size; i++) wav[at + i] = (byte)(value >> (8 * i)); }
        Put(0, "RIFF"); Int(4, wav.Length - 8, 4); Put(8, "WAVEfmt "); Int(16, 16, 4); Int(20, 1, 2); Int(22, 1, 2);
        Int(24, 8000, 4); Int(28, 8000, 4); Int(32, 1, 2); Int(34, 8, 2); Put(36, "data"); Int(40, 8000, 4);
        Array.Fill(wav, (byte)128, 44, 8000);

        Uri? audio = null;
        await using var server = await TestServer.StartAsync(app =>
        {
            app.MapGet("/audio/ep-1.wav", () => Microsoft.AspNetCore.Http.Results.Bytes(wav, "audio/wav"));
            app.MapFeed("/podcast", (Microsoft.AspNetCore.Http.HttpContext context) =>
            {
                audio = new Uri($"{context.Request.Scheme}://{context.Request.Host}/audio/ep-1.wav");
                return new Feed(
                    new FeedInfo { Title = "بودكاست المدينة", SiteUrl = new Uri("https://example.com/"), Language = LanguageTag.Parse("ar"), Authors = [new Author("ليلى")] },
                    [
                        new Article
                        {
                            Url = new Uri("https://example.com/ep-1"),
                            Headline = "الحلقة الأولى",
                            Body = [new Paragraph("ملاحظات الحلقة.")],
                            Published = new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.FromHours(3)),
                            Media = [new MediaAttachment(audio, "audio/wav") { Length = wav.Length, Duration = TimeSpan.FromSeconds(1) }],
                        },
                    ]);
            });
        });

        var url = new Uri(server.Client.BaseAddress!, "/podcast");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await using var chromium = await Chromium.OpenAsync(url, timeout.Token);
        JsonElement? loaded;
        while ((loaded = await chromium.EvaluateAsync(
            """
            (async () => {
              if (document.readyState !== "complete" || !document.querySelector("main")) return null;
              const a = document.querySelector("article audio");
              if (!a) return { player: false };
              const link = a.parentElement.querySelector("a");
              a.preload = "metadata";
              const ok = await new Promise(done => {
                a.addEventListener("loadedmetadata", () => done(true), { once: true });
                a.addEventListener("error", () => done(false), { once: true });
                a.load();
              });
              return { player: true, ok, duration: a.duration, src: a.currentSrc, linkDir: getComputedStyle(link).direction, linkText: link.textContent };
            })()
            """,
            timeout.Token)) is not { ValueKind: JsonValueKind.Object })
        {
            await Task.Delay(100, timeout.Token);
        }

        var page = loaded.Value;
        Assert.True(page.GetProperty("player").GetBoolean(), page.ToString());
        Assert.True(page.GetProperty("ok").GetBoolean(), "the audio did not load under the page's policy: " + page);
        Assert.Equal(1.0, page.GetProperty("duration").GetDouble(), 2);
        Assert.Equal(audio!.AbsoluteUri, page.GetProperty("src").GetString());
        Assert.Equal("ltr", page.GetProperty("linkDir").GetString());
        Assert.Equal("ep-1.wav", page.GetProperty("linkText").GetString());
    }
}
