using System.Xml.Linq;

namespace FeedKit.Cli.Tests;

/// <summary>A folder of episode Markdown files and the show's settings in feedkit.json give a podcast feed (issue 15); docs/podcasts.md shows the same files.</summary>
public sealed class PodcastTests
{
    private static readonly XNamespace Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    private static readonly XNamespace Podcast = "https://podcastindex.org/namespace/1.0";

    private const string Settings = """
        {
          "title": "بودكاست التقنية العربية",
          "subtitle": "حوارات أسبوعية عن التقنية في العالم العربي.",
          "siteUrl": "https://podcasts.example.com/tech-ar/",
          "selfUrl": "https://podcasts.example.com/tech-ar/feed.rss",
          "language": "ar",
          "authors": [{ "name": "سارة الخطيب", "email": "sara@example.com" }],
          "logo": "https://podcasts.example.com/tech-ar/cover.jpg",
          "podcast": {
            "author": "سارة الخطيب",
            "owner": { "name": "سارة الخطيب", "email": "sara@example.com" },
            "artwork": "https://podcasts.example.com/tech-ar/cover.jpg",
            "categories": ["Technology", "News/Tech News"],
            "explicit": false,
            "type": "episodic",
            "locked": true,
            "people": [{ "name": "سارة الخطيب", "role": "host" }]
          }
        }
        """;

    private const string Episode2 = """
        ---
        title: "iPhone 17 في الأسواق العربية"
        id: tag:podcasts.example.com,2026:tech-ar/ep-2
        published: 2026-03-14T06:00:00+03:00
        audio: https://cdn.example.com/tech-ar/ep-2.mp3
        audio_length: 31457280
        duration: "32:31"
        season: 1
        episode: 2
        explicit: false
        transcript:
          - { url: https://podcasts.example.com/tech-ar/ep-2.ar.vtt, language: ar, captions: true }
          - https://podcasts.example.com/tech-ar/ep-2.en.html
        ---
        نناقش موعد الإطلاق والأسعار في الخليج والمغرب العربي.
        """;

    private const string Episode1 = """
        ---
        title: "الحلقة الأولى: لماذا بودكاست عن التقنية؟"
        id: tag:podcasts.example.com,2026:tech-ar/ep-1
        published: 2026-03-07T06:00:00+03:00
        audio: https://cdn.example.com/tech-ar/ep-1.mp3
        audio_length: 20971520
        duration: 1260
        season: 1
        episode: 1
        episode_type: trailer
        ---
        نعرّف بالبرنامج وبضيوفه القادمين.
        """;

    [Fact]
    public async Task Episode_files_and_the_podcast_settings_give_a_podcast_feed()
    {
        using var folder = new TempFolder();
        folder.Write("feedkit.json", Settings);
        folder.Write("ep-2.md", Episode2);
        folder.Write("ep-1.md", Episode1);
        var (code, output, errors) = CliRunner.Run("build", folder.Path, "--format", "rss");
        Assert.True(code == 0, errors);

        var channel = XDocument.Parse(output).Root!.Element("channel")!;
        Assert.Equal(["Technology", "News"], channel.Elements(Itunes + "category").Select(c => (string)c.Attribute("text")!));
        Assert.Equal("sara@example.com", (string?)channel.Element(Podcast + "locked")!.Attribute("owner"));
        var items = channel.Elements("item").ToList();
        Assert.Equal("31457280", (string?)items[0].Element("enclosure")!.Attribute("length"));
        Assert.Equal("audio/mpeg", (string?)items[0].Element("enclosure")!.Attribute("type"));
        Assert.Equal("1951", items[0].Element(Itunes + "duration")!.Value);
        Assert.Equal(["ar", null], items[0].Elements(Podcast + "transcript").Select(t => (string?)t.Attribute("language")));
        Assert.Equal(["text/vtt", "text/html"], items[0].Elements(Podcast + "transcript").Select(t => (string)t.Attribute("type")!));
        Assert.Equal("trailer", items[1].Element(Itunes + "episodeType")!.Value);
        Assert.Equal("1260", items[1].Element(Itunes + "duration")!.Value);
        await Verifier.Verify(output, "xml");
    }

