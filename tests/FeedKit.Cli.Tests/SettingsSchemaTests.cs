using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Json.Schema;

namespace FeedKit.Cli.Tests;

/// <summary>
/// The JSON Schema of feedkit.json: shipped with the tool (<c>feedkit schema</c>, and the file beside it), accepting
/// every feedkit.json of the repository and its documentation, and naming exactly the keys the settings reader
/// accepts, so the two cannot drift apart.
/// </summary>
public sealed partial class SettingsSchemaTests
{
    private static readonly string RepositoryRoot = FindRoot();

    private static string SchemaPath => Path.Combine(RepositoryRoot, "src", "FeedKit.Cli", SettingsSchema.FileName);

    // Built once: the library keeps a global registry of schemas by $id.
    private static readonly Lazy<JsonSchema> ParsedSchema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    private static JsonSchema Schema() => ParsedSchema.Value;

    private static EvaluationResults Evaluate(string json) =>
        Schema().Evaluate(JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FeedKit.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("FeedKit.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every feedkit.json in the repository (not in build output).</summary>
    public static TheoryData<string> SettingsFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot, "feedkit.json", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or ".git"))
            .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryRoot, file));
        }

        return data;
    }

    /// <summary>Every ```json block of the documentation that points at the schema (README.md, docs/, the packages' READMEs).</summary>
    public static TheoryData<string, int> DocumentationExamples()
    {
        var data = new TheoryData<string, int>();
        foreach (var (file, index, _) in Examples())
        {
            data.Add(file, index);
        }

        return data;
    }

    private static IEnumerable<(string File, int Index, string Json)> Examples()
    {
        var files = new[] { "README.md", "CHANGELOG.md" }.Select(f => Path.Combine(RepositoryRoot, f))
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "docs"), "*.md", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "src"), "README.md", SearchOption.AllDirectories))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var index = 0;
            foreach (Match block in JsonBlock().Matches(File.ReadAllText(file)))
            {
                if (block.Groups[1].Value.Contains(SettingsSchema.FileName, StringComparison.Ordinal))
                {
                    yield return (Path.GetRelativePath(RepositoryRoot, file), index++, block.Groups[1].Value);
                }
            }
        }
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [Theory]
    [MemberData(nameof(SettingsFiles))]
    public void The_schema_accepts_every_settings_file_of_the_repository(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot, file));
        var result = Evaluate(text);
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.Contains(SettingsSchema.FileName, text, StringComparison.Ordinal);
        Settings.Load(Path.Combine(RepositoryRoot, file));
    }

    [Theory]
    [MemberData(nameof(DocumentationExamples))]
    public void The_schema_and_the_reader_accept_every_settings_example_of_the_documentation(string file, int index)
    {
        var json = Examples().Single(e => e.File == file && e.Index == index).Json;
        var result = Evaluate(json);
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        using var folder = new TempFolder();
        Settings.Load(folder.Write("feedkit.json", json));
    }

    [Fact]
    public void The_documentation_has_settings_examples()
    {
        Assert.Contains(Examples(), e => e.File == "README.md");
        Assert.Contains(Examples(), e => e.File == Path.Combine("docs", "cli.md"));
    }

    [Fact]
    public void The_schema_names_exactly_the_keys_the_settings_reader_accepts()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var options = new JsonSerializerOptions(Settings.JsonOptions) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        string[] Keys(Type type) => [.. options.GetTypeInfo(type).Properties.Select(p => p.Name).Order(StringComparer.Ordinal)];
        string[] SchemaKeys(JsonNode node)
        {
            Assert.False((bool?)node["additionalProperties"] ?? true);
            return [.. node["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];
        }

        Assert.Equal(Keys(typeof(Settings)), SchemaKeys(schema));
        Assert.Equal(Keys(typeof(ArticleSettings)), SchemaKeys(schema["$defs"]!["article"]!));
        Assert.Equal(Keys(typeof(AuthorSettings)), SchemaKeys(schema["$defs"]!["author"]!));
        Assert.Equal(Keys(typeof(ChromeSettings)), SchemaKeys(schema["properties"]!["chrome"]!));

        // Every key has a description, so editors show what it does.
        foreach (var node in new[] { schema, schema["$defs"]!["article"]!, schema["$defs"]!["author"]!, schema["properties"]!["chrome"]! })
        {
            foreach (var (key, value) in node["properties"]!.AsObject())
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)value!["description"]), key);
            }
        }
    }

    [Theory]
    [InlineData("""{ "title": "T", "lang": "ar" }""")]
    [InlineData("""{ "articles": { "a": { "lang": "ar" } } }""")]
    [InlineData("""{ "articles": { "a": { "direction": "up" } } }""")]
    [InlineData("""{ "chrome": { "enabled": "no" } }""")]
    [InlineData("""{ "authors": [ { "email": "a@example.com" } ] }""")]
    [InlineData("""{ "published": "2021-06-16" }""")]
    public void The_schema_refuses_what_the_settings_refuse(string json)
    {
        Assert.False(Evaluate(json).IsValid);
    }

    [Fact]
    public void Feedkit_schema_prints_the_schema_that_ships_beside_the_tool()
    {
        var (code, output, errors) = CliRunner.Run("schema");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, errors);
        Assert.Equal(File.ReadAllText(SchemaPath), output);
        var beside = Path.Combine(Path.GetDirectoryName(typeof(FeedKitCli).Assembly.Location)!, SettingsSchema.FileName);
        Assert.Equal(File.ReadAllText(SchemaPath), File.ReadAllText(beside));

        using var folder = new TempFolder();
        var target = Path.Combine(folder.Path, "sub", SettingsSchema.FileName);
        Assert.Equal(0, CliRunner.Run("schema", "--out", target).Code);
        Assert.Equal(File.ReadAllBytes(SchemaPath), File.ReadAllBytes(target));
    }
}
