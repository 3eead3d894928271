using FeedKit.Fuzz;

// FeedKit.Fuzz TARGET          runs TARGET under afl-fuzz (SharpFuzz, out of process); see docs/fuzzing.md.
// FeedKit.Fuzz TARGET PATH...  replays files (or every file in folders) through TARGET and prints what each does:
//                              exit code 1 when one breaks the property, as afl-fuzz would have recorded it.
// Nothing instrumented (FeedKit) may run before SharpFuzz sets up the coverage map: Targets.All only names lambdas.
if (args.Length == 0 || !Targets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: FeedKit.Fuzz TARGET [FILE-OR-FOLDER...]; targets: {string.Join(", ", Targets.All.Keys)}");
    return 2;
}

if (args.Length == 1)
{
    SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        target(buffer.ToArray());
    });
    return 0;
}

// Replaying with the instrumented FeedKit.dll (.fuzz/bin): its coverage calls need the map afl-fuzz otherwise gives.
unsafe
{
    SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(1 << 16);
}

var failed = 0;
foreach (var file in args.Skip(1).SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p).Order(StringComparer.Ordinal).ToArray() : [p]))
{
    if (Path.GetFileName(file) == "README.txt")
    {
        continue;
    }

    Targets.Outcome = "";
    try
    {
        target(File.ReadAllBytes(file));
        Console.WriteLine($"ok    {file}: {Targets.Outcome}");
    }
#pragma warning disable CA1031 // Replay reports every failure, as afl-fuzz would record it.
    catch (Exception e)
#pragma warning restore CA1031
    {
        failed++;
        Console.WriteLine($"CRASH {file}\n{e}");
    }
}

return failed == 0 ? 0 : 1;