    [Theory]
    [InlineData("\"categories\": [\"Technology\", \"News/Tech News\"]", "\"categories\": [\"Tech\"]", "podcast-category-unknown")]
    [InlineData("\"artwork\": \"https://podcasts.example.com/tech-ar/cover.jpg\",", "", "podcast-artwork-missing")]
    public void Podcast_rules_stop_the_build_with_the_problem(string from, string to, string code)
    {
        using var folder = new TempFolder();
        folder.Write("feedkit.json", Settings.Replace(from, to, StringComparison.Ordinal));
        folder.Write("ep-1.md", Episode1);
        var (exit, _, errors) = CliRunner.Run("build", folder.Path, "--format", "rss");
        Assert.NotEqual(0, exit);
        Assert.Contains("feed.Extensions[0]", errors, StringComparison.Ordinal);
        Assert.Contains(code == "podcast-category-unknown" ? "is not one of Apple's categories" : "Apple Podcasts refuses a show without square artwork", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_podcast_warning_says_which_key_to_set()
    {
        using var folder = new TempFolder();
        folder.Write("feedkit.json", Settings);
        folder.Write("ep-1.md", Episode1.Replace("duration: 1260\n", string.Empty, StringComparison.Ordinal));
        var (exit, output, errors) = CliRunner.Run("build", folder.Path, "--format", "rss");
        Assert.True(exit == 0, errors);
        Assert.DoesNotContain("itunes:duration", output, StringComparison.Ordinal);
        Assert.Contains("the audio has no Duration", errors, StringComparison.Ordinal);
        Assert.Contains("to fix: give the episode's playing time in the front matter: \"duration: 32:30\"", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"artwork\":", "\"artwrok\":", "artwrok")]
    [InlineData("\"type\": \"episodic\"", "\"type\": \"seasonal\"", "podcast.type: \"seasonal\" is not \"episodic\" or \"serial\"")]
    [InlineData("\"owner\": { \"name\": \"سارة الخطيب\", \"email\": \"sara@example.com\" }", "\"owner\": { \"name\": \"سارة الخطيب\" }", "podcast.owner: needs an \"email\"")]
    public void Bad_podcast_settings_are_usage_errors(string from, string to, string message)
    {
        using var folder = new TempFolder();
        var settings = Settings.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Settings, settings);
        folder.Write("feedkit.json", settings);
        folder.Write("ep-1.md", Episode1);
        var (exit, _, errors) = CliRunner.Run("build", folder.Path, "--format", "rss");
        Assert.Equal(2, exit);
        Assert.Contains(message, errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("audio_length: 20971520", "audio_length: lots", "is not a size in bytes")]
    [InlineData("duration: 1260", "duration: 21:75", "is not a playing time")]
    [InlineData("duration: 1260", "duration: 75:75", "is not a playing time")]
    [InlineData("duration: 1260", "duration: 99999999999999", "is not a playing time")]
    [InlineData("duration: 1260", "duration: 10000:00:01", "is longer than 10,000 hours")]
    [InlineData("audio_length: 20971520", "audio_length: 0", "the audio's Length (Media[0].Length) is 0")]
    [InlineData("episode: 1", "episode: 0", "is not a number from 1")]
    [InlineData("episode_type: trailer", "episode_type: teaser", "is not an episode type")]
    [InlineData("audio: https://cdn.example.com/tech-ar/ep-1.mp3", "", "needs its audio file's URL")]
    public void Bad_episode_keys_are_errors_that_name_the_file(string from, string to, string message)
    {
        using var folder = new TempFolder();
        folder.Write("feedkit.json", Settings);
        folder.Write("ep-1.md", Episode1.Replace(from, to, StringComparison.Ordinal));
        var (exit, _, errors) = CliRunner.Run("build", folder.Path, "--format", "rss");
        Assert.NotEqual(0, exit);
        Assert.Contains("ep-1.md", errors, StringComparison.Ordinal);
        Assert.Contains(message, errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Episode_files_without_a_podcast_object_warn_once_with_the_key_to_set_and_strict_refuses()
    {
        using var folder = new TempFolder();
        var start = Settings.IndexOf("  \"podcast\":", StringComparison.Ordinal);
        var settings = Settings[..start].TrimEnd().TrimEnd(',') + "\n}";
        folder.Write("feedkit.json", settings);
        folder.Write("ep-2.md", Episode2);
        folder.Write("ep-1.md", Episode1);
        var (exit, output, errors) = CliRunner.Run("build", folder.Path, "--format", "rss");
        Assert.True(exit == 0, errors);
        Assert.Contains("<itunes:duration>", output, StringComparison.Ordinal);
        Assert.Single(errors.Split('\n'), l => l.Contains("podcast-show-missing", StringComparison.Ordinal) || l.Contains("podcast episode data without a show", StringComparison.Ordinal));
        Assert.Contains("to fix: the files have episode keys (audio, duration…): make the feed a podcast with a \"podcast\" object in feedkit.json", errors, StringComparison.Ordinal);

        var (strict, strictOutput, _) = CliRunner.Run("build", folder.Path, "--format", "rss", "--strict");
        Assert.Equal(1, strict);
        Assert.Equal(string.Empty, strictOutput);

        // Atom and JSON Feed carry the audio as an enclosure link or an attachment, which needs no show.
        var (atom, _, atomErrors) = CliRunner.Run("build", folder.Path, "--format", "atom");
        Assert.True(atom == 0, atomErrors);
        Assert.DoesNotContain("episode data without a show", atomErrors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_podcast_without_a_language_is_an_error_that_says_where_to_set_it()
    {
        using var folder = new TempFolder();
        folder.Write("feedkit.json", Settings.Replace("  \"language\": \"ar\",\n", string.Empty, StringComparison.Ordinal));
        folder.Write("ep-1.md", Episode1);
        var (exit, output, errors) = CliRunner.Run("build", folder.Path, "--format", "rss");
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("feed.Language: is required for a podcast", errors, StringComparison.Ordinal);
        Assert.Contains("to fix: set the show's language with \"language\" in feedkit.json or --language", errors, StringComparison.Ordinal);

        var (fixedExit, fixedOutput, fixedErrors) = CliRunner.Run("build", folder.Path, "--format", "rss", "--language", "ar");
        Assert.True(fixedExit == 0, fixedErrors);
        Assert.Contains("<language>ar</language>", fixedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_serial_show_asks_for_the_episode_number_in_the_front_matter()
    {
        using var folder = new TempFolder();
        folder.Write("feedkit.json", Settings.Replace("\"type\": \"episodic\"", "\"type\": \"serial\"", StringComparison.Ordinal));
        folder.Write("ep-2.md", Episode2.Replace("episode: 2\n", string.Empty, StringComparison.Ordinal));
        folder.Write("ep-1.md", Episode1);
        var (exit, _, errors) = CliRunner.Run("build", folder.Path, "--format", "rss");
        Assert.True(exit == 0, errors);
        Assert.Contains("ep-2.md", errors, StringComparison.Ordinal);
        Assert.Contains("Extensions[0].Number: no episode number in a serial show", errors, StringComparison.Ordinal);
        Assert.Contains("to fix: give the episode's number (and season) in the front matter: \"episode: 3\"", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("ep-1.md", errors, StringComparison.Ordinal);
    }
}
