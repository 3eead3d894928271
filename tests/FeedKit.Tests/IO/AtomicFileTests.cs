using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text;
using System.Text.RegularExpressions;
using FeedKit.IO;

namespace FeedKit.Tests.IO;

/// <summary>
/// The one way FeedKit replaces a file (FeedWriter.WriteToFileAsync and the command line's --out): an unguessable
/// temporary file created exclusively, the target's mode kept, only regular files replaced, nothing left behind.
/// </summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("feedkit-atomic-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task The_temporary_file_has_a_new_random_name_beside_the_target_each_time()
    {
        var target = Path.Combine(_directory.FullName, "feed.atom");
        var names = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            await AtomicFile.WriteAsync(target, (stream, _) =>
            {
                names.Add(((FileStream)stream).Name);
                return stream.WriteAsync("<feed/>"u8.ToArray()).AsTask();
            }, CancellationToken.None);
        }

        Assert.All(names, name => Assert.Equal(_directory.FullName, Path.GetDirectoryName(name)));
        Assert.All(names, name => Assert.Matches(new Regex("^\\.feed\\.atom\\.[0-9a-f]{32}\\.tmp$"), Path.GetFileName(name)));
        Assert.NotEqual(names[0], names[1]);
        Assert.Equal("<feed/>", await File.ReadAllTextAsync(target));
        Assert.Equal(["feed.atom"], _directory.GetFiles().Select(f => f.Name));
    }

    [Fact]
    public async Task A_failed_write_deletes_the_temporary_file_and_keeps_the_target()
    {
        var target = Path.Combine(_directory.FullName, "feed.atom");
        await File.WriteAllTextAsync(target, "previous");
        var error = await Assert.ThrowsAsync<IOException>(() => AtomicFile.WriteAsync(target, async (stream, ct) =>
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes("<?xml half"), ct);
            throw new IOException("No space left on device");
        }, CancellationToken.None));
        Assert.Equal("No space left on device", error.Message);
        Assert.Equal("previous", await File.ReadAllTextAsync(target));
        Assert.Equal(["feed.atom"], _directory.GetFiles().Select(f => f.Name));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task The_replaced_file_keeps_its_mode()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var target = Path.Combine(_directory.FullName, "secret.json");
        await File.WriteAllTextAsync(target, "{}");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await AtomicFile.WriteAsync(target, (stream, ct) => stream.WriteAsync("{\"a\":1}"u8.ToArray(), ct).AsTask(), CancellationToken.None);
        Assert.Equal("{\"a\":1}", await File.ReadAllTextAsync(target));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
    }

    [Fact]
    public async Task Links_directories_and_pipes_are_refused_untouched()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var victim = Path.Combine(_directory.FullName, "victim");
        await File.WriteAllTextAsync(victim, "keep");
        var link = Path.Combine(_directory.FullName, "link.atom");
        File.CreateSymbolicLink(link, victim);
        var pipe = Path.Combine(_directory.FullName, "pipe.atom");
        using (var mkfifo = Process.Start("mkfifo", [pipe]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        foreach (var (path, what) in new[] { (link, "a symbolic link"), (_directory.FullName, "a directory"), (pipe, "a device, a pipe or a socket") })
        {
            var written = false;
            var error = await Assert.ThrowsAsync<IOException>(() => AtomicFile.WriteAsync(path, (_, _) =>
            {
                written = true;
                return Task.CompletedTask;
            }, CancellationToken.None));
            Assert.Equal($"Cannot replace '{path}': it is {what}, not a regular file.", error.Message);
            Assert.False(written);
        }

        Assert.Equal(victim, new FileInfo(link).LinkTarget);
        Assert.Equal("keep", await File.ReadAllTextAsync(victim));
        Assert.Equal(["link.atom", "pipe.atom", "victim"], _directory.GetFileSystemInfos().Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Cancelling_before_the_move_leaves_the_target()
    {
        var target = Path.Combine(_directory.FullName, "feed.atom");
        await File.WriteAllTextAsync(target, "previous");
        using var cancellation = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AtomicFile.WriteAsync(target, async (stream, ct) =>
        {
            await stream.WriteAsync("<feed/>"u8.ToArray(), ct);
            await cancellation.CancelAsync();
        }, cancellation.Token));
        Assert.Equal("previous", await File.ReadAllTextAsync(target));
        Assert.Equal(["feed.atom"], _directory.GetFiles().Select(f => f.Name));
    }
}
