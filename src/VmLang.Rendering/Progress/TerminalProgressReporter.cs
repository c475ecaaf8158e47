using Spectre.Console;

namespace VmLang.Rendering;

/// <summary>
/// A Spectre.Console progress bar on stderr that appears only once the run has taken longer
/// than a delay (2 s by default): short runs show nothing, long ones show the share of the
/// input read, or — when the size is unknown, as with a pipe — a running row count. It is
/// cleared when the run ends, leaving only the messages and the caller's totals.
/// </summary>
/// <remarks>
/// The render loop stays on its own thread and only updates counters; a background task draws.
/// Messages go through the same Spectre console, which redraws the bar below them instead of
/// letting the two interleave.
/// </remarks>
public sealed class TerminalProgressReporter : IProgressReporter
{
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(100);

    private readonly IAnsiConsole _console;
    private readonly long? _totalBytes;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _writeLock = new();
    private readonly Task _display;
    private int _rowsDone;
    private long _bytesRead;
    private bool _disposed;

    /// <param name="console">A Spectre console writing to stderr.</param>
    /// <param name="totalBytes">The input's size, or null when unknown.</param>
    /// <param name="delay">How long the run must take before the bar appears.</param>
    public TerminalProgressReporter(IAnsiConsole console, long? totalBytes, TimeSpan delay)
    {
        _console = console;
        _totalBytes = totalBytes is > 0 ? totalBytes : null;
        _display = Task.Run(() => DisplayAsync(delay, _stop.Token));
    }

    public void Report(int rowsDone, long bytesRead)
    {
        Volatile.Write(ref _rowsDone, rowsDone);
        Interlocked.Exchange(ref _bytesRead, bytesRead);
    }

    public void WriteLine(string message)
    {
        lock (_writeLock)
        {
            _console.WriteLine(TerminalText.Sanitize(message));
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        try
        {
            _display.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task DisplayAsync(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Finished before the delay: a short run shows no bar at all.
            return;
        }

        await _console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("rendering", maxValue: _totalBytes ?? 1);
                task.IsIndeterminate = _totalBytes is null;
                while (!stop.IsCancellationRequested)
                {
                    Update(task);
                    try
                    {
                        await Task.Delay(RefreshInterval, stop).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }

                Update(task);
            })
            .ConfigureAwait(false);
    }

    private void Update(ProgressTask task)
    {
        var rows = Volatile.Read(ref _rowsDone);
        task.Description = $"rendering · {rows} {(rows == 1 ? "row" : "rows")}";
        if (_totalBytes is { } total)
        {
            task.Value = Math.Min(Interlocked.Read(ref _bytesRead), total);
        }
    }
}
