using System.Text.Json;
using System.Xml.Linq;
using FeedKit.Formats;
using FeedKit.Formats.Atom;
using FeedKit.Formats.Json;
using FeedKit.Formats.Rss;
using FeedKit.Model;
using FeedKit.Podcasts;
using FeedKit.Text;
using FeedKit.Validation;

namespace FeedKit.Tests.Podcasts;

using Xml = FeedKit.Tests.Formats.Xml;

/// <summary>Podcast feeds (issue 15): the snapshots, what each tag holds, and the podcast rules.</summary>
public sealed class PodcastTests
{
    private static readonly XNamespace Itunes = PodcastNamespaces.Itunes.Uri;
    private static readonly XNamespace Podcast = PodcastNamespaces.Podcasting.Uri;

    public static TheoryData<string> Cases => [.. PodcastFeeds.CaseNames];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rss(string name)
    {
        var feed = PodcastFeeds.Cases[name]();
        var warnings = new List<FeedProblem>();
        var xml = new RssFeedWriter(new FeedWriterOptions { Warnings = warnings.Add }).WriteToString(feed);
        Assert.Empty(warnings);
        await Verifier.Verify(xml, "xml").UseParameters(name);
    }

    [Fact]
    public async Task Arabic_atom() => await Verifier.Verify(new AtomFeedWriter().WriteToString(PodcastFeeds.Arabic()), "xml");

    [Fact]
    public async Task Arabic_json() => await Verifier.Verify(new JsonFeedWriter().WriteToString(PodcastFeeds.Arabic()), "json");

    [Fact]
    public async Task Arabic_atom_is_valid_RFC_4287() => await Media.RichFeeds.AssertValidAtom(new AtomFeedWriter().WriteToString(PodcastFeeds.Arabic()));

    [Fact]
    public void The_show_writes_apples_tags_and_the_podcasting_2_0_tags_on_the_channel()
    {
        var channel = Xml.Parse(new RssFeedWriter().WriteToString(PodcastFeeds.Arabic())).Root!.Element("channel")!;
        Assert.Equal("ar", channel.Element("language")!.Value);
        Assert.Equal("https://podcasts.example.com/tech-ar/cover.jpg", (string?)channel.Element(Itunes + "image")!.Attribute("href"));
        Assert.Equal(["Technology", "News"], channel.Elements(Itunes + "category").Select(c => (string)c.Attribute("text")!));
        Assert.Equal("Tech News", (string?)channel.Elements(Itunes + "category").ElementAt(1).Element(Itunes + "category")!.Attribute("text"));
        Assert.Equal("false", channel.Element(Itunes + "explicit")!.Value);
        Assert.Equal("episodic", channel.Element(Itunes + "type")!.Value);
        Assert.Equal("sara@example.com", channel.Element(Itunes + "owner")!.Element(Itunes + "email")!.Value);
        Assert.Equal("sara@example.com", (string?)channel.Element(Podcast + "locked")!.Attribute("owner"));
        Assert.Equal("yes", channel.Element(Podcast + "locked")!.Value);
        Assert.Equal(PodcastGuid.FromFeedUrl(new Uri("https://podcasts.example.com/tech-ar/feed.rss")).ToString(), channel.Element(Podcast + "guid")!.Value);
        Assert.Equal("podcast", channel.Element(Podcast + "medium")!.Value);
    }

