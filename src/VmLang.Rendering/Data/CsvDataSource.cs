using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace VmLang.Rendering;

/// <summary>
/// CSV with a header row: RFC 4180 quoting (fields may hold commas, quotes and newlines), a
/// UTF-8 or UTF-16 byte-order mark is honoured, blank lines are skipped and not counted.
/// </summary>
/// <remarks>
/// Header names are trimmed; a blank header cell names no column and its values are ignored
/// (spreadsheets often export trailing empty columns). Two header cells naming the same column
/// (case-insensitively, as slots are matched) make the whole input unreadable, because either
/// choice between them would silently render the wrong value. A row with more or fewer fields
/// than the header is rejected; its values are kept by position for the rejects file.
/// </remarks>
internal sealed class CsvDataSource(Stream input, bool leaveOpen) : DataSource(input, leaveOpen)
{
    private readonly ColumnSet _columns = new();

    public override DataFormat Format => DataFormat.Csv;

    public override IReadOnlyList<string> Columns => _columns;

    private protected override IEnumerable<DataRecord> ReadRecordsCore(Stream input)
    {
        using var text = new StreamReader(input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, BufferSize, leaveOpen: true);
        using var reader = new CsvRecordReader(text, _columns);
        while (reader.ReadNext() is { } record)
        {
            yield return record;
            if (record is DataError { StopsReading: true })
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// The parsing proper, outside the iterator because C# allows no <c>yield</c> inside a
    /// <c>try</c> with a <c>catch</c>.
    /// </summary>
    private sealed class CsvRecordReader : IDisposable
    {
        private readonly CsvParser _parser;
        private readonly ColumnSet _columns;

        /// <summary>The column each field position maps to; null for a blank header cell.</summary>
        private string?[]? _columnAt;
        private int _row;
        private BadDataFoundArgs? _badData;

        public CsvRecordReader(TextReader text, ColumnSet columns)
        {
            _columns = columns;
            var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                // Report, don't throw: a stray quote rejects one row, not the run.
                BadDataFound = args => _badData ??= args,
                MissingFieldFound = null,
                DetectColumnCountChanges = false,
                IgnoreBlankLines = true,
            };
            _parser = new CsvParser(text, configuration, leaveOpen: true);
        }

        public DataRecord? ReadNext()
        {
            var row = _row + 1;
            try
            {
                if (_columnAt is null && ReadHeader() is { } headerError)
                {
                    return headerError;
                }

                if (_columnAt is null)
                {
                    return null;
                }

                _badData = null;
                if (!_parser.Read())
                {
                    return null;
                }

                _row = row;
                return ToRecord(row, _parser.Record ?? [], StartLine());
            }
            catch (CsvHelperException exception)
            {
                // The parser cannot resynchronise after its own failure; stop here.
                var where = _columnAt is null ? null : (int?)row;
                return new DataError(where, null, $"the CSV parser failed: {exception.Message}", stopsReading: true);
            }
        }

        public void Dispose() => _parser.Dispose();

        /// <summary>Reads the header into <see cref="_columnAt"/>; null when fine or when the input is empty.</summary>
        private DataError? ReadHeader()
        {
            if (!_parser.Read())
            {
                // An empty file has no header and no rows: nothing to render, nothing wrong.
                return null;
            }

            var header = _parser.Record ?? [];
            var columnAt = new string?[header.Length];
            for (var i = 0; i < header.Length; i++)
            {
                var name = header[i].Trim();
                if (name.Length == 0)
                {
                    continue;
                }

                if (!_columns.Add(name))
                {
                    var first = Array.FindIndex(columnAt, c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
                    return new DataError(
                        null,
                        StartLine(),
                        $"the header names column '{name}' twice (fields {first + 1} and {i + 1}); columns match slot names case-insensitively, so rename one",
                        stopsReading: true);
                }

                columnAt[i] = name;
            }

            _columnAt = columnAt;
            return null;
        }

        private DataRecord ToRecord(int row, string[] fields, int line)
        {
            var columnAt = _columnAt!;
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < Math.Min(fields.Length, columnAt.Length); i++)
            {
                if (columnAt[i] is { } column)
                {
                    values[column] = fields[i];
                }
            }

            if (_badData is { } bad)
            {
                return new DataError(
                    row,
                    line,
                    $"malformed quoting near {Excerpt(bad.Field)}: a field with a quote, comma or newline must be quoted whole, with inner quotes doubled (\"\")",
                    stopsReading: false,
                    values);
            }

            if (fields.Length != columnAt.Length)
            {
                return new DataError(
                    row,
                    line,
                    $"has {fields.Length} field{(fields.Length == 1 ? "" : "s")} but the header has {columnAt.Length}",
                    stopsReading: false,
                    values);
            }

            return new DataRow(row, line, values);
        }

        /// <summary>
        /// The line where the current record starts. The parser reports the line where it ends;
        /// a quoted field may span lines, so subtract the line breaks inside the record.
        /// </summary>
        private int StartLine()
        {
            var raw = _parser.RawRecord.AsSpan().TrimEnd("\r\n");
            return Math.Max(1, _parser.RawRow - CountLineBreaks(raw));
        }

        private static int CountLineBreaks(ReadOnlySpan<char> text)
        {
            var count = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
                {
                    count++;
                }
            }

            return count;
        }

        private static string Excerpt(string field)
        {
            const int MaxLength = 30;
            var oneLine = field.ReplaceLineEndings(" ");
            return oneLine.Length <= MaxLength ? $"«{oneLine}»" : $"«{oneLine[..MaxLength]}…»";
        }
    }
}
