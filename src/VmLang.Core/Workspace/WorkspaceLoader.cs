using VmLang.Configuration;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.Workspace;

/// <summary>
/// Finds the files of a workspace (spec §2): every <c>.vml</c> file under the given paths, and the
/// <c>vmlang.json</c> at the root. The root is the first path that is a folder, else the folder of the
/// first file. Used by the CLI and by the language server when it opens a folder.
/// </summary>
public static class WorkspaceLoader
{
    public const string SourceExtension = ".vml";

    /// <summary>Loads and parses the workspace. Throws <see cref="WorkspaceLoadException"/> for a missing path or unreadable file.</summary>
    /// <param name="root">The folder whose <c>vmlang.json</c> applies; by default found from <paramref name="paths"/> (<see cref="FindRoot"/>).</param>
    public static Compilation Load(IReadOnlyList<string> paths, string? root = null)
    {
        if (root is not null && !Directory.Exists(root)) throw new WorkspaceLoadException($"root folder '{root}' does not exist");
        var files = FindSourceFiles(paths);
        var trees = files.AsParallel().AsOrdered().Select(file => SyntaxTree.Parse(ReadSource(file), file)).ToList();
        return Compilation.Create(trees, LoadConfiguration(root ?? FindRoot(paths)));
    }

    public static IReadOnlyList<string> FindSourceFiles(IReadOnlyList<string> paths)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.None, MatchCasing = MatchCasing.CaseSensitive };
                try
                {
                    foreach (var file in Directory.EnumerateFiles(full, "*" + SourceExtension, options))
                    {
                        if (!IsInIgnoredFolder(full, file)) files.Add(file);
                    }
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    throw new WorkspaceLoadException($"cannot read folder '{path}': {error.Message}", error);
                }
            }
            else if (File.Exists(full))
            {
                files.Add(full);
            }
            else
            {
                throw new WorkspaceLoadException($"path '{path}' does not exist");
            }
        }
        return [.. files];
    }

    public static string FindRoot(IReadOnlyList<string> paths)
    {
        var folder = paths.Select(Path.GetFullPath).FirstOrDefault(Directory.Exists);
        return folder ?? Path.GetDirectoryName(Path.GetFullPath(paths.Count > 0 ? paths[0] : "."))!;
    }

    /// <summary>The root's <c>vmlang.json</c>, or the defaults when there is none.</summary>
    public static WorkspaceConfiguration LoadConfiguration(string root)
    {
        var path = Path.Combine(root, WorkspaceConfiguration.FileName);
        return File.Exists(path) ? ConfigurationParser.Parse(ReadSource(path), path) : WorkspaceConfiguration.Default;
    }

    /// <summary>Reads UTF-8, keeping a BOM in the text so positions and round-trips match the file.</summary>
    public static SourceText ReadSource(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
            var text = System.Text.Encoding.UTF8.GetString(bytes, hasBom ? 3 : 0, bytes.Length - (hasBom ? 3 : 0));
            return new SourceText(hasBom ? "\uFEFF" + text : text);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new WorkspaceLoadException($"cannot read '{path}': {error.Message}", error);
        }
    }

    /// <summary>Build output and package folders hold copies, not sources.</summary>
    private static bool IsInIgnoredFolder(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file);
        return relative.Split(Path.DirectorySeparatorChar).SkipLast(1)
            .Any(part => part is "node_modules" or "bin" or "obj" || part.StartsWith('.'));
    }
}

public sealed class WorkspaceLoadException(string message, Exception? inner = null) : Exception(message, inner);