    [Fact]
    public void An_episode_has_its_enclosure_duration_numbers_and_podcasting_2_0_tags()
    {
        var item = Xml.Parse(new RssFeedWriter().WriteToString(PodcastFeeds.Arabic())).Root!.Element("channel")!.Elements("item").First();
        var enclosure = item.Element("enclosure")!;
        Assert.Equal(("https://cdn.example.com/tech-ar/ep-2.mp3", "31457280", "audio/mpeg"), ((string)enclosure.Attribute("url")!, (string)enclosure.Attribute("length")!, (string)enclosure.Attribute("type")!));
        Assert.Equal("1951", item.Element(Itunes + "duration")!.Value); // 1950.4 s, rounded up as Media RSS does
        Assert.Equal("2", item.Element(Itunes + "episode")!.Value);
        Assert.Equal("1", item.Element(Itunes + "season")!.Value);
        Assert.Equal("full", item.Element(Itunes + "episodeType")!.Value);
        Assert.Equal("2", item.Element(Podcast + "episode")!.Value);
        Assert.Equal("false", (string?)item.Element("guid")!.Attribute("isPermaLink"));
        Assert.Equal("tag:podcasts.example.com,2026:tech-ar/ep-2", item.Element("guid")!.Value);
        Assert.Equal("application/json+chapters", (string?)item.Element(Podcast + "chapters")!.Attribute("type"));
        var soundbite = item.Element(Podcast + "soundbite")!;
        Assert.Equal(("73.0", "45.0"), ((string)soundbite.Attribute("startTime")!, (string)soundbite.Attribute("duration")!));
    }

    [Fact]
    public void Titles_get_the_first_strong_guard_and_show_notes_the_dir_and_lang_wrapper()
    {
        var channel = Xml.Parse(new RssFeedWriter().WriteToString(PodcastFeeds.Arabic())).Root!.Element("channel")!;
        var item = channel.Elements("item").First();
        Assert.Equal("\u200Fiphone 17 في الأسواق العربية".ToUpperInvariant()[1..], item.Element("title")!.Value.ToUpperInvariant()[1..]);
        Assert.StartsWith("\u200F", item.Element("title")!.Value, StringComparison.Ordinal);
        Assert.StartsWith("<div dir=\"rtl\" lang=\"ar\">", item.Element(Xml.Content + "encoded")!.Value, StringComparison.Ordinal);

        // With the guard off, the title is as given.
        var plain = Xml.Parse(new RssFeedWriter(new FeedWriterOptions { FirstStrongGuard = false }).WriteToString(PodcastFeeds.Arabic()));
        Assert.Equal("iPhone 17 في الأسواق العربية", plain.Root!.Element("channel")!.Element("item")!.Element("title")!.Value);
    }

    [Fact]
    public void The_serial_show_has_seasons_with_names_and_a_trailer()
    {
        var channel = Xml.Parse(new RssFeedWriter().WriteToString(PodcastFeeds.HebrewSerial())).Root!.Element("channel")!;
        Assert.Equal("serial", channel.Element(Itunes + "type")!.Value);
        var items = channel.Elements("item").ToList();
        Assert.Equal("trailer", items[0].Element(Itunes + "episodeType")!.Value);
        Assert.Null(items[0].Element(Itunes + "episode"));
        Assert.Equal(["2", "2", "1", "1"], items.Select(i => i.Element(Itunes + "season")!.Value));
        Assert.Equal("העונה השנייה: השווקים", (string?)items[1].Element(Podcast + "season")!.Attribute("name"));
        Assert.Equal("he", channel.Element("language")!.Value);
    }

    [Fact]
    public void Complete_block_and_new_feed_url_are_written_only_when_set()
    {
        var channel = Xml.Parse(new RssFeedWriter().WriteToString(PodcastFeeds.HebrewSerial())).Root!.Element("channel")!;
        Assert.Null(channel.Element(Itunes + "complete"));
        Assert.Null(channel.Element(Itunes + "block"));
        Assert.Null(channel.Element(Itunes + "new-feed-url"));

        var ended = WithShow(PodcastFeeds.HebrewSerial(), s => s with { Complete = true, Block = true, NewFeedUrl = new Uri("https://feeds.example.org/old-city-he.rss") });
        channel = Xml.Parse(new RssFeedWriter().WriteToString(ended)).Root!.Element("channel")!;
        Assert.Equal("Yes", channel.Element(Itunes + "complete")!.Value);
        Assert.Equal("Yes", channel.Element(Itunes + "block")!.Value);
        Assert.Equal("https://feeds.example.org/old-city-he.rss", channel.Element(Itunes + "new-feed-url")!.Value);
    }

