using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FeedKit.Tests.Xml;

/// <summary>
/// The vectorized code (Utf8XmlWriter's encoder, OrdinaryText, XmlChars through SearchValues) takes the widest path
/// the CPU offers. .ci/isa-tests runs the differential and property tests again with wider instruction sets switched
/// off through the runtime's DOTNET_Enable… settings and sets FEEDKIT_EXPECT_ISA to the widest set left; this test
/// fails when the setting did not take, so that such a run cannot pass on the wide path again without saying so.
/// </summary>
public sealed class InstructionSetTests
{
    // The flags FeedKit's code branches on, widest first.
    private static readonly string[] Names = ["Vector512", "Avx512F", "Vector256", "Avx2", "Ssse3", "Sse2", "Vector128"];

    // Which flag needs which (indexes into Names): the narrower paths the code falls back on come with a wider one.
    private static readonly (int Wide, int Narrow)[] Needs = [(0, 1), (1, 3), (2, 3), (3, 4), (4, 5), (5, 6)];

    [Fact]
    public void The_run_has_the_instruction_sets_FEEDKIT_EXPECT_ISA_names()
    {
        bool[] actual =
        [
            Vector512.IsHardwareAccelerated, Avx512F.IsSupported, Vector256.IsHardwareAccelerated, Avx2.IsSupported,
            Ssse3.IsSupported, Sse2.IsSupported, Vector128.IsHardwareAccelerated,
        ];
        var isa = Environment.GetEnvironmentVariable("FEEDKIT_EXPECT_ISA");
        var expected = isa switch
        {
            null or "" => null,
            "avx2" => new[] { false, false, true, true, true, true, true },
            "ssse3" => [false, false, false, false, true, true, true],
            "sse2" => [false, false, false, false, false, true, true],
            "scalar" => [false, false, false, false, false, false, false],
            var other => throw new InvalidOperationException($"FEEDKIT_EXPECT_ISA={other}: expected avx2, ssse3, sse2 or scalar."),
        };

        if (expected is null)
        {
            // A normal run, whatever the CPU has (off x86, the x86 flags are all off and Vector128 stands alone).
            foreach (var (wide, narrow) in Needs)
            {
                Assert.True(!actual[wide] || actual[narrow], $"{Names[wide]} without {Names[narrow]}: {Describe(actual)}");
            }

            return;
        }

        Assert.True(
            expected.SequenceEqual(actual),
            $"FEEDKIT_EXPECT_ISA={isa} wants {Describe(expected)}, but this run has {Describe(actual)}");
    }

    private static string Describe(bool[] flags) => string.Join(' ', Names.Select((name, i) => $"{name}={flags[i]}"));
}
