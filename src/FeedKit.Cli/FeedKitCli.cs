using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text;

namespace FeedKit.Cli;

/// <summary>The <c>feedkit</c> command line, callable in-process (tests) or from <c>Main</c>.</summary>
public static class FeedKitCli
{
    /// <summary>The width help text is wrapped at, whatever the terminal: the help snapshot is the same everywhere.</summary>
    private const int HelpWidth = 100;

    private const string ExitCodeHelp = """
        Exit codes:
          0    the feed was written (build), or no errors were found (lint)
          1    the articles have errors: each is printed as "error: FILE:LINE: …", and nothing is written;
               or, with --strict, warnings
          2    bad usage: an unknown or bad option, a missing path, a bad settings file; or a file that
               cannot be written (the message names it)
          70   internal error: a bug in feedkit, printed as "feedkit: internal error: …"
          130  cancelled (Ctrl+C, SIGINT); 129 SIGHUP, 131 SIGQUIT, 143 SIGTERM: an existing --out file is left
               as it was and no temporary file remains
        """;

    private const string BuildExamples = """
        Examples:
          feedkit build seeds/
              The Atom feed of the articles in seeds/ (settings from seeds/feedkit.json) on stdout.
          feedkit build posts/ --format rss --out public/feed.rss
              RSS 2.0, written to a temporary file and then moved into place (only a regular file is replaced,
              and it keeps its permissions).
          feedkit build "posts/**/*.md" --format json --out feed.json --quiet
              JSON Feed 1.1 of every Markdown file under posts/, without progress lines.
          feedkit build story.md --title "أخبار" --site-url https://example.com/ --language ar --author Desk
              No settings file: everything on the command line.
          feedkit build posts/ --out public/feed.atom --stylesheet /feed.xsl --hub https://hub.example.net/
              With a browser view (write it with "feedkit stylesheet --out public/feed.xsl") and a WebSub hub.
          feedkit build site/_posts/ --limit 20 --content summary --out public/feed.atom
              A Jekyll site's newest 20 posts, summaries only.
          feedkit build "site/content/**/*.md" --split-by language --out public/feeds/
              A Hugo site: one feed per language (public/feeds/ar.atom, public/feeds/en.atom, …).
          feedkit build posts/ --strict --verbose --out feed.atom
              Fails on warnings too; prints each line dropped as page chrome.
        """;

    private const string LintExamples = """
        Examples:
          feedkit lint seeds/
              Checks every article for Atom, RSS and JSON Feed; problems on stdout, a summary on stderr.
          feedkit lint "posts/*.md" --quiet || exit 1
              In CI: fails when any article has an error.
        """;

    private const string RootExamples = """
        Examples:
          feedkit build seeds/ --out feed.atom
          feedkit lint seeds/
          feedkit stylesheet --out public/feed.xsl
          feedkit schema --out feedkit.schema.json
          feedkit build --help
        """;

    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Where the feed (and help, and the lint report) goes.</param>
    /// <param name="stderr">Where errors and progress go.</param>
    /// <returns>
    /// 0 when the feed was written, 1 when the articles have errors, 2 on bad usage or a file that cannot be written,
    /// 70 on an internal error, 130 when cancelled.
    /// </returns>
    public static int Run(string[] args, Stream stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, new CliContext());

    internal static int Run(string[] args, Stream stdout, TextWriter stderr, CliContext context)
    {
        try
        {
            return RunCommand(args, stdout, stderr, context);
        }
        catch (IOException e)
        {
            // Help or an error message that cannot be written (stdout on a full disk): no stack trace.
            return Report(stderr, $"error: cannot write: {e.Message}", ExitCodes.Usage);
        }
        catch (Exception e)
        {
            return Report(stderr, $"feedkit: internal error: {e.Message}", ExitCodes.InternalError);
        }
    }

    /// <summary>Writes a last message to stderr, if stderr can still be written to, and returns the exit code.</summary>
    internal static int Report(TextWriter stderr, string message, int code)
    {
        try
        {
            stderr.WriteLine(message);
            stderr.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // Nowhere left to say it; the exit code still does.
        }

        return code;
    }

