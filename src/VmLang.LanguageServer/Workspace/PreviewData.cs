using VmLang.Rendering;

namespace VmLang.LanguageServer.Workspace;

/// <summary>
/// The rows of a preview's data file, read with the same data sources as <c>vmlang render</c> and kept
/// until the file changes on disk, so a preview that follows every keystroke does not read it again.
/// </summary>
internal sealed class PreviewData
{
    private readonly Lock _lock = new();
    private (string Path, DateTime Written, long Length, DataFile File)? _cached;

    /// <summary>The data file at <paramref name="path"/> (full path), or what keeps it from being read.</summary>
    public DataFile Read(string path, int maximumRows)
    {
        var info = new FileInfo(path);
        if (!info.Exists) return DataFile.Failed($"data file '{path}' does not exist");
        lock (_lock)
        {
            if (_cached is { } cached && cached.Path == path && cached.Written == info.LastWriteTimeUtc && cached.Length == info.Length) return cached.File;
        }
        var file = Load(path, maximumRows);
        if (file.Error is null) file = file with { Stamp = FormattableString.Invariant($"{path}\n{info.LastWriteTimeUtc.Ticks}\n{info.Length}\n{maximumRows}") };
        lock (_lock) _cached = (path, info.LastWriteTimeUtc, info.Length, file);
        return file;
    }

    private static DataFile Load(string path, int maximumRows)
    {
        if (!DataFormats.TryResolve(path, null, out var format, out var formatError)) return DataFile.Failed(formatError);
        var records = new List<DataRecord>();
        var more = false;
        try
        {
            using var source = DataSource.Open(path, format);
            foreach (var record in source.ReadRecords())
            {
                if (record is DataError { Row: null } error) return DataFile.Failed($"{Path.GetFileName(path)}{(error.Line is { } line ? $"({line})" : "")}: {error.Message}");
                if (records.Count == maximumRows)
                {
                    more = true;
                    break;
                }
                records.Add(record);
            }
            return new DataFile(records, source.Columns, more, null);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return DataFile.Failed($"cannot read '{path}': {error.Message}");
        }
    }
}

/// <summary>
/// The records of a data file (each a <see cref="DataRow"/>, or a <see cref="DataError"/> for a row that
/// could not be read), its columns, and whether there were more rows than were kept; or why it could not be read.
/// </summary>
internal sealed record DataFile(IReadOnlyList<DataRecord> Records, IReadOnlyList<string> Columns, bool MoreRows, string? Error)
{
    /// <summary>What this read is known by (path, write time, size, row cut): another read with the same stamp has the same records. Null when the file could not be read.</summary>
    public string? Stamp { get; init; }

    public static DataFile Failed(string error) => new([], [], false, error);
}
