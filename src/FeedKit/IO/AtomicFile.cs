namespace FeedKit.IO;

/// <summary>
/// Replaces a file all at once, for <see cref="Formats.FeedWriter.WriteToFileAsync"/> and the command line's
/// <c>--out</c>: the content goes to a new temporary file beside the target, which is moved over the target only
/// when complete, so readers see the old file or the new one, never a part.
/// </summary>
/// <remarks>
/// The temporary file has an unpredictable name (<c>.NAME.RANDOM.tmp</c>) and is created exclusively, so a file
/// or a link planted under that name is never opened or overwritten. The new file keeps the target's Unix mode
/// (a <c>600</c> file stays <c>600</c>). Only a regular file is replaced: a symbolic link, a directory, a device
/// or a pipe at the target is refused with an <see cref="IOException"/>. A failure or a cancellation deletes the
/// temporary file and leaves the target as it was.
/// </remarks>
internal static class AtomicFile
{
    /// <summary>Writes a file through a temporary file and moves it into place.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="write">Writes the content into the stream it is given (it need not flush).</param>
    /// <param name="cancellationToken">Stops the writing; the target is then left as it was.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    /// <exception cref="IOException">The target is not a regular file, or the file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory cannot be written to.</exception>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        var full = Path.GetFullPath(path);
        var name = Path.GetFileName(full);
        if (name.Length == 0)
        {
            throw new IOException($"Cannot write '{full}': it names a directory, not a file.");
        }

        var mode = ModeToKeep(full);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{name}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
        };
        if (mode is { } createMode && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = createMode & (UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        }

        var stream = new FileStream(temporary, options);
        var done = false;
        try
        {
            await using (stream.ConfigureAwait(false))
            {
                if (mode is { } keep && !OperatingSystem.IsWindows())
                {
                    // Exactly the target's mode, whatever the umask took away at creation.
                    File.SetUnixFileMode(stream.SafeFileHandle, keep);
                }

                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            cancellationToken.ThrowIfCancellationRequested();
            ModeToKeep(full);
            File.Move(temporary, full, overwrite: true);
            done = true;
        }
        finally
        {
            if (!done)
            {
                try
                {
                    File.Delete(temporary);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The first failure is the one to report.
                }
            }
        }
    }

    /// <summary>The mode of the file to replace, null when there is none; throws when it is not a regular file.</summary>
    private static UnixFileMode? ModeToKeep(string full)
    {
        var kind = FileKinds.Of(full, followLink: false);
        if (kind == FileKind.Missing)
        {
            return null;
        }

        if (kind != FileKind.RegularFile)
        {
            var what = kind switch
            {
                FileKind.Directory => "a directory",
                FileKind.SymbolicLink => "a symbolic link",
                _ => "a device, a pipe or a socket",
            };
            throw new IOException($"Cannot replace '{full}': it is {what}, not a regular file.");
        }

        return OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(full);
    }
}
