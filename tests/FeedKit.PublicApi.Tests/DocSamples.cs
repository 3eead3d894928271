using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using FeedKit.PublicApi.Tests.Context;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FeedKit.PublicApi.Tests;

/// <summary>How a documentation sample is compiled (see <see cref="DocSampleTests"/> for the convention).</summary>
internal enum SampleMode
{
    /// <summary>The default: compiled with the names of <see cref="DocSampleContext"/> and the page's usings.</summary>
    Fragment,

    /// <summary><c>&lt;!-- sample: standalone --&gt;</c>: a whole console program, compiled alone.</summary>
    Standalone,

    /// <summary><c>&lt;!-- sample: standalone web --&gt;</c>: a whole ASP.NET Core program, compiled alone.</summary>
    StandaloneWeb,

    /// <summary><c>&lt;!-- sample: skip REASON --&gt;</c>: not compiled, for the reason given.</summary>
    Skip,

    /// <summary>A marker this convention does not know, or one that is not right before a C# block.</summary>
    Invalid,
}

/// <summary>One fenced C# block of a Markdown file.</summary>
/// <param name="File">The Markdown file, relative to the repository (forward slashes).</param>
/// <param name="Index">1 for the file's first C# block, 2 for the second...</param>
/// <param name="Line">The line of the block's first line of code (1-based).</param>
/// <param name="Code">The code, without the fences and the fence's indentation.</param>
/// <param name="Mode">How it is compiled, from the marker before the fence.</param>
/// <param name="Note">The skip reason (null when none is given), or what is wrong with the marker.</param>
internal sealed record DocSample(string File, int Index, int Line, string Code, SampleMode Mode, string? Note)
{
    /// <summary>The block's first line that is not blank.</summary>
    public string FirstLine => Code.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;

    public override string ToString() => $"{File}:{Line} (C# block {Index})";
}

