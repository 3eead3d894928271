using System.CommandLine;
using System.Text;

namespace FeedKit.Cli;

/// <summary>The <c>feedkit</c> command line, callable in-process (tests) or from <c>Main</c>.</summary>
public static class FeedKitCli
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Where the feed (and help) goes.</param>
    /// <param name="stderr">Where errors and progress go.</param>
    /// <returns>0 when the feed was written, 1 when the articles have errors, 2 on bad usage or input.</returns>
    public static int Run(string[] args, Stream stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Article files (plain text, UTF-8) or folders of *.txt files.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Feed format: atom, rss or json (JSON Feed 1.1).",
            DefaultValueFactory = _ => "atom",
        };
        format.AcceptOnlyFromAmong("atom", "rss", "json");
        var output = new Option<string?>("--out", "-o") { Description = "Write the feed to this file (atomically) instead of stdout." };
        var settings = new Option<string?>("--settings") { Description = $"Settings file; default: {BuildCommand.SettingsFileName} in the (first) folder given." };
        var title = new Option<string?>("--title") { Description = "Feed title." };
        var siteUrl = new Option<string?>("--site-url") { Description = "Absolute URL of the site; article URLs are built from it and the file names." };
        var selfUrl = new Option<string?>("--self-url") { Description = "Absolute URL the feed is served from (default: <site-url>feed.atom, feed.rss or feed.json)." };
        var language = new Option<string?>("--language") { Description = "Feed language, a BCP 47 tag such as ar, he, fa-IR." };
        var direction = new Option<string?>("--direction") { Description = "Force the feed's direction: rtl or ltr (normally worked out from the language)." };
        var author = new Option<string?>("--author") { Description = "Feed author's name." };
        var published = new Option<string?>("--published") { Description = "Publication date for articles that have none in the settings (RFC 3339 with a time zone)." };
        var noGuard = new Option<bool>("--no-guard") { Description = "Do not add RLM/LRM marks to texts whose first strong character points the wrong way." };

        var build = new Command("build", "Build a feed from article files.");
        build.Arguments.Add(paths);
        foreach (var option in new Option[] { format, output, settings, title, siteUrl, selfUrl, language, direction, author, published, noGuard })
        {
            build.Options.Add(option);
        }

        var exitCode = ExitCodes.Ok;
        build.SetAction(result =>
        {
            var request = new BuildRequest(
                result.GetValue(paths) ?? [],
                result.GetValue(format) ?? "atom",
                result.GetValue(output),
                result.GetValue(settings),
                result.GetValue(title),
                result.GetValue(siteUrl),
                result.GetValue(selfUrl),
                result.GetValue(language),
                result.GetValue(direction),
                result.GetValue(author),
                result.GetValue(published),
                result.GetValue(noGuard));
            try
            {
                exitCode = BuildCommand.Run(request, stdout, stderr);
            }
            catch (CliException e)
            {
                stderr.WriteLine($"error: {e.Message}");
                exitCode = ExitCodes.Usage;
            }
        });

        var root = new RootCommand("feedkit: Atom and RSS feeds from articles, with the language and direction metadata right-to-left languages need.");
        root.Subcommands.Add(build);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"error: {error.Message}");
            }

            stderr.WriteLine("Run 'feedkit build --help' for usage.");
            return ExitCodes.Usage;
        }

        using var helpOutput = new StreamWriter(stdout, new UTF8Encoding(false), leaveOpen: true) { AutoFlush = true };
        var code = parsed.Invoke(new InvocationConfiguration { Output = helpOutput, Error = stderr });
        return code != 0 ? code : exitCode;
    }
}
