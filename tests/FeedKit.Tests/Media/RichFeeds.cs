using System.Diagnostics;
using FeedKit.Model;
using FeedKit.Text;

namespace FeedKit.Tests.Media;

/// <summary>Hand-written feeds with media and hubs (issue 7), and a jing helper for the Atom documents they give.</summary>
internal static class RichFeeds
{
    public static FeedInfo Info => TestFeeds.Info("ar", "بودكاست الأخبار", "حلقات يومية عن أخبار المنطقة") with
    {
        SelfUrl = new Uri("https://example.com/podcast.atom"),
        Hubs = [new Uri("https://hub.example.net/"), new Uri("https://websub.example.org/hub")],
    };

    /// <summary>An episode with a lead image (type and size known) and two attachments; a story whose lead image has neither.</summary>
    public static Feed Podcast() => new(Info,
    [
        TestFeeds.Article(
            "episode-12",
            "الحلقة 12: iPhone 17 في الأسواق العربية",
            "نناقش موعد الإطلاق والأسعار.",
            new Paragraph("في هذه الحلقة نتحدث عن الهاتف الجديد.")) with
        {
            LeadImage = new Image(new Uri("https://example.com/img/episode-12.png"))
            {
                AltText = "غلاف الحلقة",
                Caption = "Apple في دبي",
                MediaType = "image/png",
                Length = 48213,
            },
            Media =
            [
                new MediaAttachment(new Uri("https://cdn.example.com/audio/episode-12.mp3"), "audio/mpeg")
                {
                    Length = 31457280,
                    Title = "الحلقة 12",
                    Description = "تسجيل صوتي كامل للحلقة.",
                    Duration = TimeSpan.FromMinutes(32.5),
                    ThumbnailUrl = new Uri("https://example.com/img/episode-12-small.png"),
                },
                new MediaAttachment(new Uri("https://example.com/transcripts/episode-12.pdf"), "application/pdf")
                {
                    Title = "النص الكامل",
                },
            ],
        },
        TestFeeds.Article(
            "market",
            "الأسواق تغلق على ارتفاع",
            "المؤشرات الخليجية تسجل مكاسب.",
            new Paragraph("ارتفعت المؤشرات في ختام التداول.")) with
        {
            Published = TestFeeds.Morning.AddHours(-2),
            LeadImage = new Image(new Uri("https://example.com/img/market.JPG")) { AltText = "شاشة التداول" },
        },
    ]);

    public static async Task AssertValidAtom(params string[] documents)
    {
        string? jing = null;
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (File.Exists(Path.Combine(folder, "jing")))
            {
                jing = Path.Combine(folder, "jing");
                break;
            }
        }

        if (jing is null)
        {
            Assert.Fail("jing is not installed (apt-get install jing); .ci/run installs it.");
        }

        var directory = Directory.CreateTempSubdirectory("feedkit-rnc7-");
        try
        {
            var start = new ProcessStartInfo(jing) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Schemas", "atom.rnc"));
            for (var i = 0; i < documents.Length; i++)
            {
                var path = Path.Combine(directory.FullName, $"{i}.atom");
                await File.WriteAllTextAsync(path, documents[i]);
                start.ArgumentList.Add(path);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"jing rejected the document(s):\n{await stdout}{await stderr}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
