using System.Runtime.InteropServices;
using FeedKit.Cli;

// The last resort: whatever escapes (on any thread) is one line and exit code 70, never a stack trace.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    FeedKitCli.Report(Console.Error, $"feedkit: internal error: {(e.ExceptionObject as Exception)?.Message}", ExitCodes.InternalError);
    Environment.Exit(ExitCodes.InternalError);
};

// Every signal that ends the process cancels the run instead, so that an --out temporary file is deleted and the
// old file stays; the exit code is then 128 plus the signal's number. A second signal ends the process at once.
using var cancellation = new CancellationTokenSource();
var signal = 0;
var registrations = new List<PosixSignalRegistration>();
foreach (var (posix, number) in new[] { (PosixSignal.SIGINT, 2), (PosixSignal.SIGTERM, 15), (PosixSignal.SIGHUP, 1), (PosixSignal.SIGQUIT, 3) })
{
    try
    {
        registrations.Add(PosixSignalRegistration.Create(posix, context =>
        {
            if (Interlocked.CompareExchange(ref signal, number, 0) == 0)
            {
                context.Cancel = true;
                cancellation.Cancel();
            }
        }));
    }
    catch (PlatformNotSupportedException)
    {
        // Not on this platform (SIGHUP, SIGQUIT on some Windows hosts).
    }
}

try
{
    var code = FeedKitCli.Run(args, Console.OpenStandardOutput(), Console.Error, new CliContext(!Console.IsErrorRedirected, cancellation.Token));
    return code == ExitCodes.Cancelled && signal != 0 ? 128 + signal : code;
}
catch (Exception e)
{
    return FeedKitCli.Report(Console.Error, $"feedkit: internal error: {e.Message}", ExitCodes.InternalError);
}
finally
{
    foreach (var registration in registrations)
    {
        registration.Dispose();
    }
}
