using System.Text;

namespace VmLang.Rendering;

/// <summary>
/// JSON Lines (also called NDJSON): one object per line. A blank or whitespace-only line is
/// skipped and is not a row, so row N is the N-th object as in the other formats; the
/// record's <see cref="DataRecord.Line"/> is the physical line an editor shows. A bad line
/// rejects that row only, and reading goes on.
/// </summary>
internal sealed class JsonLinesDataSource(Stream input, bool leaveOpen) : DataSource(input, leaveOpen)
{
    private readonly ColumnSet _columns = new();

    public override DataFormat Format => DataFormat.JsonLines;

    public override IReadOnlyList<string> Columns => _columns;

    private protected override IEnumerable<DataRecord> ReadRecordsCore(Stream input)
    {
        using var text = DataEncoding.OpenText(input, BufferSize);
        var line = 0;
        var row = 0;
        while (text.ReadLine() is { } content)
        {
            line++;
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            row++;
            if (DataEncoding.ContainsInvalidBytes(content))
            {
                yield return new DataError(row, line, DataEncoding.InvalidRowMessage, stopsReading: false);
                continue;
            }

            yield return JsonRowConverter.Convert(Encoding.UTF8.GetBytes(content), row, line, _columns);
        }
    }
}