    [Fact]
    public void Transcripts_carry_their_own_language_and_captions_their_rel()
    {
        var item = Xml.Parse(new RssFeedWriter().WriteToString(PodcastFeeds.PersianTranscripts())).Root!.Element("channel")!.Element("item")!;
        var transcripts = item.Elements(Podcast + "transcript").ToList();
        Assert.Equal(["fa", "en"], transcripts.Select(t => (string)t.Attribute("language")!));
        Assert.Equal(["text/html", "text/vtt"], transcripts.Select(t => (string)t.Attribute("type")!));
        Assert.Equal([null, "captions"], transcripts.Select(t => (string?)t.Attribute("rel")));
        Assert.Equal("3723", item.Element(Itunes + "duration")!.Value);

        // A guest's Latin name in a Persian episode is guarded like a title.
        Assert.Equal("\u200FDr. Ali Rahimi", item.Elements(Podcast + "person").Last().Value);
    }

    [Fact]
    public void A_mixed_language_show_gives_each_episode_its_language_and_each_segment_its_own()
    {
        var channel = Xml.Parse(new RssFeedWriter().WriteToString(PodcastFeeds.MixedLanguage())).Root!.Element("channel")!;
        Assert.Equal("ar", channel.Element("language")!.Value);
        var items = channel.Elements("item").ToList();
        Assert.Equal(["ar", "en"], items.Select(i => i.Element(Xml.Dc + "language")!.Value));
        var notes = items[0].Element(Xml.Content + "encoded")!.Value;
        Assert.StartsWith("<div dir=\"rtl\" lang=\"ar\">", notes, StringComparison.Ordinal);
        Assert.Contains("dir=\"ltr\" lang=\"en\"", notes, StringComparison.Ordinal);
        Assert.StartsWith("<div dir=\"ltr\" lang=\"en\">", items[1].Element(Xml.Content + "encoded")!.Value, StringComparison.Ordinal);
        Assert.Equal("A conversation in English", items[1].Element("title")!.Value);
    }

