using System.Text;
using CsvHelper;

namespace VmLang.Rendering;

/// <summary>
/// CSV with a header row: RFC 4180 quoting (fields may hold commas, quotes and newlines), a
/// UTF-8, UTF-16 or UTF-32 byte-order mark is honoured, blank lines are skipped and not counted.
/// </summary>
/// <remarks>
/// Header names are trimmed; a blank header cell names no column and its values are ignored
/// (spreadsheets often export trailing empty columns). Two header cells naming the same column
/// (case-insensitively, as slots are matched) make the whole input unreadable, because either
/// choice between them would silently render the wrong value. A row with more or fewer fields
/// than the header, with malformed quoting, or with bytes that are not UTF-8 is rejected; its
/// values are kept by position for the rejects file. A cell written as <c>'=…</c>, <c>'+…</c>,
/// <c>'-…</c> or <c>'@…</c> is read without the apostrophe (see <see cref="FormulaCells"/>).
/// </remarks>
internal sealed class CsvDataSource(Stream input, bool leaveOpen) : DataSource(input, leaveOpen)
{
    private readonly ColumnSet _columns = new();

    public override DataFormat Format => DataFormat.Csv;

    public override IReadOnlyList<string> Columns => _columns;

    private protected override IEnumerable<DataRecord> ReadRecordsCore(Stream input)
    {
        using var reader = new CsvRecordReader(ByteOrderMarks.ToUtf8(input), _columns);
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
        private readonly CsvReader _reader;
        private readonly ColumnSet _columns;

        /// <summary>The column each field position maps to; null until the header is read.</summary>
        private CsvHeader? _header;
        private int _row;
        private CsvMalformedRecord? _malformed;

        public CsvRecordReader(Stream utf8, ColumnSet columns)
        {
            _columns = columns;
            var options = new CsvReaderOptions
            {
                HasHeader = false,
                Separator = ',',
                Mode = CsvMode.Rfc4180,
                // Report, don't throw: a stray quote rejects one row, not the run.
                MalformedData = CsvMalformedDataHandling.Recover,
                OnMalformedRecord = malformed => _malformed = malformed,
                FieldCountMismatch = CsvFieldCountHandling.Allow,
                MissingField = CsvMissingFieldHandling.ReturnEmpty,
                SkipEmptyLines = true,
                TrackLineNumbers = true,
                TrimWhitespace = false,
                DetectSeparatorHint = false,
                // Data repeats (the rep, the firm, the pitch): one string per distinct value of a column,
                // not one a row. A column whose values do not repeat stops pooling by itself.
                PoolStrings = true,
                Encoding = new UTF8Encoding(false),
                BufferSize = BufferSize,
            };
            _reader = CsvReader.Create(utf8, options, leaveOpen: true);
        }

        public DataRecord? ReadNext()
        {
            var row = _row + 1;
            try
            {
                if (_header is null && ReadHeader() is { } headerError)
                {
                    return headerError;
                }

                if (_header is null)
                {
                    return null;
                }

                _malformed = null;
                if (!_reader.Read())
                {
                    return null;
                }

                _row = row;
                return ToRecord(row, (int)_reader.LineNumber);
            }
            catch (CsvFormatException exception)
            {
                // The reader cannot resynchronise after its own failure; stop here.
                var where = _header is null ? null : (int?)row;
                return new DataError(where, null, $"the CSV reader failed: {exception.Message}", stopsReading: true);
            }
        }

        public void Dispose() => _reader.Dispose();

        /// <summary>Reads the header into <see cref="_header"/>; null when fine or when the input is empty.</summary>
        private DataError? ReadHeader()
        {
            if (!_reader.Read())
            {
                // An empty file has no header and no rows: nothing to render, nothing wrong.
                return null;
            }

            var columnAt = new string?[_reader.FieldCount];
            for (var i = 0; i < columnAt.Length; i++)
            {
                var name = _reader.GetString(i).Trim();
                if (name.Length == 0)
                {
                    continue;
                }

                if (!_columns.Add(name))
                {
                    var first = Array.FindIndex(columnAt, c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
                    return new DataError(
                        null,
                        (int)_reader.LineNumber,
                        $"the header names column '{name}' twice (fields {first + 1} and {i + 1}); columns match slot names case-insensitively, so rename one",
                        stopsReading: true);
                }

                columnAt[i] = name;
            }

            _header = new CsvHeader(columnAt);
            return null;
        }

        private DataRecord ToRecord(int row, int line)
        {
            var columnAt = _header!.ColumnAt;
            var fieldCount = _reader.FieldCount;
            var fields = new string?[columnAt.Length];
            var values = new CsvRowValues(_header, fields);
            int? notUtf8 = null;
            for (var i = 0; i < Math.Min(fieldCount, columnAt.Length); i++)
            {
                if (columnAt[i] is null)
                {
                    continue;
                }

                if (notUtf8 is null && !System.Text.Unicode.Utf8.IsValid(_reader.GetRawSpan(i)))
                {
                    notUtf8 = i;
                }

                fields[i] = FormulaCells.Unescape(_reader.GetString(i));
            }

            if (_malformed is { } malformed)
            {
                return new DataError(
                    row,
                    line,
                    $"malformed quoting near {Excerpt(malformed.RawRecord)}: a field with a quote, comma or newline must be quoted whole, with inner quotes doubled (\"\")",
                    stopsReading: false,
                    values);
            }

            if (notUtf8 is { } field)
            {
                return new DataError(
                    row,
                    line,
                    $"column '{columnAt[field]}' is not valid UTF-8; if the file uses another encoding, name it with --data-encoding (e.g. latin1)",
                    stopsReading: false,
                    values);
            }

            if (fieldCount != columnAt.Length)
            {
                return new DataError(
                    row,
                    line,
                    $"has {fieldCount} field{(fieldCount == 1 ? "" : "s")} but the header has {columnAt.Length}",
                    stopsReading: false,
                    values);
            }

            return new DataRow(row, line, values);
        }

        private static string Excerpt(string record)
        {
            const int maxLength = 30;
            var oneLine = record.TrimEnd('\r', '\n').ReplaceLineEndings(" ");
            return oneLine.Length <= maxLength ? $"«{oneLine}»" : $"«{oneLine[..maxLength]}…»";
        }
    }
}
