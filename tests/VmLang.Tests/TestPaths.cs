using System.Runtime.CompilerServices;

namespace VmLang.Tests;

/// <summary>
/// Finds repository folders from the test sources, so tests read the committed files, not copies: the
/// one place that knows where the repository is.
/// </summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Example(string name) => Path.Combine(RepositoryRoot, "examples", name);

    /// <summary>Every <c>.vml</c> file under <c>examples/</c>, bad habits included, in a fixed order: its file name and text.</summary>
    public static IReadOnlyList<(string Name, string Text)> ExampleSources { get; } =
        [.. Directory.GetFiles(Path.Combine(RepositoryRoot, "examples"), "*.vml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)))];

    public static string BaselinesFolder { get; } = Path.Combine(RepositoryRoot, "tests", "VmLang.Tests", "Baselines");

    /// <summary>
    /// The names of the baseline inputs, <c>Baselines/NAME.vml</c>, in a fixed order; the <c>NAME.KIND.vml</c>
    /// files beside them are outputs (<see cref="Syntax.BaselineTests"/>), not sources.
    /// </summary>
    public static IReadOnlyList<string> BaselineInputs { get; } =
        [.. Directory.GetFiles(BaselinesFolder, "*.vml")
            .Select(file => Path.GetFileNameWithoutExtension(file))
            .Where(name => !name.Contains('.', StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    public static string BaselineInput(string name) => Path.Combine(BaselinesFolder, name + ".vml");

    private static string FindRoot([CallerFilePath] string path = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(path)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "VmLang.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("VmLang.sln not found above the tests");
    }
}
