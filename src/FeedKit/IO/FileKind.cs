using System.Runtime.InteropServices;

namespace FeedKit.IO;

/// <summary>What a path names.</summary>
internal enum FileKind
{
    /// <summary>Nothing (or nothing that can be looked at).</summary>
    Missing,

    /// <summary>A regular file.</summary>
    RegularFile,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link (only when links are not followed).</summary>
    SymbolicLink,

    /// <summary>A device, a named pipe or a socket.</summary>
    Other,
}

/// <summary>
/// Tells a regular file from a link, a directory, a device or a pipe, which <see cref="FileInfo"/> cannot: on Unix
/// with <c>stat</c>/<c>lstat</c> through the runtime's own native shim (its <c>FileStatus</c> starts with
/// <c>Flags</c> and <c>Mode</c>, and the mode's type bits are the shim's portable <c>S_IF*</c> values).
/// </summary>
internal static class FileKinds
{
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;
    private const int DirectoryType = 0x4000;
    private const int LinkType = 0xA000;

    /// <summary>What <paramref name="path"/> names.</summary>
    /// <param name="path">The path.</param>
    /// <param name="followLink">Whether a symbolic link at the end of the path is followed (<c>stat</c>) or reported (<c>lstat</c>).</param>
    /// <returns>The kind of the file.</returns>
    public static FileKind Of(string path, bool followLink)
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                var found = (followLink ? Stat(path, out var status) : LStat(path, out status)) == 0;
                return !found ? FileKind.Missing : (status.Mode & TypeMask) switch
                {
                    RegularType => FileKind.RegularFile,
                    DirectoryType => FileKind.Directory,
                    LinkType => FileKind.SymbolicLink,
                    _ => FileKind.Other,
                };
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // No shim (an unusual host): what FileSystemInfo can tell.
            }
        }

        FileSystemInfo info = new FileInfo(path);
        if (!followLink && info.Exists && info.LinkTarget is not null)
        {
            return FileKind.SymbolicLink;
        }

        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        return File.Exists(path) ? FileKind.RegularFile : FileKind.Missing;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);

    /// <summary>The leading fields of the shim's <c>FileStatus</c>; the rest is room it writes into.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }
}
