using FeedKit.IO;
using Xunit;

namespace FeedKit.Tests.IO;

public class AtomicFileTests
{
    [Fact]
    public async Task A_failed_write_leaves_the_previous_file_in_place_and_no_temporary_file()
    {
        var directory = Directory.CreateTempSubdirectory("feedkit-atomic-");
        try
        {
            var target = Path.Combine(directory.FullName, "feed.atom");
            File.WriteAllText(target, "previous");
            await Assert.ThrowsAsync<InvalidOperationException>(() => AtomicFile.WriteAsync(target, (stream, _) =>
            {
                stream.Write("<?xml half"u8);
                throw new InvalidOperationException("disk on fire");
            }, CancellationToken.None));
            Assert.Equal("previous", File.ReadAllText(target));
            Assert.Equal(["feed.atom"], directory.GetFiles().Select(f => f.Name));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
