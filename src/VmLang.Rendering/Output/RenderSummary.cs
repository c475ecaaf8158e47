namespace VmLang.Rendering;

/// <summary>
/// The totals spec §9 requires after every render: rows read, rendered and rejected. Every
/// data row is counted exactly once, as rendered or rejected, so nothing is silently dropped.
/// An error about the input as a whole (<see cref="DataError.Row"/> is null) is not a row.
/// </summary>
public sealed class RenderSummary
{
    public int Read => Rendered + Rejected;

    public int Rendered { get; private set; }

    public int Rejected { get; private set; }

    public void CountRendered() => Rendered++;

    public void CountRejected() => Rejected++;

    /// <summary>"read 12, rendered 10, rejected 2".</summary>
    public string Format() => $"read {Read}, rendered {Rendered}, rejected {Rejected}";

    public override string ToString() => Format();
}
