namespace VmLang.Rendering;

/// <summary>
/// Prospect data read one record at a time, so memory stays flat however many rows the file
/// has. Create one with <see cref="Open"/> or <see cref="Create"/>, then enumerate
/// <see cref="ReadRecords"/> once.
/// </summary>
/// <remarks>
/// Problems in the data (a ragged CSV row, a bad JSON line, a nested value) come back as
/// <see cref="DataError"/> records, never as exceptions. Exceptions are left for I/O failures
/// (a missing file, a read error), which the caller reports as unreadable input.
/// </remarks>
public abstract class DataSource : IDisposable
{
    private protected const int BufferSize = 1 << 16;

    private readonly ByteCountingStream _input;
    private bool _reading;

    private protected DataSource(Stream input, bool leaveOpen) =>
        _input = new ByteCountingStream(input, leaveOpen);

    /// <summary>
    /// The encoding the user named for the data (<c>--data-encoding</c>); null for UTF-8, where bytes
    /// that are not UTF-8 reject their row (see <see cref="DataEncoding"/>). Set before reading.
    /// </summary>
    public System.Text.Encoding? Encoding { get; init; }

    public abstract DataFormat Format { get; }

    /// <summary>
    /// The column names in input order, unique case-insensitively. CSV: the header, known once
    /// reading has started. JSON and JSON Lines: the union of the keys of the rows read so far,
    /// in the order they first appeared — it grows while reading.
    /// </summary>
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>The size of the input in bytes, when it can tell (a file can, a pipe cannot).</summary>
    public long? InputLength => _input.InputLength;

    /// <summary>How many bytes have been read from the input so far (read-ahead included).</summary>
    public long InputPosition => _input.BytesRead;

    /// <summary>Opens the file at <paramref name="path"/>. I/O exceptions are the caller's to report.</summary>
    /// <param name="encoding">The data's encoding when the user named one; null for UTF-8.</param>
    public static DataSource Open(string path, DataFormat format, System.Text.Encoding? encoding = null)
    {
        // Our readers buffer on their own, so the FileStream does not need to.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        return Create(stream, format, leaveOpen: false, encoding);
    }

    /// <summary>Reads <paramref name="input"/> (a file, stdin, a test's memory stream) as <paramref name="format"/>.</summary>
    /// <param name="encoding">The data's encoding when the user named one; null for UTF-8.</param>
    public static DataSource Create(Stream input, DataFormat format, bool leaveOpen = false, System.Text.Encoding? encoding = null) => format switch
    {
        DataFormat.Csv => new CsvDataSource(input, leaveOpen) { Encoding = encoding },
        DataFormat.Json => new JsonArrayDataSource(input, leaveOpen) { Encoding = encoding },
        DataFormat.JsonLines => new JsonLinesDataSource(input, leaveOpen) { Encoding = encoding },
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>
    /// The records of the input, in order, read lazily. Every data row yields exactly one
    /// <see cref="DataRow"/> or <see cref="DataError"/>; a <see cref="DataError"/> with
    /// <see cref="DataError.StopsReading"/> is the last record. A source can be read once.
    /// </summary>
    public IEnumerable<DataRecord> ReadRecords()
    {
        if (_reading)
        {
            throw new InvalidOperationException("A data source can be read only once.");
        }

        _reading = true;
        // Every source reads UTF-8: another encoding the user named is converted here, and progress still counts the file's bytes.
        return ReadRecordsCore(DataEncoding.AsUtf8(_input, Encoding));
    }

    public void Dispose()
    {
        _input.Dispose();
        GC.SuppressFinalize(this);
    }

    private protected abstract IEnumerable<DataRecord> ReadRecordsCore(Stream input);
}
