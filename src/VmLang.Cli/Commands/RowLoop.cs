using VmLang.Binding;
using VmLang.Emit;
using VmLang.Rendering;

namespace VmLang.Cli.Commands;

/// <summary>Streams data records through the row checker into the sink, naming every rejected row.</summary>
internal sealed class RowLoop(
    RenderRequest request,
    TemplateSymbol template,
    RowChecker checker,
    DataSource source,
    IScriptSink sink,
    IProgressReporter progress)
{
    private readonly HashSet<string> _reportedColumns = new(StringComparer.OrdinalIgnoreCase);
    private RejectsCsvWriter? _rejects;
    private bool _columnsChecked;

    public RenderSummary Summary { get; } = new();

    public int Run()
    {
        var dataName = request.DataName;
        try
        {
            foreach (var record in source.ReadRecords())
            {
                if (!_columnsChecked && !CheckColumns()) return CliApplication.ErrorsFound;
                ReportUnknownColumns();
                switch (record)
                {
                    case DataError { Row: null } error:
                        progress.WriteLine($"vmlang: {dataName}{Where(error.Line)}: {error.Message}");
                        return CliApplication.BadInput;
                    case DataError error:
                        Reject(error.Row!.Value, error.Line, error.Values, [error.Message]);
                        break;
                    case DataRow row:
                        RenderRow(row);
                        break;
                }
                progress.Report(Summary.Read, source.InputPosition);
            }
            // A header with no rows under it still has to fit the template (an empty input has no header and claims nothing).
            if (!_columnsChecked && source.Columns.Count > 0 && !CheckColumns()) return CliApplication.ErrorsFound;
            _rejects?.Complete();
        }
        catch (IOException error)
        {
            throw new CliInputException($"cannot read '{request.DataPath}': {error.Message}");
        }
        finally
        {
            _rejects?.Dispose();
        }
        return Summary.Rejected > 0 ? CliApplication.ErrorsFound : CliApplication.Success;
    }

    private void RenderRow(DataRow row)
    {
        var result = checker.Check(row.Values);
        if (result.IsRejected)
        {
            Reject(row.Number, row.Line, row.Values, result.Rejections);
            return;
        }
        foreach (var warning in result.Warnings) progress.WriteLine($"{request.DataName}: row {row.Number}: warning {warning}");
        sink.Write(new RenderedScript(row.Number, template.Name, result.Prospect, result.Script!, result.Seconds, result.Warnings, result.Contact));
        Summary.CountRendered();
    }

    private void Reject(int row, int? line, IReadOnlyDictionary<string, string?> values, IReadOnlyList<string> reasons)
    {
        var reason = string.Join("; ", reasons);
        progress.WriteLine($"{request.DataName}{Where(line)}: row {row}: rejected: {reason}");
        if (request.RejectsPath is { } path)
        {
            _rejects ??= new RejectsCsvWriter(path, source.Columns);
            _rejects.Write(values, reason);
        }
        Summary.CountRejected();
    }

    /// <summary>
    /// A CSV header is known before the first row: a required slot with no column would reject every
    /// row, so it is an error before anything is rendered. JSON keys are only known row by row.
    /// </summary>
    private bool CheckColumns()
    {
        _columnsChecked = true;
        if (source.Format != DataFormat.Csv) return true;
        var missing = checker.RequiredSlots.Where(s => !source.Columns.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        foreach (var slot in missing)
        {
            progress.WriteLine($"vmlang: {request.DataName} has no column '{slot.Name}' for required slot '{slot.Name}' ({slot.Role?.Name ?? "text"}) of template '{template.Name}'; nothing was rendered.");
        }
        return missing.Count == 0;
    }

    private void ReportUnknownColumns()
    {
        foreach (var column in source.Columns)
        {
            if (!_reportedColumns.Add(column) || template.Slots.Any(s => string.Equals(s.Name, column, StringComparison.OrdinalIgnoreCase))) continue;
            progress.WriteLine($"{request.DataName}: warning: column '{column}' matches no slot of template '{template.Name}' and is not used.");
        }
    }

    private static string Where(int? line) => line is { } l ? $"({l})" : "";
}
