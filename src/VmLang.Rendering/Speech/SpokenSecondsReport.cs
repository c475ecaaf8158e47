using System.Collections.Concurrent;
using System.Globalization;

namespace VmLang.Rendering;

/// <summary>
/// Each spoken row's measured length next to its estimate, for the totals after a render. Rows
/// may be spoken on several threads; the report is in row order whatever order they finished in,
/// so the output does not depend on the number of jobs.
/// </summary>
public sealed class SpokenSecondsReport
{
    private readonly ConcurrentDictionary<int, Entry> _rows = new();

    public int Count => _rows.Count;

    /// <param name="fileName">The WAV written for the row, or null when the audio was only measured.</param>
    public void Add(int row, string? fileName, double estimatedSeconds, double spokenSeconds)
    {
        if (!_rows.TryAdd(row, new Entry(fileName, estimatedSeconds, spokenSeconds)))
        {
            throw new InvalidOperationException($"Row {row} was spoken twice.");
        }
    }

    /// <summary>
    /// "row 1: spoken 22.3 s, estimated 23.2 s (00001-dana-reyes.wav)" per row, then
    /// "spoken 41.9 s in all, estimated 43.5 s"; nothing when no row was spoken.
    /// </summary>
    public IEnumerable<string> Lines()
    {
        if (_rows.IsEmpty) yield break;
        var spoken = 0.0;
        var estimated = 0.0;
        foreach (var (row, entry) in _rows.OrderBy(r => r.Key))
        {
            spoken += entry.Spoken;
            estimated += entry.Estimated;
            var file = entry.FileName is null ? "" : $" ({entry.FileName})";
            yield return $"row {row}: spoken {Seconds(entry.Spoken)} s, estimated {Seconds(entry.Estimated)} s{file}";
        }

        yield return $"spoken {Seconds(spoken)} s in all, estimated {Seconds(estimated)} s";
    }

    private static string Seconds(double seconds) =>
        Math.Round(seconds, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);

    private sealed record Entry(string? FileName, double Estimated, double Spoken);
}
