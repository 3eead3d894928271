using System.Runtime.InteropServices;
using FeedKit.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

return FeedKitCli.Run(args, Console.OpenStandardOutput(), Console.Error, new CliContext(!Console.IsErrorRedirected, cancellation.Token));