    [Fact]
    public void Atom_gets_enclosure_links_and_no_podcast_elements()
    {
        var doc = Xml.Parse(new AtomFeedWriter().WriteToString(PodcastFeeds.Arabic()));
        var entry = doc.Root!.Elements(Xml.Atom + "entry").First();
        var link = Assert.Single(entry.Elements(Xml.Atom + "link"), l => (string?)l.Attribute("rel") == "enclosure");
        Assert.Equal("31457280", (string?)link.Attribute("length"));
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.Namespace == Itunes || e.Name.Namespace == Podcast);
    }

    [Fact]
    public void Json_feed_attachments_have_duration_and_size_and_the_itunes_object()
    {
        using var doc = JsonDocument.Parse(new JsonFeedWriter().WriteToString(PodcastFeeds.Arabic()));
        var item = doc.RootElement.GetProperty("items")[0];
        var attachment = item.GetProperty("attachments")[0];
        Assert.Equal(31457280, attachment.GetProperty("size_in_bytes").GetInt64());
        Assert.Equal(1951, attachment.GetProperty("duration_in_seconds").GetInt64());
        Assert.Equal(2, item.GetProperty("_itunes").GetProperty("episode").GetInt32());
        Assert.Equal("Technology", doc.RootElement.GetProperty("_itunes").GetProperty("categories")[0].GetProperty("text").GetString());

        // The podcast:guid derived from a self URL is RSS's (the podcast's feed); JSON Feed's self URL would give another.
        Assert.False(doc.RootElement.GetProperty("_itunes").TryGetProperty("podcast_guid", out _));
    }

    [Theory]
    [InlineData("https://mp3s.nashownotes.com/pc20rss.xml")]
    [InlineData("http://mp3s.nashownotes.com/pc20rss.xml")]
    [InlineData("https://mp3s.nashownotes.com/pc20rss.xml/")]
    [InlineData("https://mp3s.nashownotes.com/pc20rss.xml//")]
    public void Podcast_guid_is_uuid_v5_of_the_url_without_scheme_and_trailing_slashes(string url)
    {
        // The namespace's own example: mp3s.nashownotes.com/pc20rss.xml gives 917393e3-1b1e-5cef-ace4-edaa54e1f810.
        Assert.Equal("917393e3-1b1e-5cef-ace4-edaa54e1f810", PodcastGuid.FromFeedUrl(new Uri(url)).ToString());
    }

    [Fact]
    public void A_given_podcast_guid_is_kept()
    {
        var feed = WithShow(PodcastFeeds.Arabic(), s => s with { Guid = "ead4c236-bf58-58c6-a2c6-a6b28d128cb6" });
        var channel = Xml.Parse(new RssFeedWriter().WriteToString(feed)).Root!.Element("channel")!;
        Assert.Equal("ead4c236-bf58-58c6-a2c6-a6b28d128cb6", channel.Element(Podcast + "guid")!.Value);
    }

    [Fact]
    public void Apple_categories_come_from_the_data_file()
    {
        Assert.Equal(19, AppleCategories.Categories.Length);
        Assert.True(AppleCategories.Contains("Society & Culture", "Documentary"));
        Assert.False(AppleCategories.Contains("Technology", "Podcasting"));
        Assert.False(AppleCategories.Contains("technology"));
        Assert.Contains("Islam", AppleCategories.SubcategoriesOf("Religion & Spirituality"));
        Assert.Empty(AppleCategories.SubcategoriesOf("True Crime"));
    }

    public static TheoryData<string, string, string, bool> Problems => new()
    {
        { "no-category", FeedProblemCodes.PodcastCategoryMissing, "feed.Extensions[0].Categories", true },
        { "bad-category", FeedProblemCodes.PodcastCategoryUnknown, "feed.Extensions[0].Categories[0].Name", true },
        { "bad-subcategory", FeedProblemCodes.PodcastCategoryUnknown, "feed.Extensions[0].Categories[1].Subcategory", true },
        { "no-artwork", FeedProblemCodes.PodcastArtworkMissing, "feed.Extensions[0].Artwork", true },
        { "gif-artwork", FeedProblemCodes.PodcastArtworkType, "feed.Extensions[0].Artwork", false },
        { "locked-no-owner", FeedProblemCodes.PodcastLockedOwner, "feed.Extensions[0].Owner.Email", true },
        { "no-owner", FeedProblemCodes.PodcastOwnerEmail, "feed.Extensions[0].Owner.Email", false },
        { "idn-owner", FeedProblemCodes.PodcastOwnerEmail, "feed.Extensions[0].Owner.Email", false },
        { "bad-guid", FeedProblemCodes.PodcastGuidInvalid, "feed.Extensions[0].Guid", true },
        { "no-guid", FeedProblemCodes.PodcastGuidMissing, "feed.Extensions[0].Guid", false },
        { "bad-medium", FeedProblemCodes.PodcastMedium, "feed.Extensions[0].Medium", true },
        { "no-enclosure", FeedProblemCodes.PodcastEnclosureMissing, "articles[0].Extensions[0].Enclosure", true },
        { "no-length", FeedProblemCodes.PodcastEnclosureLength, "articles[0].Extensions[0].Enclosure", true },
        { "ogg", FeedProblemCodes.PodcastEnclosureType, "articles[0].Extensions[0].Enclosure", false },
        { "no-duration", FeedProblemCodes.PodcastDurationMissing, "articles[0].Extensions[0].Enclosure", false },
        { "episode-zero", FeedProblemCodes.PodcastNumber, "articles[0].Extensions[0].Number", true },
        { "season-zero", FeedProblemCodes.PodcastNumber, "articles[0].Extensions[0].Season", true },
        { "transcript-type", FeedProblemCodes.PodcastTranscriptType, "articles[0].Extensions[0].Transcripts[0].MediaType", true },
        { "soundbite", FeedProblemCodes.PodcastSoundbite, "articles[0].Extensions[0].Soundbites[0]", true },
        { "duplicate-guid", FeedProblemCodes.DuplicateId, "articles[1].Id", true },
        { "show-on-article", "podcast-target", "articles[0].Extensions[1]", true },
        { "no-language", FeedProblemCodes.PodcastLanguageMissing, "feed.Language", true },
        { "episodes-without-show", FeedProblemCodes.PodcastShowMissing, "articles[0].Extensions[0]", false },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Each_podcast_rule_reports_its_code_at_its_path(string name, string code, string path, bool isError)
    {
        var feed = Broken(name);
        var problems = FeedLint.Check(feed, new FeedLintOptions { Formats = [FeedFormat.Rss] });
        var problem = Assert.Single(problems, p => p.Code == code);
        Assert.Equal(path, problem.Path.ToString());
        Assert.Equal(isError ? FeedProblemSeverity.Error : FeedProblemSeverity.Warning, problem.Severity);

        if (isError)
        {
            // Errors make the writer refuse, as for everything else.
            var error = Assert.Throws<FeedValidationException>(() => new RssFeedWriter().WriteToString(feed));
            Assert.Contains(error.Problems, p => p.Code == code);
        }
        else
        {
            // Warnings do not stop the writer: they go to its warning handler.
            var warnings = new List<FeedProblem>();
            Assert.NotEmpty(new RssFeedWriter(new FeedWriterOptions { Warnings = warnings.Add }).WriteToString(feed));
            Assert.Contains(warnings, p => p.Code == code && p.Path.ToString() == path);
        }
    }

    [Fact]
    public void The_snapshot_feeds_have_no_problem_at_all_in_rss()
    {
        foreach (var (name, make) in PodcastFeeds.Cases)
        {
            Assert.True(FeedLint.Check(make(), new FeedLintOptions { Formats = [FeedFormat.Rss] }).IsEmpty, name);
        }
    }

    [Fact]
    public void Episodes_without_a_show_are_reported_once_and_only_for_rss()
    {
        var feed = new Feed(PodcastFeeds.Arabic().Info with { Extensions = [] }, PodcastFeeds.Arabic().Articles);
        Assert.True(feed.Articles.Count(a => a.Extensions.Any(e => e is PodcastEpisode)) > 1);
        var rss = FeedLint.Check(feed, new FeedLintOptions { Formats = [FeedFormat.Rss] });
        Assert.Single(rss, p => p.Code == FeedProblemCodes.PodcastShowMissing);

        // Atom and JSON Feed write an episode as an enclosure link or an attachment, which needs no show.
        var others = FeedLint.Check(feed, new FeedLintOptions { Formats = [FeedFormat.Atom, FeedFormat.Json] });
        Assert.DoesNotContain(others, p => p.Code == FeedProblemCodes.PodcastShowMissing);
    }

    [Fact]
    public void A_full_episode_without_a_number_in_a_serial_show_is_a_warning_at_its_number()
    {
        var serial = PodcastFeeds.HebrewSerial();
        int Find(PodcastEpisodeType type) => serial.Articles.Select((a, n) => (a, n)).First(x => x.a.Extensions.OfType<PodcastEpisode>().Single().Type == type).n;
        var index = Find(PodcastEpisodeType.Full);
        var trailer = Find(PodcastEpisodeType.Trailer);
        Assert.True(index >= 0 && trailer >= 0);
        Feed Without(int i) => new(serial.Info, [.. serial.Articles.Select((a, n) => n == i ? a with { Extensions = [((PodcastEpisode)a.Extensions[0]) with { Number = null }] } : a)]);

        var problem = Assert.Single(FeedLint.Check(Without(index), new FeedLintOptions { Formats = [FeedFormat.Rss] }));
        Assert.Equal(FeedProblemCodes.PodcastSerialNumber, problem.Code);
        Assert.Equal(FeedProblemSeverity.Warning, problem.Severity);
        Assert.Equal(FormattableString.Invariant($"articles[{index}].Extensions[0].Number"), problem.Path.ToString());

        // A trailer may go without; so may any episode of an episodic show.
        Assert.Empty(FeedLint.Check(Without(trailer), new FeedLintOptions { Formats = [FeedFormat.Rss] }));
        var episodic = new Feed(serial.Info with { Extensions = [((PodcastShow)serial.Info.Extensions[0]) with { Type = PodcastShowType.Episodic }] }, Without(index).Articles);
        Assert.Empty(FeedLint.Check(episodic, new FeedLintOptions { Formats = [FeedFormat.Rss] }));
    }

    [Fact]
    public void An_episode_without_a_summary_gets_its_description_text_as_itunes_summary_cut_at_4000_characters()
    {
        var source = PodcastFeeds.PersianTranscripts();
        var words = string.Join(' ', Enumerable.Repeat("ستاره", 1000));
        var feed = new Feed(source.Info, [source.Articles[0] with { Standfirst = words }]);
        var item = XDocument.Parse(new RssFeedWriter().WriteToString(feed)).Root!.Element("channel")!.Element("item")!;
        var summary = item.Element(Itunes + "summary")!.Value;
        Assert.True(summary.Length <= 4000, summary.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("ستاره…", summary, StringComparison.Ordinal);
        Assert.StartsWith(summary[..^1], words, StringComparison.Ordinal);

        // The episode's own summary wins; a summary longer than Apple takes is a warning at its member.
        var own = new Feed(source.Info, [source.Articles[0] with { Extensions = [((PodcastEpisode)source.Articles[0].Extensions[0]) with { Summary = words }] }]);
        var problem = Assert.Single(FeedLint.Check(own, new FeedLintOptions { Formats = [FeedFormat.Rss] }));
        Assert.Equal(FeedProblemCodes.PodcastTooLong, problem.Code);
        Assert.Equal("articles[0].Extensions[0].Summary", problem.Path.ToString());
        Assert.Equal(FeedProblemSeverity.Warning, problem.Severity);
    }

    [Theory]
    [InlineData("Author", 256)]
    [InlineData("Subtitle", 256)]
    [InlineData("Summary", 4001)]
    public void Show_texts_longer_than_apple_takes_are_warnings(string member, int length)
    {
        var source = PodcastFeeds.PersianTranscripts();
        var text = new string('س', length);
        var show = (PodcastShow)source.Info.Extensions[0];
        show = member switch { "Author" => show with { Author = text }, "Subtitle" => show with { Subtitle = text }, _ => show with { Summary = text } };
        var problem = Assert.Single(FeedLint.Check(new Feed(source.Info with { Extensions = [show] }, source.Articles), new FeedLintOptions { Formats = [FeedFormat.Rss] }));
        Assert.Equal(FeedProblemCodes.PodcastTooLong, problem.Code);
        Assert.Equal("feed.Extensions[0]." + member, problem.Path.ToString());
        var fits = member switch { "Author" => show with { Author = text[1..] }, "Subtitle" => show with { Subtitle = text[1..] }, _ => show with { Summary = text[1..] } };
        Assert.Empty(FeedLint.Check(new Feed(source.Info with { Extensions = [fits] }, source.Articles), new FeedLintOptions { Formats = [FeedFormat.Rss] }));
    }

    [Theory]
    [InlineData("ca5d3b5e-1c3a-4f5e-9a7b-2d8e6f1a0b3c", "urn:uuid:ca5d3b5e-1c3a-4f5e-9a7b-2d8e6f1a0b3c")]
    [InlineData("Buzzsprout-12345678", null)]
    [InlineData("00123", null)]
    public void Episode_guids_that_are_not_uris_are_kept_in_rss_and_json_and_atom_takes_uuids_as_urns(string guid, string? atomId)
    {
        // Shows moving to FeedKit keep their episodes' guids: RSS's guid and JSON Feed's id take any string.
        var source = PodcastFeeds.Arabic();
        var feed = new Feed(source.Info, [source.Articles[0] with { Id = guid }, .. source.Articles.Skip(1)]);
        var item = XDocument.Parse(new RssFeedWriter().WriteToString(feed)).Root!.Element("channel")!.Element("item")!;
        Assert.Equal(guid, item.Element("guid")!.Value);
        Assert.Equal("false", (string?)item.Element("guid")!.Attribute("isPermaLink"));
        using var json = JsonDocument.Parse(new JsonFeedWriter().WriteToString(feed));
        Assert.Equal(guid, json.RootElement.GetProperty("items")[0].GetProperty("id").GetString());

        // Atom ids are IRIs: a UUID becomes its urn:uuid: form, anything else is refused for Atom only.
        if (atomId is not null)
        {
            var entry = XDocument.Parse(new AtomFeedWriter().WriteToString(feed)).Root!.Elements().First(e => e.Name.LocalName == "entry");
            Assert.Equal(atomId, entry.Elements().First(e => e.Name.LocalName == "id").Value);
        }
        else
        {
            var error = Assert.Throws<FeedValidationException>(() => new AtomFeedWriter().WriteToString(feed));
            Assert.Contains(error.Problems, p => p.Path.ToString() == "articles[0].Id" && p.Message.Contains("RSS and JSON Feed take any string", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Lengths_are_counted_as_written_guard_included_in_characters_not_utf16_units()
    {
        var source = PodcastFeeds.Arabic();
        var show = (PodcastShow)source.Info.Extensions[0];
        IReadOnlyList<FeedProblem> Lint(PodcastShow s) => FeedLint.Check(new Feed(source.Info with { Extensions = [s] }, source.Articles), new FeedLintOptions { Formats = [FeedFormat.Rss] });

        // 255 characters starting with a Latin word in an Arabic show: the guard's RLM makes 256 as written.
        var latinFirst = "iPhone " + new string('ب', 248);
        Assert.Equal(255, latinFirst.Length);
        var problem = Assert.Single(Lint(show with { Author = latinFirst }));
        Assert.Equal(FeedProblemCodes.PodcastTooLong, problem.Code);
        Assert.Contains("256 characters long as written with the direction mark", problem.Message, StringComparison.Ordinal);
        Assert.Empty(Lint(show with { Author = new string('ب', 255) }));

        // Emoji are one character each for Apple and the validator, two UTF-16 units for .NET.
        var emoji = new string('ب', 250) + "🎙🎙🎙🎙🎙";
        Assert.Equal(260, emoji.Length);
        Assert.Empty(Lint(show with { Author = emoji }));
    }

    [Fact]
    public void A_show_without_a_language_is_refused_only_in_rss()
    {
        var source = PodcastFeeds.Arabic();
        var feed = new Feed(source.Info with { Language = null }, source.Articles);
        var error = Assert.Throws<FeedValidationException>(() => new RssFeedWriter().WriteToString(feed));
        Assert.Contains(error.Problems, p => p.Code == FeedProblemCodes.PodcastLanguageMissing && p.Path.ToString() == "feed.Language");
        Assert.DoesNotContain(FeedLint.Check(feed, new FeedLintOptions { Formats = [FeedFormat.Atom, FeedFormat.Json] }), p => p.Code == FeedProblemCodes.PodcastLanguageMissing);
    }

    [Fact]
    public async Task A_streamed_podcast_gives_the_same_bytes_as_the_list()
    {
        var feed = PodcastFeeds.HebrewSerial();
        var streamed = new Feed(feed.Info with { Updated = feed.Updated }, ToAsync(feed.Articles));
        using var output = new MemoryStream();
        await new RssFeedWriter().WriteAsync(streamed, output, CancellationToken.None);
        Assert.Equal(new RssFeedWriter().WriteToString(feed with { Info = feed.Info with { Updated = feed.Updated } }), System.Text.Encoding.UTF8.GetString(output.ToArray()));
    }

    private static async IAsyncEnumerable<Article> ToAsync(IEnumerable<Article> articles)
    {
        foreach (var article in articles)
        {
            await Task.Yield();
            yield return article;
        }
    }

    private static Feed WithShow(Feed feed, Func<PodcastShow, PodcastShow> change) =>
        new(feed.Info with { Extensions = [change((PodcastShow)feed.Info.Extensions[0])] }, feed.Articles);

    private static Feed WithEpisode(Feed feed, Func<Article, Article> change) =>
        new(feed.Info, [change(feed.Articles[0]), .. feed.Articles.Skip(1)]);

    private static PodcastEpisode EpisodeOf(Article article) => (PodcastEpisode)article.Extensions[0];

    private static Feed Broken(string name)
    {
        var feed = PodcastFeeds.Arabic();
        return name switch
        {
            "no-language" => new Feed(feed.Info with { Language = null }, feed.Articles),
            "episodes-without-show" => new Feed(feed.Info with { Extensions = [] }, feed.Articles),
            "no-category" => WithShow(feed, s => s with { Categories = [] }),
            "bad-category" => WithShow(feed, s => s with { Categories = [new PodcastCategory("Tech")] }),
            "bad-subcategory" => WithShow(feed, s => s with { Categories = [new PodcastCategory("Technology"), new PodcastCategory("News") { Subcategory = "Gadgets" }] }),
            "no-artwork" => WithShow(feed, s => s with { Artwork = null }),
            "gif-artwork" => WithShow(feed, s => s with { Artwork = new Uri("https://podcasts.example.com/cover.gif") }),
            "locked-no-owner" => WithShow(feed, s => s with { Owner = null }),
            "no-owner" => WithShow(feed, s => s with { Owner = null, Locked = null }),
            "idn-owner" => WithShow(feed, s => s with { Owner = new PodcastOwner("سارة", "sara@مثال.مصر") }),
            "bad-guid" => WithShow(feed, s => s with { Guid = "tech-ar" }),
            "no-guid" => new Feed(feed.Info with { SelfUrl = null }, feed.Articles),
            "bad-medium" => WithShow(feed, s => s with { Medium = "radio" }),
            "no-enclosure" => WithEpisode(feed, a => a with { Media = [] }),
            "no-length" => WithEpisode(feed, a => a with { Media = [a.Media[0] with { Length = null }] }),
            "ogg" => WithEpisode(feed, a => a with { Media = [a.Media[0] with { MediaType = "audio/ogg" }] }),
            "no-duration" => WithEpisode(feed, a => a with { Media = [a.Media[0] with { Duration = null }] }),
            "episode-zero" => WithEpisode(feed, a => a with { Extensions = [EpisodeOf(a) with { Number = 0 }] }),
            "season-zero" => WithEpisode(feed, a => a with { Extensions = [EpisodeOf(a) with { Season = 0 }] }),
            "transcript-type" => WithEpisode(feed, a => a with { Extensions = [EpisodeOf(a) with { Transcripts = [new PodcastTranscript(new Uri("https://example.com/t.pdf"), "application/pdf")] }] }),
            "soundbite" => WithEpisode(feed, a => a with { Extensions = [EpisodeOf(a) with { Soundbites = [new PodcastSoundbite(TimeSpan.FromSeconds(5), TimeSpan.Zero)] }] }),
            "duplicate-guid" => new Feed(feed.Info, [feed.Articles[0], feed.Articles[1] with { Id = feed.Articles[0].Id }]),
            "show-on-article" => WithEpisode(feed, a => a with { Extensions = [EpisodeOf(a), feed.Info.Extensions[0]] }),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }
}
