namespace FeedKit.PublicApi.Tests;

/// <summary>
/// Every C# code block in the documentation compiles against the current API, so a sample cannot drift from it.
/// </summary>
/// <remarks>
/// <para>
/// The blocks are the fenced blocks marked <c>csharp</c> (or <c>cs</c>, <c>c#</c>) in README.md, docs/ and the
/// packages' READMEs under src/. Each is compiled with Roslyn against the test's runtime (.NET and ASP.NET Core's
/// shared framework), FeedKit, FeedKit.AspNetCore and FeedKit.Markdown; any compiler error fails its row, with the
/// Markdown file and line. Warnings fail it too, as the repository builds with TreatWarningsAsErrors (an
/// <c>[Obsolete]</c> member in a sample is drift as well). The convention:
/// </para>
/// <list type="bullet">
/// <item>A block is a <b>fragment</b> by default: top-level statements, type declarations or both, compiled with the
/// implicit usings of a web project and the names in <see cref="Context.DocSampleContext"/> (<c>app</c>,
/// <c>builder</c>, <c>info</c>, <c>db</c>, <c>ct</c>... the variables a page takes from "your" application).</item>
/// <item>A block without using directives also gets every FeedKit namespace and the ASP.NET Core ones the pages use
/// (<see cref="DocSamples.FragmentUsings"/>); a block that shows using directives gets only its own, so the usings
/// it shows are complete.</item>
/// <item>Types declared by a block are visible to the later fragments of the same file (a record defined above and
/// used below); when a page declares a type again, the latest declaration counts.</item>
/// <item><c>&lt;!-- sample: standalone --&gt;</c> on the last non-blank line before the fence: a whole console
/// program, compiled alone (implicit usings of a console project, no context); <c>&lt;!-- sample: standalone web
/// --&gt;</c> the same for a web project.</item>
/// <item><c>&lt;!-- sample: skip REASON --&gt;</c>: not compiled; the reason is required. Use it rarely: a sample
/// should compile.</item>
/// </list>
/// <para>Markers are HTML comments, so GitHub, package pages and docfx do not show them. A marker this convention does
/// not know, or one that is not right before a C# block, fails the test.</para>
/// </remarks>
public sealed class DocSampleTests
{
    public static TheoryData<string, int, string> Samples()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var sample in DocSamples.All())
        {
            data.Add(sample.File, sample.Index, sample.FirstLine);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_csharp_block_in_the_docs_compiles(string file, int index, string firstLine)
    {
        var inFile = DocSamples.All().Where(s => s.File == file).ToList();
        var sample = inFile.First(s => s.Index == index && s.FirstLine == firstLine);
        Assert.False(sample.Mode == SampleMode.Invalid, $"{file}:{sample.Line}: {sample.Note}");
        if (sample.Mode == SampleMode.Skip)
        {
            Assert.False(string.IsNullOrWhiteSpace(sample.Note), $"{sample}: a skipped sample must say why (<!-- sample: skip REASON -->)");
            return;
        }

        var errors = DocSamples.Errors(sample, inFile);
        Assert.True(errors.Count == 0, $"{sample} does not compile ({sample.Mode}; starts \"{firstLine}\"):\n  " + string.Join("\n  ", errors));
    }

    [Fact]
    public void The_scan_finds_the_blocks_of_the_docs_and_of_every_package_readme()
    {
        var files = DocSamples.All().Where(s => s.Index > 0).GroupBy(s => s.File).ToDictionary(g => g.Key, g => g.Count());
        foreach (var file in new[] { "docs/index.md", "docs/aspnetcore.md", "docs/extensions.md", "src/FeedKit/README.md",
                     "src/FeedKit.AspNetCore/README.md", "src/FeedKit.Markdown/README.md" })
        {
            Assert.True(files.GetValueOrDefault(file) > 0, $"no C# block found in {file}");
        }

        Assert.True(files.Values.Sum() >= 30, $"only {files.Values.Sum()} C# blocks found");
        Assert.Contains(DocSamples.All(), s => s.Mode == SampleMode.Standalone);
    }

    [Fact]
    public void A_broken_block_is_reported_with_its_file_and_line()
    {
        var markdown = """
            # Page

            ```csharp
            app.MapFeed("/feed", info, ct => db.ArticlesAsync(ct));
            app.MapFeeds("/other", info, ct => db.ArticlesAsync(ct));
            string title = null;
            Console.WriteLine(title);
            ```
            """;
        var sample = Assert.Single(DocSamples.Find(markdown, "docs/broken.md"));
        Assert.Equal(4, sample.Line);
        Assert.Equal(SampleMode.Fragment, sample.Mode);
        var problems = DocSamples.Errors(sample, []);
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("docs/broken.md:5:5: error CS1061:", problems[0], StringComparison.Ordinal);
        Assert.Contains("MapFeeds", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("docs/broken.md:6:16: warning CS8600:", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_standalone_block_gets_no_context_and_a_block_with_usings_only_its_own()
    {
        var markdown = """
            <!-- sample: standalone -->
            ```csharp
            using FeedKit.Model;

            Console.WriteLine(info.Title);
            ```

            ```csharp
            using FeedKit;

            var writer = FeedWriter.Create(FeedFormat.Json);
            ```

            ```csharp
            var writer = FeedWriter.Create(FeedFormat.Json);
            ```
            """;
        var samples = DocSamples.Find(markdown, "docs/usings.md");
        Assert.Equal([SampleMode.Standalone, SampleMode.Fragment, SampleMode.Fragment], samples.Select(s => s.Mode));

        var standalone = Assert.Single(DocSamples.Errors(samples[0], samples));
        Assert.StartsWith("docs/usings.md:5:", standalone, StringComparison.Ordinal);
        Assert.Contains("'info'", standalone, StringComparison.Ordinal);

        var ownUsings = Assert.Single(DocSamples.Errors(samples[1], samples));
        Assert.StartsWith("docs/usings.md:11:", ownUsings, StringComparison.Ordinal);
        Assert.Contains("'FeedWriter'", ownUsings, StringComparison.Ordinal);

        Assert.Empty(DocSamples.Errors(samples[2], samples));
    }

    [Fact]
    public void Types_declared_by_a_block_are_visible_to_the_later_blocks_of_the_file()
    {
        var markdown = """
            ```csharp
            public sealed record Stars(int Count)
            {
                public int Broken => Count.Nope;
            }
            ```

            ```csharp
            var stars = new Stars(4);
            Console.WriteLine(stars.Count);
            ```
            """;
        var samples = DocSamples.Find(markdown, "docs/types.md");
        Assert.Contains("CS1061", Assert.Single(DocSamples.Errors(samples[0], samples)), StringComparison.Ordinal);
        Assert.Empty(DocSamples.Errors(samples[1], samples));
        Assert.Contains("'Stars'", Assert.Single(DocSamples.Errors(samples[1], [samples[1]])), StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_declared_again_replaces_the_earlier_one_and_a_standalone_block_sees_neither()
    {
        var markdown = """
            ```csharp
            public sealed record Stars(int Count);
            ```

            ```csharp
            public sealed record Stars(int Count, string Label);
            ```

            ```csharp
            var stars = new Stars(4, "four");
            ```

            <!-- sample: standalone -->
            ```csharp
            var stars = new Stars(4, "four");
            ```

            <!-- sample: standalone web -->
            ```csharp
            var app = WebApplication.Create(args);
            app.MapGet("/", () => "feeds");
            app.Run();
            ```

            <!-- sample: standalone -->
            ```csharp
            var app = WebApplication.Create(args);
            ```
            """;
        var samples = DocSamples.Find(markdown, "docs/again.md");
        Assert.Empty(DocSamples.Errors(samples[1], samples));
        Assert.Empty(DocSamples.Errors(samples[2], samples));
        Assert.Contains("'Stars'", Assert.Single(DocSamples.Errors(samples[3], samples)), StringComparison.Ordinal);
        Assert.Equal(SampleMode.StandaloneWeb, samples[4].Mode);
        Assert.Empty(DocSamples.Errors(samples[4], samples));
        Assert.Contains("'WebApplication'", Assert.Single(DocSamples.Errors(samples[5], samples)), StringComparison.Ordinal);
    }

    [Fact]
    public void Markers_are_checked()
    {
        var markdown = """
            <!-- sample: standalone please -->
            ```csharp
            var a = 1;
            ```

            <!-- sample: skip -->
            ```cs
            var b = 2;
            ```

            <!-- sample: skip shows a compiler error on purpose -->
            ```c#
            var c = ;
            ```

            <!-- sample: standalone -->
            ```sh
            dotnet test
            ```

            ```json
            { "FeedKit": {} }
            ```
            """;
        var samples = DocSamples.Find(markdown, "docs/markers.md");
        Assert.Equal(4, samples.Count);
        Assert.Equal(SampleMode.Invalid, samples[0].Mode);
        Assert.Contains("standalone please", samples[0].Note, StringComparison.Ordinal);
        Assert.Equal((SampleMode.Skip, null), (samples[1].Mode, samples[1].Note));
        Assert.Equal((SampleMode.Skip, "shows a compiler error on purpose"), (samples[2].Mode, samples[2].Note));
        Assert.Equal((SampleMode.Invalid, 0, 16), (samples[3].Mode, samples[3].Index, samples[3].Line));
        Assert.Equal([1, 2, 3], samples.Take(3).Select(s => s.Index));
    }
}
