namespace FeedKit.Cli.Tests;

/// <summary>The help texts, pinned: examples and exit codes included, wrapped at a fixed width.</summary>
public sealed class HelpTests
{
    [Fact]
    public async Task Root_help()
    {
        var (code, output, errors) = CliRunner.Run("--help");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, errors);
        await Verifier.Verify(output, "txt");
    }

    [Fact]
    public async Task Build_help()
    {
        var (code, output, _) = CliRunner.Run("build", "--help");
        Assert.Equal(0, code);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
        await Verifier.Verify(output, "txt");
    }

    [Fact]
    public async Task Lint_help()
    {
        var (code, output, _) = CliRunner.Run("lint", "-h");
        Assert.Equal(0, code);
        await Verifier.Verify(output, "txt");
    }

    [Theory]
    [InlineData(new string[0], "Required command was not provided", "Run 'feedkit --help'")]
    [InlineData(new[] { "build" }, "Required argument missing", "Run 'feedkit build --help'")]
    [InlineData(new[] { "publish", "x" }, "unknown command 'publish'; the commands are build, lint, stylesheet, schema", "Run 'feedkit --help'")]
    public void Usage_errors_exit_2_and_point_to_help(string[] args, string message, string hint)
    {
        var (code, output, errors) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(message, errors, StringComparison.Ordinal);
        Assert.Contains(hint, errors, StringComparison.Ordinal);
    }
}
