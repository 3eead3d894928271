using System.Globalization;
using BenchmarkDotNet.Running;
using FeedKit.Benchmarks;

// dotnet run -c Release --project bench/FeedKit.Benchmarks -- memory [items]     peak memory, one process per writer
// dotnet run -c Release --project bench/FeedKit.Benchmarks -- [BenchmarkDotNet arguments]
return args switch
{
    ["memory"] => await MemoryCheck.RunAllAsync(100_000),
    ["memory", var n] => await MemoryCheck.RunAllAsync(int.Parse(n, CultureInfo.InvariantCulture)),
    ["memory-one", var writer, var n] => await MemoryCheck.RunOneAsync(writer, int.Parse(n, CultureInfo.InvariantCulture)),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(MemoryCheck).Assembly).Run(args);
    return 0;
}
