namespace VmLang.Rendering;

/// <summary>
/// One item read from a <see cref="DataSource"/>: either a <see cref="DataRow"/> or a
/// <see cref="DataError"/>. Problems in the user's data are values, not exceptions, so the
/// render loop can reject a row, keep going, and account for every row in its totals.
/// </summary>
public abstract class DataRecord
{
    private protected DataRecord(int? line, IReadOnlyDictionary<string, string?> values)
    {
        if (line is { } number)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(number, 1, nameof(line));
        }

        Line = line;
        Values = values;
    }

    /// <summary>
    /// The 1-based physical line of the input where the record starts (for an error: where the
    /// problem was found), when known. Unlike the row number it counts the header, blank lines
    /// and newlines inside quoted CSV fields: it is what an editor shows, so the caller can
    /// print <c>data.csv(12): …</c>.
    /// </summary>
    public int? Line { get; }

    /// <summary>
    /// The row's values by column name, case-insensitive (spec §9: columns match slot names
    /// case-insensitively). A JSON <c>null</c> is a null value; a CSV empty field is "".
    /// For a <see cref="DataError"/>, whatever could be read (possibly nothing), so the row can
    /// still be written to the rejects file.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Values { get; }
}

/// <summary>A data row that was read completely.</summary>
public sealed class DataRow : DataRecord
{
    public DataRow(int number, int? line, IReadOnlyDictionary<string, string?> values)
        : base(line, values)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        Number = number;
    }

    /// <summary>
    /// The 1-based data row: the N-th record of the input, whatever its format (CSV: the N-th
    /// record after the header; JSON: the N-th element of the array; JSON Lines: the N-th
    /// non-blank line). The same data therefore has the same row numbers in every format.
    /// </summary>
    public int Number { get; }

    public override string ToString() => $"row {Number}";
}

/// <summary>A row, or the input as a whole, that could not be read.</summary>
public sealed class DataError : DataRecord
{
    private static readonly IReadOnlyDictionary<string, string?> NoValues =
        new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    public DataError(int? row, int? line, string message, bool stopsReading, IReadOnlyDictionary<string, string?>? values = null)
        : base(line, values ?? NoValues)
    {
        if (row is { } number)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(number, 1, nameof(row));
        }

        Row = row;
        Message = message;
        StopsReading = stopsReading;
    }

    /// <summary>
    /// The 1-based data row (numbered as <see cref="DataRow.Number"/>), or null when the
    /// problem is the input as a whole (a CSV header naming a column twice, a JSON file that is
    /// not an array). A row error is a rejected row; an input error is not a row at all.
    /// </summary>
    public int? Row { get; }

    /// <summary>
    /// What is wrong, without the row or line number (the caller prefixes them).
    /// </summary>
    public string Message { get; }

    /// <summary>
    /// True when nothing after this error can be read reliably (malformed JSON inside an array,
    /// a CSV parser failure); it is then the last record. Row errors in CSV and JSON Lines do
    /// not stop reading.
    /// </summary>
    public bool StopsReading { get; }

    public override string ToString() => Row is { } row ? $"row {row}: {Message}" : Message;
}
