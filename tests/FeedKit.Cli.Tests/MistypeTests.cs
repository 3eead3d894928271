using Xunit;

namespace FeedKit.Cli.Tests;

/// <summary>A mistyped command or option is reported as one, with the nearest real one (issue 13), never as a missing file.</summary>
public sealed class MistypeTests
{
    [Theory]
    [InlineData(new[] { "build", "seeds", "--lang", "ar" }, "error: unknown option --lang; did you mean --language?\nRun 'feedkit build --help' for usage.\n")]
    [InlineData(new[] { "build", "seeds", "--titel", "T" }, "error: unknown option --titel; did you mean --title?\nRun 'feedkit build --help' for usage.\n")]
    [InlineData(new[] { "lint", "seeds", "--site-ulr", "https://example.com/" }, "error: unknown option --site-ulr; did you mean --site-url?\nRun 'feedkit lint --help' for usage.\n")]
    [InlineData(new[] { "biuld", "seeds" }, "error: unknown command 'biuld'; did you mean 'build'?\nRun 'feedkit --help' for usage.\n")]
    [InlineData(new[] { "lnt", "seeds" }, "error: unknown command 'lnt'; did you mean 'lint'?\nRun 'feedkit --help' for usage.\n")]
    public void A_mistype_names_what_was_meant_and_exits_2(string[] args, string expected)
    {
        var (code, output, errors) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(expected, errors);
    }

    [Fact]
    public void A_value_that_looks_like_an_option_is_still_a_value_and_the_separator_ends_options()
    {
        var (code, _, errors) = CliRunner.Run("lint", CliRunner.SeedDirectory, "--title", "--not-an-option", "--", "--lang");
        Assert.DoesNotContain("unknown option", errors, StringComparison.Ordinal);
        Assert.NotEqual(70, code);
    }

    [Theory]
    [InlineData("""{"author": "x"}""", "$.author): unknown key \"author\" (did you mean \"authors\"?); the keys here are \"$schema\", \"articleBaseUrl\", \"articles\", \"authors\",")]
    [InlineData("""{"podcast": {"owner": {"mail": "x"}}}""", "$.podcast.owner.mail): unknown key \"mail\" (did you mean \"email\"?); the keys here are \"email\", \"name\"")]
    [InlineData("""{"articles": {"a b": {"tag": ["x"]}}}""", "unknown key \"tag\" (did you mean \"tags\"?)")]
    [InlineData("""{"title": 5}""", "$.title): \"title\" expects a string (in double quotes)")]
    [InlineData("""{"podcast": {"explicit": "yes"}}""", "$.podcast.explicit): \"explicit\" expects true or false")]
    [InlineData("""{"authors": {"name": "x"}}""", "$.authors): \"authors\" expects an array ([ … ])")]
    public void A_settings_file_error_speaks_of_keys_not_dotnet_types(string json, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("feedkit-settings-");
        try
        {
            File.Copy(Path.Combine(CliRunner.SeedDirectory, "000_0a1375d98b8308ea.txt"), Path.Combine(folder.FullName, "a.txt"));
            File.WriteAllText(Path.Combine(folder.FullName, "feedkit.json"), json);
            var (code, _, errors) = CliRunner.Run("lint", folder.FullName);
            Assert.Equal(2, code);
            Assert.Contains(expected, errors, StringComparison.Ordinal);
            Assert.DoesNotContain(".NET", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("System.", errors, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_null_author_in_the_settings_names_it_instead_of_an_internal_error()
    {
        var folder = Directory.CreateTempSubdirectory("feedkit-null-author-");
        try
        {
            File.Copy(Path.Combine(CliRunner.SeedDirectory, "000_0a1375d98b8308ea.txt"), Path.Combine(folder.FullName, "a.txt"));
            File.WriteAllText(Path.Combine(folder.FullName, "feedkit.json"), """{"title":"T","siteUrl":"https://example.com/","published":"2021-01-01T00:00:00Z","authors":[null]}""");
            var (code, _, errors) = CliRunner.Run("build", folder.FullName);
            Assert.Equal(2, code);
            Assert.Contains("authors[0]: is null", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", errors, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_unreadable_only_article_gives_its_own_error_and_no_false_one_about_the_feed()
    {
        var folder = Directory.CreateTempSubdirectory("feedkit-one-error-");
        try
        {
            File.Copy(Path.Combine(CliRunner.SeedDirectory, "feedkit.json"), Path.Combine(folder.FullName, "feedkit.json"));
            File.WriteAllText(Path.Combine(folder.FullName, "n.json"), """{"headline":"x","body":[null]}""");
            foreach (var command in new[] { "build", "lint" })
            {
                var (code, output, errors) = CliRunner.Run(command, folder.FullName);
                Assert.Equal(1, code);
                var all = errors + output;
                Assert.Contains("n.json:1:25: body[0]", all, StringComparison.Ordinal);
                Assert.DoesNotContain("feed.Updated", all, StringComparison.Ordinal);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
