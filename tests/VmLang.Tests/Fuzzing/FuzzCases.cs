using FsCheck;

namespace VmLang.Tests.Fuzzing;

/// <summary>
/// How many cases each fuzzing property runs: <c>VMLANG_FUZZ_CASES</c> (default 10,000), so
/// <c>VMLANG_FUZZ_CASES=1000000 dotnet test</c> is the long mode with no change to the code.
/// </summary>
internal static class FuzzCases
{
    public const int Default = 10_000;

    public static int Count { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("VMLANG_FUZZ_CASES"), out var count) && count > 0 ? count : Default;

    public static Config Config { get; } = Config.QuickThrowOnFailure.WithMaxTest(Count);
}