/// <summary>
/// Finds the C# blocks in the documentation and compiles them with Roslyn against the runtime's assemblies (the
/// trusted platform assemblies: .NET and the ASP.NET Core shared framework), FeedKit, FeedKit.AspNetCore and
/// FeedKit.Markdown.
/// </summary>
internal static partial class DocSamples
{
    /// <summary>The implicit usings of a console project (Microsoft.NET.Sdk).</summary>
    public static readonly ImmutableArray<string> ConsoleUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading",
        "System.Threading.Tasks",
    ];

    /// <summary>The implicit usings of a web project (Microsoft.NET.Sdk.Web).</summary>
    public static readonly ImmutableArray<string> WebUsings =
    [
        .. ConsoleUsings, "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration",
        "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    /// <summary>
    /// The usings a fragment without using directives of its own gets: every namespace of FeedKit, FeedKit.AspNetCore
    /// and FeedKit.Markdown, and the ASP.NET Core features the pages show (MVC, output caching, response compression).
    /// </summary>
    public static ImmutableArray<string> FragmentUsings { get; } =
    [
        .. FeedKitAssemblies()
            .SelectMany(a => a.GetExportedTypes())
            .Select(t => t.Namespace!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
        "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.OutputCaching", "Microsoft.AspNetCore.ResponseCompression",
        "System.Globalization",
    ];

    /// <summary>The Markdown files whose C# blocks are compiled: the READMEs, docs/ (not the generated API pages) and the
    /// packages' READMEs under src/.</summary>
    public static IEnumerable<string> MarkdownFiles()
    {
        var root = MarkdownLinks.RepositoryRoot;
        return Directory.EnumerateFiles(root, "*.md")
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src"), "*.md", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("docs/api/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)
                && !f.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Every C# block of every documentation file.</summary>
    public static IEnumerable<DocSample> All() =>
        MarkdownFiles().SelectMany(f => Find(File.ReadAllText(Path.Combine(MarkdownLinks.RepositoryRoot, f)), f));

    /// <summary>
    /// The fenced blocks whose info string is <c>csharp</c>, <c>cs</c> or <c>c#</c>, each with the marker on the last
    /// non-blank line before its fence, if any. A marker that precedes no C# block is returned too, as an
    /// <see cref="SampleMode.Invalid"/> sample with index 0 and a note, so that it is not ignored silently.
    /// </summary>
    public static IReadOnlyList<DocSample> Find(string markdown, string file)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var samples = new List<DocSample>();
        var index = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var open = OpeningFence().Match(lines[i]);
            if (!open.Success)
            {
                if (Marker().IsMatch(lines[i]) && !MarkerPrecedesCSharp(lines, i))
                {
                    samples.Add(new DocSample(file, 0, i + 1, lines[i].Trim(), SampleMode.Invalid,
                        "this sample marker is not right before a C# code block"));
                }

                continue;
            }

            var indent = open.Groups["indent"].Length;
            var fence = open.Groups["fence"].Value;
            var code = new StringBuilder();
            var start = i + 1;
            for (i++; i < lines.Length && !IsClosingFence(lines[i], fence); i++)
            {
                var line = lines[i];
                var strip = 0;
                while (strip < indent && strip < line.Length && line[strip] == ' ')
                {
                    strip++;
                }

                code.Append(line, strip, line.Length - strip).Append('\n');
            }

            if (IsCSharp(open.Groups["info"].Value))
            {
                index++;
                var (mode, note) = ReadMarker(lines, start - 1);
                samples.Add(new DocSample(file, index, start + 1, code.ToString(), mode, note));
            }
        }

        return samples;
    }

    /// <summary>
    /// Compiles <paramref name="sample"/> as its mode says (a fragment with the types declared by the C# blocks before
    /// it in the same file, <paramref name="earlier"/>), and returns the errors and warnings in the sample itself (warnings too,
    /// as the repository builds with TreatWarningsAsErrors), each with the Markdown file and line.
    /// </summary>
    public static IReadOnlyList<string> Errors(DocSample sample, IEnumerable<DocSample> earlier)
    {
        var trees = new List<SyntaxTree>
        {
            Parse(string.Join('\n', (sample.Mode == SampleMode.Standalone ? ConsoleUsings : WebUsings).Select(u => $"global using {u};")),
                "ImplicitUsings.g.cs"),
        };
        var own = Parse(Source(sample, sample.Code, sample.Mode != SampleMode.Standalone && sample.Mode != SampleMode.StandaloneWeb), sample.File);
        trees.Add(own);
        if (sample.Mode == SampleMode.Fragment)
        {
            // The types of the blocks above, the latest declaration of a name winning (a page may show a type again,
            // grown), each block in a file of its own with its own usings.
            var declared = TypeDeclarations(own.GetCompilationUnitRoot()).Select(Name).ToHashSet(StringComparer.Ordinal);
            foreach (var before in earlier
                         .Where(b => b.File == sample.File && b.Index < sample.Index && b.Mode is not (SampleMode.Skip or SampleMode.Invalid))
                         .OrderByDescending(b => b.Index))
            {
                var declarations = DeclarationsOnly(before.Code, declared);
                if (declarations is not null)
                {
                    trees.Add(Parse(Source(before, declarations, context: true), before.File));
                }
            }
        }

        var hasStatements = own.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            "DocSample",
            trees,
            References.Value,
            new CSharpCompilationOptions(
                hasStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && (!d.Location.IsInSource || d.Location.SourceTree == own))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(Format)
            .ToList();
    }

    /// <summary>The sample's code as a file: the usings it gets, then the code, with <c>#line</c> pointing into the
    /// Markdown file.</summary>
    private static string Source(DocSample sample, string code, bool context)
    {
        var text = new StringBuilder();
        if (context)
        {
            text.Append("using ").Append(typeof(DocSampleContext).Namespace).Append(";\n");
            text.Append("using static ").Append(typeof(DocSampleContext).FullName).Append(";\n");
            if (!HasUsings(code))
            {
                foreach (var u in FragmentUsings)
                {
                    text.Append("using ").Append(u).Append(";\n");
                }
            }
        }

        text.Append("#line ").Append(sample.Line).Append(" \"").Append(sample.File).Append("\"\n");
        text.Append(code);
        return text.ToString();
    }

    private static SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.CSharp14), path, Encoding.UTF8);

    private static bool HasUsings(string code) =>
        CSharpSyntaxTree.ParseText(code).GetCompilationUnitRoot().Usings.Count > 0;

    /// <summary>
    /// The code with its top-level statements and the types named in <paramref name="declared"/> blanked out (lines
    /// kept), or null when no type is left; the names of the types left are added to <paramref name="declared"/>.
    /// </summary>
    private static string? DeclarationsOnly(string code, HashSet<string> declared)
    {
        var root = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.CSharp14)).GetCompilationUnitRoot();
        var kept = TypeDeclarations(root).Where(t => !declared.Contains(Name(t))).ToList();
        if (kept.Count == 0)
        {
            return null;
        }

        var text = code.ToCharArray();
        foreach (var member in root.Members.Where(m => !kept.Contains(m)))
        {
            for (var i = member.FullSpan.Start; i < member.FullSpan.End; i++)
            {
                if (text[i] is not ('\n' or '\r'))
                {
                    text[i] = ' ';
                }
            }
        }

        declared.UnionWith(kept.Select(Name));
        return new string(text);
    }

    /// <summary>The types (classes, records, structs, interfaces, enums, delegates) declared at the top of a block.</summary>
    private static IEnumerable<MemberDeclarationSyntax> TypeDeclarations(CompilationUnitSyntax root) =>
        root.Members.Where(m => m is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax);

    private static string Name(MemberDeclarationSyntax type) => type switch
    {
        BaseTypeDeclarationSyntax t => t.Identifier.ValueText,
        DelegateDeclarationSyntax d => d.Identifier.ValueText,
        _ => throw new ArgumentException("not a type declaration", nameof(type)),
    };

    private static string Format(Diagnostic d)
    {
        if (!d.Location.IsInSource)
        {
            return $"{Severity(d)} {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        var span = d.Location.GetMappedLineSpan();
        return $"{span.Path}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}: {Severity(d)} {d.Id}: "
            + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Severity(Diagnostic d) => d.Severity == DiagnosticSeverity.Error ? "error" : "warning";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(FeedKitAssemblies().Select(a => a.Location))
            .Append(typeof(DocSampleContext).Assembly.Location);
        return [.. paths
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(p => MetadataReference.CreateFromFile(p))];
    });

    private static IEnumerable<System.Reflection.Assembly> FeedKitAssemblies() =>
    [
        typeof(FeedKit.Model.Feed).Assembly,
        typeof(FeedKit.AspNetCore.FeedSource).Assembly,
        typeof(FeedKit.Markdown.MarkdownArticleReader).Assembly,
    ];

    private static bool IsCSharp(string info) =>
        info.Equals("csharp", StringComparison.OrdinalIgnoreCase) || info.Equals("cs", StringComparison.OrdinalIgnoreCase)
        || info.Equals("c#", StringComparison.OrdinalIgnoreCase);

    private static bool IsClosingFence(string line, string fence)
    {
        var trimmed = line.TrimStart(' ');
        return trimmed.Length > 0 && trimmed[0] == fence[0] && trimmed.TrimEnd().All(c => c == fence[0])
            && trimmed.TrimEnd().Length >= fence.Length;
    }

    private static bool MarkerPrecedesCSharp(string[] lines, int markerLine)
    {
        var next = markerLine + 1;
        while (next < lines.Length && lines[next].Trim().Length == 0)
        {
            next++;
        }

        if (next >= lines.Length)
        {
            return false;
        }

        var open = OpeningFence().Match(lines[next]);
        return open.Success && IsCSharp(open.Groups["info"].Value);
    }

    /// <summary>The marker on the last non-blank line before the fence at <paramref name="fenceLine"/>.</summary>
    private static (SampleMode Mode, string? Note) ReadMarker(string[] lines, int fenceLine)
    {
        var i = fenceLine - 1;
        while (i >= 0 && lines[i].Trim().Length == 0)
        {
            i--;
        }

        if (i < 0)
        {
            return (SampleMode.Fragment, null);
        }

        var marker = Marker().Match(lines[i]);
        if (!marker.Success)
        {
            return (SampleMode.Fragment, null);
        }

        var spec = marker.Groups["spec"].Value.Trim();
        if (spec == "standalone")
        {
            return (SampleMode.Standalone, null);
        }

        if (spec == "standalone web")
        {
            return (SampleMode.StandaloneWeb, null);
        }

        if (spec.StartsWith("skip", StringComparison.Ordinal))
        {
            var reason = spec["skip".Length..].Trim(' ', ':');
            return (SampleMode.Skip, reason.Length == 0 ? null : reason);
        }

        return (SampleMode.Invalid, $"unknown sample marker \"{spec}\" (standalone, standalone web or skip REASON)");
    }

    [GeneratedRegex(@"^(?<indent> *)(?<fence>`{3,}|~{3,})\s*(?<info>[^\s`]*)")]
    private static partial Regex OpeningFence();

    [GeneratedRegex(@"^\s*<!--\s*sample:(?<spec>.*?)-->\s*$")]
    private static partial Regex Marker();
}
