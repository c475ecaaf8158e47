namespace VmLang.Tests;

/// <summary>
/// A fresh folder under the system temp folder, optionally holding files, deleted with everything in
/// it when disposed. The one way tests make throw-away folders, so none is left behind.
/// </summary>
internal sealed class TempFolder : IDisposable
{
    /// <param name="files">Files to write, by path relative to the folder (sub-folders are made).</param>
    public TempFolder(params (string Name, string Text)[] files)
    {
        Path = Directory.CreateTempSubdirectory("vmlang-tests-").FullName;
        foreach (var (name, text) in files) Write(name, text);
    }

    public string Path { get; }

    /// <summary>A folder holding copies of the named files of <c>examples/</c>.</summary>
    public static TempFolder WithExamples(params string[] names) =>
        new([.. names.Select(name => (name, File.ReadAllText(TestPaths.Example(name))))]);

    /// <summary>The good examples only: a workspace that must check clean.</summary>
    public static TempFolder WithCleanExamples() =>
        WithExamples("house.vml", "first_touch.vml", "second_touch.vml", "breakup.vml", "front_desk.vml", "q4_outbound.vml", "vmlang.json");

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> under the folder and returns the file's full path.</summary>
    public string Write(string name, string text)
    {
        var path = Combine(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Every file under the folder, relative to it, sorted, with '/' separators.</summary>
    public IReadOnlyList<string> AllFiles() =>
        Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public override string ToString() => Path;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process the test started may still hold a file (Windows); the system's temp cleanup takes it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
