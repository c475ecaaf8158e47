using System.Runtime.CompilerServices;

namespace VmLang.Tests;

/// <summary>Finds repository folders from the test sources, so tests read the committed files, not copies.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Example(string name) => Path.Combine(RepositoryRoot, "examples", name);

    public static string TestsFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static string FindRoot([CallerFilePath] string path = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(path)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "VmLang.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("VmLang.sln not found above the tests");
    }
}