    private static int RunCommand(string[] args, Stream stdout, TextWriter stderr, CliContext context)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Article files (*.txt plain text, *.md Markdown with front matter, *.json), folders of them, or globs (\"posts/**/*.md\").",
            Arity = ArgumentArity.OneOrMore,
        };
        var settings = new Option<string?>("--settings") { Description = $"Settings file; default: {BuildCommand.SettingsFileName} in the (first) folder given." };
        var title = new Option<string?>("--title") { Description = "Feed title." };
        var siteUrl = new Option<string?>("--site-url") { Description = "Absolute URL of the site; article URLs are built from it and the file names." };
        var selfUrl = new Option<string?>("--self-url") { Description = "Absolute URL the feed is served from (default: <site-url>feed.atom, feed.rss or feed.json)." };
        var language = new Option<string?>("--language") { Description = "Feed language, a BCP 47 tag such as ar, he, fa-IR." };
        var direction = new Option<string?>("--direction") { Description = "Force the feed's direction: rtl or ltr (normally worked out from the language)." };
        var author = new Option<string?>("--author") { Description = "Feed author's name." };
        var published = new Option<string?>("--published") { Description = "Publication date for articles that have none of their own (RFC 3339 with a time zone)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress, notes, warnings or summary on stderr; errors are still printed (warnings too with --strict)." };
        var progress = new Option<bool>("--progress") { Description = $"Show progress on stderr even for {Progress.AutoThreshold} files or fewer (a bar on a terminal, plain lines otherwise)." };

        var format = new Option<string>("--format", "-f")
        {
            Description = "Feed format: atom, rss or json (JSON Feed 1.1).",
            DefaultValueFactory = _ => "atom",
        };
        format.AcceptOnlyFromAmong("atom", "rss", "json");
        var output = new Option<string?>("--out", "-o") { Description = "Write the feed to this file (atomically) instead of stdout." };
        var noGuard = new Option<bool>("--no-guard") { Description = "Do not add RLM/LRM marks to titles whose first strong character points the wrong way." };
        var stylesheet = new Option<string?>("--stylesheet") { Description = "Add <?xml-stylesheet?> with this URL (Atom, RSS) so browsers show a page; \"feedkit stylesheet\" writes FeedKit's XSLT." };
        var hub = new Option<string[]>("--hub") { Description = "A WebSub hub URL (repeatable): rel=\"hub\" links, JSON Feed hubs.", AllowMultipleArgumentsPerToken = false };

        var strict = new Option<bool>("--strict") { Description = "Warnings fail the run too (exit code 1; build writes nothing)." };
        Option[] shared = [settings, title, siteUrl, selfUrl, language, direction, author, published, quiet, progress, strict];

        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print each line dropped as page chrome from plain text (file:line, the text, why) on stderr." };
        var limit = new Option<int?>("--limit") { HelpName = "N", Description = "Only the newest N articles (of each feed with --split-by)." };
        var splitBy = new Option<string?>("--split-by") { Description = "One feed per tag, category or language, written into the folder --out names (file names: the slug rule in docs/cli.md)." };
        splitBy.AcceptOnlyFromAmong("tag", "category", "language");
        var content = new Option<string>("--content")
        {
            Description = "full: each article's whole body; summary: its standfirst (else its first paragraph) and no body.",
            DefaultValueFactory = _ => "full",
        };
        content.AcceptOnlyFromAmong("full", "summary");

        var build = new Command("build", "Build a feed from article files.");
        build.Arguments.Add(paths);
        foreach (var option in new Option[] { format, output }.Concat(shared).Concat([verbose, limit, splitBy, content, noGuard, stylesheet, hub]))
        {
            build.Options.Add(option);
        }

        var stylesheetOut = new Option<string?>("--out", "-o") { Description = "Write the stylesheet to this file instead of stdout." };
        var stylesheetCommand = new Command("stylesheet", $"Write FeedKit's browser view, the XSLT that shows a feed as a readable page ({FeedKit.Browser.FeedStylesheet.FileName}).");
        stylesheetCommand.Options.Add(stylesheetOut);
        stylesheetCommand.SetAction(result => Guard(stderr, () =>
        {
            if (result.GetValue(stylesheetOut) is { } path)
            {
                try
                {
                    BuildCommand.CreateFolderOf(path);
                    FeedKit.Browser.FeedStylesheet.WriteToFileAsync(path, context.Cancellation).GetAwaiter().GetResult();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    throw new CliException($"cannot write {path}: {e.Message}");
                }
            }
            else
            {
                try
                {
                    FeedKit.Browser.FeedStylesheet.WriteTo(stdout);
                    stdout.Flush();
                }
                catch (IOException e)
                {
                    throw new CliException($"cannot write the stylesheet to stdout: {e.Message}");
                }
            }

            return ExitCodes.Ok;
        }));

        var lint = new Command("lint", "Check article files for Atom, RSS and JSON Feed without writing a feed.");
        lint.Arguments.Add(paths);
        foreach (var option in shared)
        {
            lint.Options.Add(option);
        }

        FeedOptions FeedOptionsOf(ParseResult result) => new(
            result.GetValue(paths) ?? [],
            result.GetValue(settings),
            result.GetValue(title),
            result.GetValue(siteUrl),
            result.GetValue(selfUrl),
            result.GetValue(language),
            result.GetValue(direction),
            result.GetValue(author),
            result.GetValue(published));

