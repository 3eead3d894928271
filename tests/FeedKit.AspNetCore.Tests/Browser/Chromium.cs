using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace FeedKit.AspNetCore.Tests.Browser;

/// <summary>
/// A headless Chromium (Debian's <c>chromium</c>, which <c>.ci/run</c> installs) driven through its DevTools protocol
/// over a WebSocket: no package, only <see cref="ClientWebSocket"/>. One browser per instance, with a new empty
/// profile, stopped (its whole process tree) and its profile deleted on dispose.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    /// <summary>The flags of the brief: no sandbox (containers), no GPU, no network of its own besides the page.</summary>
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
    ];

    private readonly Process _process;
    private readonly DirectoryInfo _profile;
    private readonly ClientWebSocket _socket = new();
    private int _nextId;

    private Chromium(Process process, DirectoryInfo profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>The browser's path, or null when it is not installed.</summary>
    public static string? Path { get; } = Find();

    /// <summary>Why a browser test is skipped here; null where Chromium is installed.</summary>
    public static string? Missing => Path is null
        ? "chromium is not installed (Debian: apt-get install chromium; .ci/run installs it): the real-browser test of the page cannot run."
        : null;

    /// <summary>Starts the browser on a blank page, connects to it and opens <paramref name="url"/> there.</summary>
    public static async Task<Chromium> OpenAsync(Uri url, CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("feedkit-chromium-");
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException(Missing))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var flag in Flags)
        {
            start.ArgumentList.Add(flag);
        }

        start.ArgumentList.Add("--user-data-dir=" + profile.FullName);
        start.ArgumentList.Add("about:blank");
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var browser = new Chromium(process, profile);
        try
        {
            await browser.ConnectAsync(cancellationToken);
            await browser.NavigateAsync(url, cancellationToken);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Evaluates a JavaScript expression in the page (awaiting it if it is a promise) and returns its value as JSON;
    /// null while the page has no document to evaluate in yet (between navigations).
    /// </summary>
    public async Task<JsonElement?> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        JsonElement result;
        try
        {
            result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true }, cancellationToken);
        }
        catch (DevToolsException e) when (e.Message.Contains("execution context", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException("The page's script threw: " + exception.GetRawText());
        }

        return result.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : null;
    }

    /// <summary>Opens <paramref name="url"/> in the page; returns once the navigation has committed.</summary>
    public async Task NavigateAsync(Uri url, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Page.navigate", new { url = url.AbsoluteUri }, cancellationToken);
        if (result.TryGetProperty("errorText", out var error))
        {
            throw new InvalidOperationException($"chromium could not open {url}: {error.GetString()}");
        }
    }

    /// <summary>Sends one DevTools command and returns its result (events that arrive meanwhile are skipped).</summary>
    private async Task<JsonElement> SendAsync(string method, object parameters, CancellationToken cancellationToken)
    {
        var id = ++_nextId;
        var request = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters });
        await _socket.SendAsync(request, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        while (true)
        {
            using var message = await ReceiveAsync(cancellationToken);
            var root = message.RootElement;
            if (!root.TryGetProperty("id", out var answered) || answered.GetInt32() != id)
            {
                continue;
            }

            if (root.TryGetProperty("error", out var error))
            {
                throw new DevToolsException($"{method}: {error.GetProperty("message").GetString()}");
            }

            return root.GetProperty("result").Clone();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        finally
        {
            _process.Dispose();
            for (var attempt = 0; attempt < 5; attempt++)
            {
                try
                {
                    _profile.Delete(recursive: true);
                    break;
                }
                catch (IOException)
                {
                    await Task.Delay(200);
                }
            }
        }
    }

    /// <summary>
    /// Waits for the DevTools port (Chromium writes it into <c>DevToolsActivePort</c> in the profile when given port
    /// 0), finds the page target (the tab) and opens its WebSocket.
    /// </summary>
    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var portFile = System.IO.Path.Combine(_profile.FullName, "DevToolsActivePort");
        string? port = null;
        while (port is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException(FormattableString.Invariant($"chromium exited with code {_process.ExitCode} before opening its DevTools port."));
            }

            if (File.Exists(portFile) && File.ReadAllLines(portFile) is [var first, ..] && first.Length > 0)
            {
                port = first;
            }
            else
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        while (true)
        {
            var targets = JsonDocument.Parse(await http.GetStringAsync("json/list", cancellationToken)).RootElement;
            foreach (var target in targets.EnumerateArray())
            {
                if (target.GetProperty("type").GetString() == "page" && target.TryGetProperty("webSocketDebuggerUrl", out var socketUrl))
                {
                    await _socket.ConnectAsync(new Uri(socketUrl.GetString()!), cancellationToken);
                    return;
                }
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task<JsonDocument> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("chromium closed the DevTools connection.");
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return JsonDocument.Parse(message.ToArray());
            }
        }
    }

    private static string? Find()
    {
        foreach (var name in new[] { "chromium", "chromium-browser" })
        {
            foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = System.IO.Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

/// <summary>An error answered by the DevTools protocol.</summary>
internal sealed class DevToolsException(string message) : Exception(message);

/// <summary>A fact that is skipped, saying why, where Chromium is not installed; it runs everywhere else.</summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        Skip = Chromium.Missing;
    }
}
