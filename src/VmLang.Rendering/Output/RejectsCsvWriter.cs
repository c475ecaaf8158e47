using CsvHelper;

namespace VmLang.Rendering;

/// <summary>
/// <c>--rejects CSV</c>: the rows that were not rendered, with the data's own columns in their
/// original order and a last column saying why, so the user can fix them and re-run on this
/// file.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The reason column is <c>reason</c>, unless the data already has a column of that name
/// (it might be a slot); then <c>reject_reason</c>, <c>reject_reason_2</c>…, so a re-run never
/// mistakes the rejection message for data.</item>
/// <item>Columns come from the <see cref="DataSource.Columns"/> list, read live: JSON sources
/// discover keys row by row. Rows are streamed to a temporary file under the header known at
/// the time; if columns appeared later, <see cref="Complete"/> re-streams the file once under
/// the full header. Memory stays flat either way.</item>
/// <item>UTF-8 with a byte-order mark, so spreadsheet programs read names like "Zoë" right;
/// <see cref="DataSource"/> skips the mark when the file is read back. RFC 4180 quoting, CRLF line
/// ends. A JSON null is written as an empty field. Cells a spreadsheet would run as a formula get
/// a leading apostrophe (<see cref="FormulaCells"/>), which the CSV reader drops again.</item>
/// <item>Written atomically on <see cref="Complete"/>, and written even when nothing was
/// rejected (header only), so a stale rejects file from an earlier run never survives.</item>
/// </list>
/// </remarks>
public sealed class RejectsCsvWriter : IDisposable
{
    private const string PreferredReasonColumn = "reason";

    private readonly string _path;
    private readonly IReadOnlyList<string> _columns;
    private AtomicFile? _file;
    private CsvWriter? _csv;
    private int _headerColumnCount;
    private bool _completed;

    /// <param name="path">The rejects file; its folder must exist.</param>
    /// <param name="columns">The data's columns, typically <see cref="DataSource.Columns"/>; may grow while writing.</param>
    public RejectsCsvWriter(string path, IReadOnlyList<string> columns)
    {
        _path = Path.GetFullPath(path);
        _columns = columns;
    }

    /// <summary>How many rows were written.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Writes one rejected row: its values by column (missing ones empty) and why it was rejected.
    /// A failure to write is an <see cref="OutputWriteException"/> naming the rejects file.
    /// </summary>
    public void Write(IReadOnlyDictionary<string, string?> values, string reason)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        OutputWriteException.Guard(_path, () => WriteRow(values, reason));
    }

    /// <summary>Finishes the file and moves it into place. Without this, <see cref="Dispose"/> leaves no file.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        OutputWriteException.Guard(_path, CompleteFile);
    }

    private void WriteRow(IReadOnlyDictionary<string, string?> values, string reason)
    {
        var csv = Start();
        var columnCount = _columns.Count;
        for (var i = 0; i < columnCount; i++)
        {
            csv.WriteField(FormulaCells.Escape(values.TryGetValue(_columns[i], out var value) ? value ?? "" : ""));
        }

        csv.WriteField(FormulaCells.Escape(reason));
        csv.EndRecord();
        Count++;
    }

    private void CompleteFile()
    {
        var csv = Start();
        csv.Dispose();
        _csv = null;
        _completed = true;

        if (_columns.Count == _headerColumnCount)
        {
            _file!.Commit();
            return;
        }

        // Close the first file so it can be read back (it is open for writing, unshared).
        _file!.Stream.Dispose();
        using var complete = AtomicFile.Create(_path);
        using (var earlier = CsvReader.FromFile(_file.TemporaryPath, new CsvReaderOptions { HasHeader = false, Separator = ',' }))
        using (var rewritten = OpenCsv(complete.Stream))
        {
            WriteHeader(rewritten);
            earlier.Read();
            while (earlier.Read())
            {
                // A row written when there were k columns has k values then the reason; the
                // columns that appeared after it were not in it, so they are empty. The cells are
                // copied as written, formula marks included.
                var last = earlier.FieldCount - 1;
                for (var i = 0; i < _columns.Count; i++)
                {
                    rewritten.WriteField(i < last ? earlier.GetString(i) : "");
                }

                rewritten.WriteField(earlier.GetString(last));
                rewritten.EndRecord();
            }
        }

        complete.Commit();
        _file.Dispose();
    }

    public void Dispose()
    {
        try
        {
            _csv?.Dispose();
        }
        catch (IOException)
        {
            // Already reported by Write or Complete; the temporary file is removed below all the same.
        }

        _file?.Dispose();
        _completed = true;
    }

    /// <summary>The reason column's name for <paramref name="columns"/>.</summary>
    internal static string ReasonColumnFor(IReadOnlyList<string> columns)
    {
        var taken = new HashSet<string>(columns, StringComparer.OrdinalIgnoreCase);
        if (!taken.Contains(PreferredReasonColumn))
        {
            return PreferredReasonColumn;
        }

        var name = "reject_reason";
        for (var n = 2; taken.Contains(name); n++)
        {
            name = $"reject_reason_{n}";
        }

        return name;
    }

    private CsvWriter Start()
    {
        if (_csv is not null)
        {
            return _csv;
        }

        _file = AtomicFile.Create(_path);
        _csv = OpenCsv(_file.Stream);
        WriteHeader(_csv);
        return _csv;
    }

    private void WriteHeader(CsvWriter csv)
    {
        var columns = _columns.ToArray();
        foreach (var column in columns)
        {
            csv.WriteField(column);
        }

        csv.WriteField(ReasonColumnFor(columns));
        csv.EndRecord();
        _headerColumnCount = columns.Length;
    }

    private static CsvWriter OpenCsv(Stream stream) =>
        CsvWriter.Create(
            new StreamWriter(stream, Utf8.WithBom, bufferSize: 1 << 16, leaveOpen: true),
            // Rows written before a JSON source showed all its keys are shorter; Complete() evens them out.
            new CsvWriterOptions { Separator = ',', NewLine = "\r\n", ValidateFieldCount = false },
            leaveOpen: false);
}
