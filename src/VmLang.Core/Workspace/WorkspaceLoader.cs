using System.Buffers;
using System.Collections.Immutable;
using VmLang.Configuration;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.Workspace;

/// <summary>
/// Finds the files of a workspace (spec §2): every <c>.vml</c> file under the given paths, and the
/// <c>vmlang.json</c> at the root. The root is the first path that is a folder, else the folder of the
/// first file. Used by the CLI and by the language server when it opens a folder.
/// </summary>
/// <remarks>
/// The walk never follows a symbolic link to a folder (so a link loop cannot make it go round), and a
/// file that cannot be read — a dangling or looping link, a file without read permission, a FIFO or a
/// device — is one <see cref="UnreadableFile"/> with its path; the other files are read all the same.
/// </remarks>
public static class WorkspaceLoader
{
    public const string SourceExtension = ".vml";

    /// <summary>
    /// Loads and parses the workspace, reading every file it can; the others are listed in the result.
    /// Throws <see cref="WorkspaceLoadException"/> only for a given path (or root) that does not exist.
    /// </summary>
    /// <param name="root">The folder whose <c>vmlang.json</c> applies; by default found from <paramref name="paths"/> (<see cref="FindRoot"/>).</param>
    public static LoadedWorkspace LoadWorkspace(IReadOnlyList<string> paths, string? root = null)
    {
        if (root is not null && !Directory.Exists(root)) throw new WorkspaceLoadException($"root folder '{root}' does not exist");
        var walk = Walk(paths);
        var unreadable = walk.Unreadable.ToList();
        // Files are read and parsed on every core; the results stay in the walk's order.
        var reads = new (SyntaxTree? Tree, UnreadableFile? Problem)[walk.Files.Length];
        Parallel.For(0, reads.Length, ParallelWork.Options, i =>
        {
            var file = walk.Files[i];
            reads[i] = TryReadSource(file, out var problem) is { } text ? (SyntaxTree.Parse(text, file), null) : (null, problem);
        });
        var trees = new List<SyntaxTree>(reads.Length);
        foreach (var (tree, problem) in reads)
        {
            if (tree is not null) trees.Add(tree);
            else unreadable.Add(problem!);
        }
        WorkspaceConfiguration configuration;
        try
        {
            configuration = LoadConfiguration(root ?? FindRoot(paths));
        }
        catch (WorkspaceLoadException error) when (error.Unreadable is not null)
        {
            unreadable.Add(error.Unreadable);
            configuration = WorkspaceConfiguration.Default;
        }
        return new LoadedWorkspace(Compilation.Create(trees, configuration), [.. unreadable.OrderBy(u => u.Path, StringComparer.Ordinal)]);
    }

    /// <summary>Loads and parses the workspace. Throws <see cref="WorkspaceLoadException"/> for the first path or file that cannot be read.</summary>
    public static Compilation Load(IReadOnlyList<string> paths, string? root = null)
    {
        var loaded = LoadWorkspace(paths, root);
        if (loaded.Unreadable is [var first, ..]) throw new WorkspaceLoadException(first);
        return loaded.Compilation;
    }

    /// <summary>The source files under <paramref name="paths"/>. Throws <see cref="WorkspaceLoadException"/> for the first path or folder that cannot be read.</summary>
    public static IReadOnlyList<string> FindSourceFiles(IReadOnlyList<string> paths)
    {
        var walk = Walk(paths);
        if (walk.Unreadable is [var first, ..]) throw new WorkspaceLoadException(first);
        return walk.Files;
    }

