using FeedKit.IO;

namespace FeedKit.Cli;

/// <summary>
/// The JSON Schema of <c>feedkit.json</c> (<c>feedkit.schema.json</c>), built into the tool and also beside it in the
/// package, so that editors complete and check the settings (<c>"$schema": "./feedkit.schema.json"</c>). A test
/// checks that it names exactly the keys <see cref="Settings"/> reads.
/// </summary>
internal static class SettingsSchema
{
    public const string FileName = "feedkit.schema.json";

    /// <summary>The schema's bytes (UTF-8, no byte order mark, <c>\n</c> line ends).</summary>
    public static byte[] Bytes()
    {
        using var stream = typeof(SettingsSchema).Assembly.GetManifestResourceStream(FileName)
            ?? throw new InvalidOperationException($"{FileName} is not built into the tool");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary><c>feedkit schema</c>: to <paramref name="path"/> (atomically), or to stdout.</summary>
    public static int Write(string? path, Stream stdout, CancellationToken cancellationToken)
    {
        var bytes = Bytes();
        if (path is null)
        {
            try
            {
                stdout.Write(bytes);
                stdout.Flush();
            }
            catch (IOException e)
            {
                throw new CliException($"cannot write the schema to stdout: {e.Message}");
            }

            return ExitCodes.Ok;
        }

        try
        {
            BuildCommand.CreateFolderOf(path);
            AtomicFile.WriteAsync(path, (stream, ct) => stream.WriteAsync(bytes, ct).AsTask(), cancellationToken).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"cannot write {path}: {e.Message}");
        }

        return ExitCodes.Ok;
    }
}
