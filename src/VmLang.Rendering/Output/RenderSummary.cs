namespace VmLang.Rendering;

/// <summary>
/// The totals spec §9 requires after every render: rows read, rendered and rejected. Every
/// data row is counted exactly once, as rendered or rejected, so nothing is silently dropped —
/// or, when its script could not be written (a full disk), as not written, which ends the run.
/// An error about the input as a whole (<see cref="DataError.Row"/> is null) is not a row.
/// </summary>
public sealed class RenderSummary
{
    public int Read => Rendered + Rejected + NotWritten;

    /// <summary>Rows whose script failed to write; named only when there is one.</summary>
    public int NotWritten { get; private set; }

    public void CountNotWritten() => NotWritten++;

    public int Rendered { get; private set; }

    public int Rejected { get; private set; }

    public void CountRendered() => Rendered++;

    public void CountRejected() => Rejected++;

    /// <summary>"read 12, rendered 10, rejected 2" (", not written 1" after a write failure).</summary>
    public string Format() => $"read {Read}, rendered {Rendered}, rejected {Rejected}{(NotWritten > 0 ? $", not written {NotWritten}" : "")}";

    public override string ToString() => Format();
}
