using FeedKit.Cli;

return FeedKitCli.Run(args, Console.OpenStandardOutput(), Console.Error);
