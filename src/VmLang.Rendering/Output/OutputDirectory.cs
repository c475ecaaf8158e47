namespace VmLang.Rendering;

/// <summary>
/// The <c>--out DIR</c> folder: one file per rendered row, named <c>{row:D5}-{slug}.{ext}</c>
/// (<c>00003-dana-reyes.ssml</c>), each written atomically. Files sort in row order up to row
/// 99,999 and stay unique beyond it.
/// </summary>
/// <remarks>
/// No data value can place a file outside the folder: the slug is built from
/// <c>[a-z0-9-]</c> only (see <see cref="FileNameSlug"/>), and every path is checked again
/// before writing. The row number makes names unique within a run; a second write to the
/// same name in one run is a bug upstream and throws rather than overwriting a script. Files
/// from an earlier run are overwritten, which is what re-running means. Names cannot collide
/// with Windows device names (CON, NUL…) because they start with the row number.
/// </remarks>
public sealed class OutputDirectory
{
    private readonly HashSet<string> _written = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Uses <paramref name="path"/>, creating it (and its parents) if missing. I/O errors are the caller's.</summary>
    public OutputDirectory(string path)
    {
        FullPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        Directory.CreateDirectory(FullPath);
    }

    public string FullPath { get; }

    /// <summary>The file name for a row: <c>{row:D5}-{slug}.{extension}</c>.</summary>
    public static string FileName(int row, string? prospect, string extension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(row, 1);
        if (extension.Length is 0 or > 10 || !extension.All(char.IsAsciiLetterLower))
        {
            throw new ArgumentException($"'{extension}' is not a file extension this directory writes.", nameof(extension));
        }

        return $"{row:D5}-{FileNameSlug.From(prospect)}.{extension}";
    }

    /// <summary>Writes one row's file atomically and returns its full path.</summary>
    public string WriteFile(int row, string? prospect, string extension, string content)
    {
        var path = Claim(row, prospect, extension);
        OutputWriteException.Guard(path, () => AtomicFile.WriteAllText(path, content));
        return path;
    }

    /// <summary>Writes one row's binary file (a WAV) atomically and returns its full path. Safe to call from several threads.</summary>
    public string WriteFile(int row, string? prospect, string extension, byte[] content)
    {
        var path = Claim(row, prospect, extension);
        OutputWriteException.Guard(path, () =>
        {
            using var file = AtomicFile.Create(path);
            file.Stream.Write(content);
            file.Commit();
        });
        return path;
    }

    private string Claim(int row, string? prospect, string extension)
    {
        var path = PathFor(row, prospect, extension);
        lock (_written)
        {
            if (!_written.Add(path))
            {
                throw new InvalidOperationException($"Row {row} was written twice to '{path}'.");
            }
        }

        return path;
    }

    /// <summary>The full path for a row's file, guaranteed to be directly inside <see cref="FullPath"/>.</summary>
    public string PathFor(int row, string? prospect, string extension)
    {
        var path = Path.GetFullPath(Path.Combine(FullPath, FileName(row, prospect, extension)));
        if (!string.Equals(Path.GetDirectoryName(path), FullPath, StringComparison.Ordinal))
        {
            // Unreachable with the slug's alphabet; kept so a future change to it cannot
            // silently write outside the folder.
            throw new InvalidOperationException($"Refusing to write '{path}' outside '{FullPath}'.");
        }

        return path;
    }
}
