using System.Diagnostics;
using System.Text;

namespace FeedKit.Cli.Tests;

/// <summary>Runs <c>feedkit</c> in-process (through <see cref="FeedKitCli"/>) or as a real process.</summary>
internal static class CliRunner
{
    public static string SeedDirectory => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static string SeedFile => Path.Combine(SeedDirectory, "000_0a1375d98b8308ea.txt");

    public static (int Code, string Out, string Err) Run(params string[] args) => Run(new CliContext(), args);

    public static (int Code, string Out, string Err) Run(CliContext context, params string[] args)
    {
        using var stdout = new MemoryStream();
        var stderr = new StringWriter { NewLine = "\n" };
        var code = FeedKitCli.Run(args, stdout, stderr, context);
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    /// <summary>
    /// Runs the built tool (<c>FeedKit.Cli.dll</c>, beside the tests) with <c>dotnet</c>, its stdout and stderr
    /// redirected (so stderr is not a terminal), in <paramref name="workingDirectory"/>.
    /// </summary>
    public static (int Code, byte[] Out, string Err) RunProcess(string? workingDirectory, params string[] args)
    {
        var tool = typeof(FeedKitCli).Assembly.Location;
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var stdout = new MemoryStream();
        var stderrTask = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(stdout);
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"feedkit {string.Join(' ', args)} did not finish in 2 minutes");
        }

        return (process.ExitCode, stdout.ToArray(), stderrTask.GetAwaiter().GetResult());
    }

    /// <summary>Starts the built tool with <c>dotnet</c>, its output redirected, and returns at once.</summary>
    public static Process StartProcess(string? workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(FeedKitCli).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs the built tool with its stdout sent to <paramref name="stdoutPath"/> (such as <c>/dev/full</c>) by <c>sh</c>.</summary>
    public static (int Code, string Err) RunProcessWithStdout(string stdoutPath, params string[] args)
    {
        var start = new ProcessStartInfo("sh")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("out=$1; shift; exec \"$FEEDKIT_DOTNET\" exec \"$FEEDKIT_TOOL\" \"$@\" > \"$out\"");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(stdoutPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["FEEDKIT_DOTNET"] = DotnetHost();
        start.Environment["FEEDKIT_TOOL"] = typeof(FeedKitCli).Assembly.Location;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"feedkit {string.Join(' ', args)} > {stdoutPath} did not finish in 2 minutes");
        }

        return (process.ExitCode, stderr);
    }

    /// <summary>Runs a program and waits for it (<c>mkfifo</c>, <c>kill</c>); fails the test when it fails.</summary>
    public static void Exec(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)}: exit {process.ExitCode}: {stderr}");
        }
    }

    private static string DotnetHost()
    {
        var root = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(root) && File.Exists(root))
        {
            return root;
        }

        return Process.GetCurrentProcess().MainModule?.FileName is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? self
            : "dotnet";
    }
}

/// <summary>A temporary folder, deleted at the end of the test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("feedkit-cli-").FullName;

    public string Path { get; }

    public string Write(string name, string content)
    {
        var full = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content, new UTF8Encoding(false));
        return full;
    }

    public string[] FileNames() => [.. Directory.GetFiles(Path).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal)!];

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
