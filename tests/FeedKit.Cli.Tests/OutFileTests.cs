using System.Runtime.Versioning;
using FeedKit.Model;

namespace FeedKit.Cli.Tests;

/// <summary>
/// <c>--out</c>: a new, unguessable temporary file moved over a regular file only, keeping its mode; every failure
/// to write (a folder, a read-only place, a full disk, stdout on a full disk) is one line naming the file and exit
/// code 2, and an internal error is one line and exit code 70, never a stack trace.
/// </summary>
public sealed class OutFileTests
{
    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Out_keeps_the_mode_of_the_file_it_replaces()
    {
        using var folder = new TempFolder();
        var target = folder.Write("feed.atom", "previous");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var (code, _, errors) = CliRunner.Run("build", CliRunner.SeedDirectory, "--out", target);
        Assert.True(code == 0, errors);
        Assert.StartsWith("<?xml", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));

        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        Assert.Equal(0, CliRunner.Run("build", CliRunner.SeedDirectory, "--out", target, "--format", "rss").Code);
        Assert.Contains("<rss", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(target));
    }

    [UnixFact]
    public void Out_onto_a_symbolic_link_is_refused_and_neither_the_link_nor_its_file_changes()
    {
        using var folder = new TempFolder();
        var victim = folder.Write("victim.txt", "keep");
        var link = Path.Combine(folder.Path, "feed.atom");
        File.CreateSymbolicLink(link, victim);

        var (code, output, errors) = CliRunner.Run("build", CliRunner.SeedDirectory, "--out", link);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"error: cannot write {link}: Cannot replace '{link}': it is a symbolic link, not a regular file.\n", errors);
        Assert.Equal(victim, new FileInfo(link).LinkTarget);
        Assert.Equal("keep", File.ReadAllText(victim));
        Assert.Equal(["feed.atom", "victim.txt"], folder.FileNames());

        // The stylesheet's --out is the same code.
        var stylesheet = CliRunner.Run("stylesheet", "--out", link);
        Assert.Equal(2, stylesheet.Code);
        Assert.Contains("symbolic link", stylesheet.Err, StringComparison.Ordinal);
        Assert.Equal(victim, new FileInfo(link).LinkTarget);
    }

    [UnixFact]
    public void Out_onto_a_named_pipe_or_a_folder_is_refused()
    {
        using var folder = new TempFolder();
        var pipe = Path.Combine(folder.Path, "feed.atom");
        CliRunner.Exec("mkfifo", pipe);
        var (code, _, errors) = CliRunner.Run("build", CliRunner.SeedDirectory, "--out", pipe);
        Assert.Equal(2, code);
        Assert.Equal($"error: cannot write {pipe}: Cannot replace '{pipe}': it is a device, a pipe or a socket, not a regular file.\n", errors);
        Assert.Equal(["feed.atom"], folder.FileNames());
        Assert.Equal(0, new FileInfo(pipe).Length);

        (code, _, errors) = CliRunner.Run("build", CliRunner.SeedDirectory, "--out", folder.Path);
        Assert.Equal(2, code);
        Assert.Equal($"error: cannot write {folder.Path}: Cannot replace '{folder.Path}': it is a directory, not a regular file.\n", errors);
    }

    [UnixFact]
    public void A_file_planted_under_the_old_guessable_temporary_name_is_left_alone()
    {
        using var folder = new TempFolder();
        var victim = folder.Write("victim.txt", "keep");
        var target = folder.Write("feed.atom", "previous");

        // The name the temporary file used to have: a link there made --out overwrite the file it points to.
        var planted = Path.Combine(folder.Path, $".feed.atom.{Environment.ProcessId}.tmp");
        File.CreateSymbolicLink(planted, victim);

        var (code, _, errors) = CliRunner.Run("build", CliRunner.SeedDirectory, "--out", target);
        Assert.True(code == 0, errors);
        Assert.Equal("keep", File.ReadAllText(victim));
        Assert.StartsWith("<?xml", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Equal(victim, new FileInfo(planted).LinkTarget);
        Assert.Equal([Path.GetFileName(planted), "feed.atom", "victim.txt"], folder.FileNames());
    }

    [Fact]
    public void An_empty_out_is_a_usage_error()
    {
        var (code, output, errors) = CliRunner.Run("build", CliRunner.SeedDirectory, "--out", "");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal("error: --out: the file name is empty\n", errors);
    }

    [UnixFact(Linux = true)]
    [UnsupportedOSPlatform("windows")]
    public void Out_in_a_folder_that_cannot_be_written_names_the_file()
    {
        using var folder = new TempFolder();
        var readOnly = Path.Combine(folder.Path, "read-only");
        Directory.CreateDirectory(readOnly);
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        // Root may write in a read-only folder; nobody may create a file in /sys.
        var target = Path.Combine(CanCreateFileIn(readOnly) ? "/sys" : readOnly, "feedkit-test.atom");
        try
        {
            var (code, output, errors) = CliRunner.Run("build", CliRunner.SeedDirectory, "--out", target);
            Assert.Equal(2, code);
            Assert.Equal(string.Empty, output);
            Assert.StartsWith($"error: cannot write {target}: Access to the path '", errors, StringComparison.Ordinal);
            Assert.EndsWith("' is denied.\n", errors, StringComparison.Ordinal);
            Assert.False(File.Exists(target));
        }
        finally
        {
            File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void A_full_disk_names_the_file_exits_2_and_leaves_the_previous_file()
    {
        using var folder = new TempFolder();
        var target = folder.Write("feed.atom", "previous");

        // The library's own WriteToFileAsync, whose writes fail after the first article as on a full disk.
        var context = new CliContext
        {
            WriteFile = (writer, feed, path, cancellationToken) => writer.WriteToFileAsync(new Feed(feed.Info with { Updated = feed.Updated }, FailAfterFirst(feed.Articles.ToAsyncEnumerable())), path, cancellationToken),
        };
        var (code, output, errors) = CliRunner.Run(context, "build", CliRunner.SeedDirectory, "--out", target);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"error: cannot write {target}: No space left on device\n", errors);
        Assert.Equal("previous", File.ReadAllText(target));
        Assert.Equal(["feed.atom"], folder.FileNames());
    }

    [Fact]
    public void Stdout_on_a_full_disk_names_stdout_and_exits_2()
    {
        var stderr = new StringWriter { NewLine = "\n" };
        var code = FeedKitCli.Run(["build", CliRunner.SeedDirectory], new FullStream(), stderr, new CliContext());
        Assert.Equal(2, code);
        Assert.Equal("error: cannot write the feed to stdout: No space left on device\n", stderr.ToString());
    }

    [UnixFact(Linux = true)]
    public void As_a_process_stdout_on_dev_full_is_a_message_and_exit_2_not_an_abort()
    {
        var (code, errors) = CliRunner.RunProcessWithStdout("/dev/full", "build", CliRunner.SeedDirectory);
        Assert.Equal(2, code);
        Assert.Equal("error: cannot write the feed to stdout: No space left on device\n", errors.ReplaceLineEndings("\n"));

        (code, errors) = CliRunner.RunProcessWithStdout("/dev/full", "--help");
        Assert.Equal(2, code);
        Assert.Equal("error: cannot write: No space left on device\n", errors.ReplaceLineEndings("\n"));

        (code, errors) = CliRunner.RunProcessWithStdout("/dev/full", "stylesheet");
        Assert.Equal(2, code);
        Assert.Equal("error: cannot write the stylesheet to stdout: No space left on device\n", errors.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_internal_error_is_one_line_and_exit_70()
    {
        using var folder = new TempFolder();
        var context = new CliContext { WriteFile = (_, _, _, _) => throw new InvalidOperationException("the writer broke") };
        var (code, _, errors) = CliRunner.Run(context, "build", CliRunner.SeedDirectory, "--out", Path.Combine(folder.Path, "feed.atom"));
        Assert.Equal(70, code);
        Assert.Equal("feedkit: internal error: the writer broke\n", errors);
    }

    private static bool CanCreateFileIn(string folder)
    {
        try
        {
            File.WriteAllText(Path.Combine(folder, "probe"), string.Empty);
            File.Delete(Path.Combine(folder, "probe"));
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static async IAsyncEnumerable<Article> FailAfterFirst(IAsyncEnumerable<Article> articles)
    {
        await foreach (var article in articles)
        {
            yield return article;
            throw new IOException("No space left on device");
        }
    }

    /// <summary>What <c>/dev/full</c> is: every write fails.</summary>
    private sealed class FullStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device");

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
