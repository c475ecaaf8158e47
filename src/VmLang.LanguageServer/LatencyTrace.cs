using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace VmLang.LanguageServer;

/// <summary>
/// Where a keystroke's time goes inside the server, for finding latency that in-process step timings do
/// not show (thread hops, waits, writes): when the environment variable <c>VMLANG_LSP_TRACE</c> names a
/// file, each edit's stages are appended to it as one line of milliseconds since the edit was read.
/// Off (one static check per stage) otherwise.
/// </summary>
internal static class LatencyTrace
{
    private static readonly StreamWriter? Writer = Open(Environment.GetEnvironmentVariable("VMLANG_LSP_TRACE"));
    private static readonly Lock Gate = new();
    private static readonly Dictionary<int, List<(string Stage, long At)>> ByVersion = [];

    private static readonly long Start = Stopwatch.GetTimestamp();
    private static long LastRead;

    /// <summary>Writes a line about something else that took time (a collection), with when it started.</summary>
    public static void Note(long startedAt, string what)
    {
        if (Writer is null) return;
        var now = Stopwatch.GetTimestamp();
        lock (Gate)
        {
            Writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{what} at={Stopwatch.GetElapsedTime(Start, startedAt).TotalMilliseconds:0.0} took={Stopwatch.GetElapsedTime(startedAt, now).TotalMilliseconds:0.00}"));
        }
    }

    public static bool IsOn => Writer is not null;

    /// <summary>A message was just read; an edit in it is timed from here.</summary>
    public static void Read()
    {
        if (Writer is not null) LastRead = Stopwatch.GetTimestamp();
    }

    /// <summary>The message read last produced <paramref name="version"/>.</summary>
    public static void MarkRead(int version)
    {
        if (Writer is null) return;
        lock (Gate) ByVersion[version] = [("read", LastRead)];
    }

    /// <summary>Notes that the edit producing <paramref name="version"/> reached <paramref name="stage"/>.</summary>
    public static void Mark(int version, string stage)
    {
        if (Writer is null) return;
        var at = Stopwatch.GetTimestamp();
        lock (Gate)
        {
            if (!ByVersion.TryGetValue(version, out var stages)) ByVersion[version] = stages = [];
            stages.Add((stage, at));
        }
    }

    /// <summary>Writes the stages of <paramref name="version"/> and of every earlier version not yet written.</summary>
    public static void Flush(int version)
    {
        if (Writer is null) return;
        lock (Gate)
        {
            foreach (var done in ByVersion.Keys.Where(v => v <= version).Order().ToList())
            {
                var stages = ByVersion[done];
                ByVersion.Remove(done);
                var line = new StringBuilder().Append(CultureInfo.InvariantCulture, $"v{done} at={Stopwatch.GetElapsedTime(Start, stages[0].At).TotalMilliseconds:0.0}");
                foreach (var (stage, at) in stages)
                {
                    line.Append(CultureInfo.InvariantCulture, $" {stage}={Stopwatch.GetElapsedTime(stages[0].At, at).TotalMilliseconds:0.00}");
                }
                Writer.WriteLine(line);
            }
            Writer.Flush();
        }
    }

    private static StreamWriter? Open(string? path) =>
        string.IsNullOrEmpty(path) ? null : new StreamWriter(path, append: true) { AutoFlush = false };
}