    /// <summary>
    /// The <c>.vml</c> files under <paramref name="paths"/>, sorted, and the folders that could not be read;
    /// throws <see cref="WorkspaceLoadException"/> for a given path that does not exist. A path given
    /// explicitly is taken as it is, even through a link; inside a folder, links to folders are not
    /// followed, and ignored folders (<see cref="IsIgnoredFolder"/>) are skipped. Files are not opened here.
    /// </summary>
    public static WorkspaceWalk Walk(IReadOnlyList<string> paths)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var unreadable = new List<UnreadableFile>();
        var folders = new Stack<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full)) folders.Push(full);
            else if (File.Exists(full) || new FileInfo(full).LinkTarget is not null) files.Add(full);
            else throw new WorkspaceLoadException($"path '{path}' does not exist");
        }

        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.None, MatchCasing = MatchCasing.CaseSensitive };
        while (folders.TryPop(out var folder))
        {
            try
            {
                foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", options))
                {
                    var isLink = entry.LinkTarget is not null;
                    if (entry is DirectoryInfo && !isLink)
                    {
                        if (!IsIgnoredFolder(entry.Name)) folders.Push(entry.FullName);
                    }
                    else if (entry.Name.EndsWith(SourceExtension, StringComparison.Ordinal) && !(isLink && Directory.Exists(entry.FullName)))
                    {
                        // A link to a folder is not followed even when it is named like a source file.
                        files.Add(entry.FullName);
                    }
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                unreadable.Add(new UnreadableFile(folder, error.Message));
            }
        }
        return new WorkspaceWalk([.. files], [.. unreadable]);
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
        return File.Exists(path) || new FileInfo(path).LinkTarget is not null ? ConfigurationParser.Parse(ReadSource(path), path) : WorkspaceConfiguration.Default;
    }

    /// <summary>
    /// Reads a source file (see <see cref="SourceDecoder"/> for encodings). Throws <see cref="WorkspaceLoadException"/>
    /// when it cannot be read; a FIFO or device is refused before it is opened, so this never blocks.
    /// </summary>
    public static SourceText ReadSource(string path) =>
        TryReadSource(path, out var problem) ?? throw new WorkspaceLoadException(problem!);

    private static SourceText? TryReadSource(string path, out UnreadableFile? problem)
    {
        problem = null;
        try
        {
            if (FileKind.WhyNotReadable(path) is { } reason)
            {
                problem = new UnreadableFile(path, reason);
                return null;
            }
            return ReadAndDecode(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            problem = new UnreadableFile(path, error.Message);
            return null;
        }
    }

    /// <summary>
    /// The file's text, read into a pooled buffer: the bytes are needed only until they are decoded, and
    /// a new array for each file was a third more garbage than the texts themselves. Reads to the end,
    /// as <see cref="File.ReadAllBytes"/> does, even when the length given up front is wrong.
    /// </summary>
    private static SourceText ReadAndDecode(string path)
    {
        using var handle = File.OpenHandle(path);
        var length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength) throw new IOException($"the file is larger than {Array.MaxLength} bytes");
        // One byte more than the length, so that reaching the end takes no second buffer.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(length + 1, Array.MaxLength));
        try
        {
            var read = 0;
            int count;
            while ((count = RandomAccess.Read(handle, buffer.AsSpan(read), read)) > 0)
            {
                read += count;
                if (read < buffer.Length) continue;
                if (buffer.Length == Array.MaxLength) throw new IOException($"the file is larger than {Array.MaxLength} bytes");
                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, Array.MaxLength));
                buffer.AsSpan(0, read).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
            return SourceDecoder.Decode(buffer.AsSpan(0, read));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Build output and package folders hold copies, not sources.</summary>
    private static bool IsIgnoredFolder(string name) => name is "node_modules" or "bin" or "obj" || name.StartsWith('.');
}

/// <summary>The result of <see cref="WorkspaceLoader.LoadWorkspace"/>: what was read, and what could not be.</summary>
public sealed record LoadedWorkspace(Compilation Compilation, ImmutableArray<UnreadableFile> Unreadable);

/// <summary>The source files a walk found, and the paths it could not read.</summary>
public sealed record WorkspaceWalk(ImmutableArray<string> Files, ImmutableArray<UnreadableFile> Unreadable);

/// <summary>A path that could not be read, and why (a sentence without the path).</summary>
public sealed record UnreadableFile(string Path, string Reason)
{
    public string Message => Describe(Path);

    /// <summary>The message with the path as the host shows it (e.g. relative to the current folder).</summary>
    public string Describe(string shownPath) => $"cannot read '{shownPath}': {Reason}";
}

/// <summary>A path given that does not exist, or (from the methods that stop at the first) a path that cannot be read.</summary>
public sealed class WorkspaceLoadException : Exception
{
    public WorkspaceLoadException(string message) : base(message)
    {
    }

    public WorkspaceLoadException(UnreadableFile unreadable) : base(unreadable.Message) => Unreadable = unreadable;

    /// <summary>The path that could not be read; null for a path that was given but does not exist.</summary>
    public UnreadableFile? Unreadable { get; }
}