        ProgressMode ProgressOf(ParseResult result) =>
            result.GetValue(quiet) ? ProgressMode.Never : result.GetValue(progress) ? ProgressMode.Always : ProgressMode.Auto;

        build.SetAction(result => Guard(stderr, () => BuildCommand.Run(
            new BuildRequest(FeedOptionsOf(result), result.GetValue(format) ?? "atom", result.GetValue(output), result.GetValue(noGuard), ProgressOf(result))
            {
                Stylesheet = result.GetValue(stylesheet),
                Hubs = result.GetValue(hub) ?? [],
                Verbose = result.GetValue(verbose),
                Strict = result.GetValue(strict),
                Limit = result.GetValue(limit),
                SplitBy = result.GetValue(splitBy) switch
                {
                    "tag" => SplitBy.Tag,
                    "category" => SplitBy.Category,
                    "language" => SplitBy.Language,
                    _ => null,
                },
                SummaryOnly = result.GetValue(content) == "summary",
            },
            stdout,
            stderr,
            context)));
        lint.SetAction(result => Guard(stderr, () => LintCommand.Run(new LintRequest(FeedOptionsOf(result), ProgressOf(result)) { Strict = result.GetValue(strict) }, stdout, stderr, context)));

        var schemaOut = new Option<string?>("--out", "-o") { Description = "Write the schema to this file instead of stdout." };
        var schemaCommand = new Command("schema", $"Write the JSON Schema of {BuildCommand.SettingsFileName}, for editors: \"$schema\": \"./{SettingsSchema.FileName}\".");
        schemaCommand.Options.Add(schemaOut);
        schemaCommand.SetAction(result => Guard(stderr, () => SettingsSchema.Write(result.GetValue(schemaOut), stdout, context.Cancellation)));

        // A Command rather than a RootCommand, whose name is the host's file name (testhost, FeedKit.Cli, dotnet):
        // help always says "feedkit".
        var root = new Command("feedkit", "feedkit: Atom, RSS and JSON feeds from articles, with the language and direction metadata right-to-left languages need.");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Subcommands.Add(build);
        root.Subcommands.Add(lint);
        root.Subcommands.Add(stylesheetCommand);
        root.Subcommands.Add(schemaCommand);
        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction help })
            {
                help.MaxWidth = HelpWidth;
                option.Action = new HelpWithExamples(help, new Dictionary<Command, string>
                {
                    [root] = RootExamples,
                    [build] = BuildExamples,
                    [lint] = LintExamples,
                });
            }
        }

        var parsed = root.Parse(args);
        if (parsed.Action is not HelpWithExamples && Mistypes.Find(args, root) is { } mistype)
        {
            stderr.WriteLine($"error: {mistype}");
            stderr.WriteLine($"Run '{(parsed.CommandResult.Command == root ? "feedkit" : $"feedkit {parsed.CommandResult.Command.Name}")} --help' for usage.");
            return ExitCodes.Usage;
        }

        if (parsed.Errors.Count > 0 && parsed.Action is not HelpWithExamples)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"error: {error.Message}");
            }

            var command = parsed.CommandResult.Command == root ? "feedkit" : $"feedkit {parsed.CommandResult.Command.Name}";
            stderr.WriteLine($"Run '{command} --help' for usage.");
            return ExitCodes.Usage;
        }

        using var helpOutput = new StreamWriter(stdout, new UTF8Encoding(false), leaveOpen: true) { AutoFlush = true, NewLine = "\n" };
        return parsed.Invoke(new InvocationConfiguration { Output = helpOutput, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
    }

    private static int Guard(TextWriter stderr, Func<int> run)
    {
        try
        {
            return run();
        }
        catch (CliException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("feedkit: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An input or output file the more specific handlers did not name.
            return Report(stderr, $"error: {e.Message}", ExitCodes.Usage);
        }
        catch (Exception e)
        {
            return Report(stderr, $"feedkit: internal error: {e.Message}", ExitCodes.InternalError);
        }
    }

    /// <summary>The usual help, then the command's examples and the exit codes.</summary>
    private sealed class HelpWithExamples(HelpAction help, IReadOnlyDictionary<Command, string> examples) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var code = help.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            if (examples.TryGetValue(parseResult.CommandResult.Command, out var text))
            {
                output.WriteLine(text.Replace("\r\n", "\n", StringComparison.Ordinal));
                output.WriteLine();
            }

            output.WriteLine(ExitCodeHelp.Replace("\r\n", "\n", StringComparison.Ordinal));
            return code;
        }
    }
}
