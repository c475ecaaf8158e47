using VmLang.Binding;
using VmLang.Cli.Output;
using VmLang.Emit;
using VmLang.Rendering;

namespace VmLang.Cli.Commands;

/// <summary>
/// Streams data records through row checkers into the sink, naming every rejected row. Rows are
/// checked, rendered and, when the run speaks, spoken on <see cref="RenderRequest.Jobs"/> threads
/// (<see cref="OrderedParallel"/>); everything that writes — scripts, WAV files, rejects, messages,
/// totals — happens here, on one thread, in row order, so the output is byte-identical to a one-thread run.
/// </summary>
internal sealed class RowLoop(
    RenderRequest request,
    TemplateSymbol template,
    RowChecker checker,
    Func<RowChecker> createChecker,
    DataSource source,
    ScriptSpeaker? speaker,
    IScriptSink sink,
    IProgressReporter progress)
{
    // The data's columns as of the row being written. The source's own list grows as records are
    // read, ahead of the rows written here; the rejects file must see what a one-thread run sees.
    private readonly List<string> _columns = [];
    private RejectsCsvWriter? _rejects;
    private bool _columnsChecked;

    public RenderSummary Summary { get; } = new();

    public int Run()
    {
        try
        {
            // Always written when asked for, header only if nothing is rejected: a stale file must not survive.
            if (request.RejectsPath is { } rejectsPath) _rejects = new RejectsCsvWriter(rejectsPath, _columns);
            foreach (var (record, newColumns, result, speech) in OrderedParallel.Select(ReadRecords(), CreateWorker, request.Jobs, ChunkSize))
            {
                _columns.AddRange(newColumns);
                if (!_columnsChecked && !CheckColumns()) return CliApplication.ErrorsFound;
                ReportUnknownColumns(newColumns);
                switch (record)
                {
                    case DataError { Row: null } error:
                        Say($"vmlang: {request.DataName}{Where(error.Line)}: {error.Message}");
                        return CliApplication.BadInput;
                    case DataError error:
                        Reject(error.Row!.Value, error.Line, error.Values, [error.Message]);
                        break;
                    case DataRow row:
                        Write(row, result!, speech);
                        break;
                }
                progress.Report(Summary.Read, source.InputPosition);
            }
            // A header with no rows under it still has to fit the template (an empty input has no header and claims nothing).
            _columns.AddRange(source.Columns.Skip(_columns.Count));
            if (!_columnsChecked && _columns.Count > 0 && !CheckColumns()) return CliApplication.ErrorsFound;
            sink.Complete();
            _rejects?.Complete();
        }
        catch (OutputWriteException error)
        {
            Say($"vmlang: {error.Message}");
            return CliApplication.BadInput;
        }
        catch (IOException error)
        {
            Say($"vmlang: cannot read '{request.DataPath}': {error.Message}");
            return CliApplication.BadInput;
        }
        finally
        {
            _rejects?.Dispose();
        }
        return Summary.Rejected > 0 ? CliApplication.ErrorsFound : CliApplication.Success;
    }

    /// <summary>The records with the columns each one added, read a chunk at a time by whichever thread takes the next chunk.</summary>
    private IEnumerable<ReadRecord> ReadRecords()
    {
        var known = 0;
        foreach (var record in source.ReadRecords())
        {
            var columns = source.Columns;
            string[] added = columns.Count == known ? [] : [.. columns.Skip(known)];
            known = columns.Count;
            yield return new ReadRecord(record, added, null, null);
        }
    }

    /// <summary>
    /// A spoken row costs an espeak-ng process, thousands of times its check: one row a chunk keeps every
    /// thread busy to the last row, and holds only a few rows' audio between speaking and writing.
    /// </summary>
    private int ChunkSize => speaker is null ? OrderedParallel.DefaultChunkSize : 1;

    /// <summary>One worker's row check: the first worker uses the checker made up front, the others their own.</summary>
    private Func<ReadRecord, ReadRecord> CreateWorker()
    {
        var own = Interlocked.Exchange(ref _checkerTaken, 1) == 0 ? checker : createChecker();
        return read => read.Record is DataRow row ? Check(read, row, own) : read;
    }

    private int _checkerTaken;

    /// <summary>
    /// Checks a row and, when the run speaks, speaks it if accepted. Nothing here is seen by the user: the
    /// speech, or espeak-ng's failure on the row, waits in the result for <see cref="Write"/> to write or report.
    /// </summary>
    private ReadRecord Check(ReadRecord read, DataRow row, RowChecker rowChecker)
    {
        var result = rowChecker.Check(row.Values);
        var speech = speaker is not null && !result.IsRejected ? speaker.Speak(ScriptOf(row, result, null)) : null;
        return read with { Result = result, Speech = speech };
    }

    private RenderedScript ScriptOf(DataRow row, RowResult result, SpeechResult? speech) =>
        new(row.Number, template.Name, result.Prospect, result.Script!, result.Seconds, result.Warnings, result.Contact, Speech: speech);

    private void Write(DataRow row, RowResult result, SpeechResult? speech)
    {
        if (result.IsRejected)
        {
            Reject(row.Number, row.Line, row.Values, result.Rejections);
            return;
        }
        foreach (var warning in result.Warnings) Say($"{request.DataName}: row {row.Number}: warning {warning}");
        try
        {
            sink.Write(ScriptOf(row, result, speech));
        }
        catch (OutputWriteException)
        {
            Summary.CountNotWritten();
            throw;
        }
        Summary.CountRendered();
    }

    private void Reject(int row, int? line, IReadOnlyDictionary<string, string?> values, IReadOnlyList<string> reasons)
    {
        var reason = string.Join("; ", reasons);
        Say($"{request.DataName}{Where(line)}: row {row}: rejected: {reason}");
        _rejects?.Write(values, reason);
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
        var missing = checker.RequiredSlots.Where(s => !_columns.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        foreach (var slot in missing)
        {
            Say($"vmlang: {request.DataName} has no column '{slot.Name}' for required slot '{slot.Name}' ({slot.Role?.Name ?? "text"}) of template '{template.Name}'; nothing was rendered.");
        }
        return missing.Count == 0;
    }

    private void ReportUnknownColumns(string[] added)
    {
        foreach (var column in added)
        {
            // Each column is new exactly once: a source's columns are unique, case-insensitively.
            if (RowChecker.UnusedColumnWarning(template, column) is not { } warning) continue;
            Say($"{request.DataName}: warning: {warning}.");
        }
    }

    /// <summary>One message, one line: data values quoted in a message may hold line breaks or escape sequences.</summary>
    private void Say(string message) => progress.WriteLine(OneLine.Escape(message));

    private static string Where(int? line) => line is { } l ? $"({l})" : "";

    // A value, so that a row in flight costs no object of its own here.
    private readonly record struct ReadRecord(DataRecord Record, string[] NewColumns, RowResult? Result, SpeechResult? Speech);
}
