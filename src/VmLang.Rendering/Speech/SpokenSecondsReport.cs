using System.Globalization;

namespace VmLang.Rendering;

/// <summary>
/// Each spoken row's measured length next to its estimate, for the totals after a render. Rows are
/// spoken on the row workers but added here by the speech sink on the writing thread, in row order,
/// so the report does not depend on the number of jobs.
/// </summary>
public sealed class SpokenSecondsReport
{
    private readonly List<Entry> _rows = [];

    public int Count => _rows.Count;

    /// <param name="fileName">The WAV written for the row, or null when the audio was only measured.</param>
    public void Add(int row, string? fileName, double estimatedSeconds, double spokenSeconds)
    {
        if (_rows.Count > 0 && row <= _rows[^1].Row)
        {
            throw new InvalidOperationException($"Row {row} was spoken after row {_rows[^1].Row}; rows are added in order, once each.");
        }

        _rows.Add(new Entry(row, fileName, estimatedSeconds, spokenSeconds));
    }

    /// <summary>
    /// "row 1: spoken 22.3 s, estimated 23.2 s (00001-dana-reyes.wav)" per row, then
    /// "spoken 41.9 s in all, estimated 43.5 s"; nothing when no row was spoken.
    /// </summary>
    public IEnumerable<string> Lines()
    {
        if (_rows.Count == 0) yield break;
        var spoken = 0.0;
        var estimated = 0.0;
        foreach (var entry in _rows)
        {
            spoken += entry.Spoken;
            estimated += entry.Estimated;
            var file = entry.FileName is null ? "" : $" ({entry.FileName})";
            yield return $"row {entry.Row}: spoken {Seconds(entry.Spoken)} s, estimated {Seconds(entry.Estimated)} s{file}";
        }

        yield return $"spoken {Seconds(spoken)} s in all, estimated {Seconds(estimated)} s";
    }

    private static string Seconds(double seconds) =>
        Math.Round(seconds, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);

    private sealed record Entry(int Row, string? FileName, double Estimated, double Spoken);
}
