namespace VmLang.LanguageServer;

/// <summary>
/// Runs an action once things have been quiet for a while, per key: e.g. collect garbage once
/// edits have stopped for 30 ms (<see cref="IdleCollector"/>).
/// </summary>
/// <remarks>
/// Scheduling again for a key cancels the earlier action, even one that has already started, since
/// its result would describe a superseded state. Time comes from a <see cref="TimeProvider"/> so
/// tests can advance it by hand.
/// </remarks>
internal sealed class Debouncer<TKey> : IDisposable
    where TKey : notnull
{
    private readonly TimeSpan _delay;
    private readonly TimeProvider _timeProvider;
    private readonly TextWriter _log;
    private readonly Dictionary<TKey, CancellationTokenSource> _scheduled = [];
    private readonly Lock _scheduledLock = new();
    private bool _disposed;

    /// <param name="log">Where exceptions thrown by actions go, since nobody awaits them.</param>
    public Debouncer(TimeSpan delay, TimeProvider timeProvider, TextWriter log)
    {
        _delay = delay;
        _timeProvider = timeProvider;
        _log = TextWriter.Synchronized(log);
    }

    /// <summary>Runs <paramref name="action"/> after the delay unless <paramref name="key"/> is scheduled or cancelled again first.</summary>
    public void Schedule(TKey key, Func<CancellationToken, Task> action)
    {
        // Plain (unlinked, timer-less) token sources own nothing that needs disposing, so they are
        // left to the GC: this way cancelling a run never races with that run disposing its source.
        var cancellation = new CancellationTokenSource();
        CancellationTokenSource? superseded;
        lock (_scheduledLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _scheduled.Remove(key, out superseded);
            _scheduled[key] = cancellation;
        }

        superseded?.Cancel();
        _ = RunAsync(key, action, cancellation);
    }

    /// <summary>Cancels the pending or running action for <paramref name="key"/>, e.g. when its document closes.</summary>
    public void Cancel(TKey key)
    {
        CancellationTokenSource? cancellation;
        lock (_scheduledLock)
        {
            _scheduled.Remove(key, out cancellation);
        }

        cancellation?.Cancel();
    }

    public void Dispose()
    {
        CancellationTokenSource[] all;
        lock (_scheduledLock)
        {
            _disposed = true;
            all = [.. _scheduled.Values];
            _scheduled.Clear();
        }

        foreach (CancellationTokenSource cancellation in all)
        {
            cancellation.Cancel();
        }
    }

    private async Task RunAsync(TKey key, Func<CancellationToken, Task> action, CancellationTokenSource cancellation)
    {
        try
        {
            await Task.Delay(_delay, _timeProvider, cancellation.Token).ConfigureAwait(false);
            await action(cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Superseded or cancelled: nothing to report.
        }
        catch (Exception e)
        {
            _log.WriteLine($"[lsp] debounced action for {key} failed: {e}");
        }
        finally
        {
            lock (_scheduledLock)
            {
                if (_scheduled.TryGetValue(key, out CancellationTokenSource? current) && current == cancellation)
                {
                    _scheduled.Remove(key);
                }
            }
        }
    }
}
