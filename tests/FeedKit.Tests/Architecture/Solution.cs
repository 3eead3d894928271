namespace FeedKit.Tests.Architecture;

/// <summary>The repository's root: the folder above the test binaries that holds FeedKit.sln.</summary>
internal static class Solution
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FeedKit.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"FeedKit.sln not found above {AppContext.BaseDirectory}");
    }
}
