namespace VmLang.LanguageServer;

/// <summary>
/// Collects garbage while the user is not typing. Every keystroke replaces a compilation, and the
/// old one becomes garbage; left alone, the runtime collects whenever its budget runs out, which is
/// in the middle of some later keystroke's compile, and that pause is what the user waits for. So once
/// edits have been quiet for <c>quiet</c> and enough was allocated since the last collection, the
/// server collects then, between keystrokes.
/// </summary>
/// <remarks>
/// Only the young generation: at that moment the newest compilation is alive, and a gen1 collection
/// moved it into gen2 at every idle spell, so gen2 filled with compilations soon dead, and collections
/// of 40–120 ms were measured (README). A gen0 collection (6–8 ms on the 5 MB workspace) moves it
/// only to gen1, where the next collection of gen1 finds it dead.
/// </remarks>
internal sealed class IdleCollector : IDisposable
{
    private const string Key = "idle";

    private readonly Debouncer<string> _debouncer;
    private readonly long _threshold;
    private readonly Func<long> _allocatedBytes;
    private readonly Func<int> _collectionCount;
    private readonly Action _collect;
    private readonly Lock _lock = new();
    private long _allocatedAtLastCollection;
    private int _lastCollectionCount = -1;

    public IdleCollector(TimeSpan quiet, long threshold, TimeProvider time, TextWriter log)
        : this(quiet, threshold, time, log, () => GC.GetTotalAllocatedBytes(), () => GC.CollectionCount(0),
            () => GC.Collect(0, GCCollectionMode.Forced, blocking: true))
    {
    }

    /// <summary>For tests: the allocation counter, the collection counter and the collection itself are given.</summary>
    internal IdleCollector(TimeSpan quiet, long threshold, TimeProvider time, TextWriter log,
        Func<long> allocatedBytes, Func<int> collectionCount, Action collect)
    {
        _debouncer = new Debouncer<string>(quiet, time, log);
        _threshold = threshold;
        _allocatedBytes = allocatedBytes;
        _collectionCount = collectionCount;
        _collect = collect;
    }

    /// <summary>Work was just done (a compile, a publish): collect once things stay quiet.</summary>
    public void OnWorkDone() => _debouncer.Schedule(Key, _ =>
    {
        CollectIfWorthIt();
        return Task.CompletedTask;
    });

    /// <summary>Another edit arrived: not quiet any more.</summary>
    public void OnEdit() => _debouncer.Cancel(Key);

    internal void CollectIfWorthIt()
    {
        lock (_lock)
        {
            var count = _collectionCount();
            if (count != _lastCollectionCount)
            {
                // The runtime collected on its own since we last looked: count from there.
                _lastCollectionCount = count;
                _allocatedAtLastCollection = _allocatedBytes();
                return;
            }
            if (_allocatedBytes() - _allocatedAtLastCollection < _threshold) return;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            _collect();
            LatencyTrace.Note(started, "idle-gc");
            _lastCollectionCount = _collectionCount();
            _allocatedAtLastCollection = _allocatedBytes();
        }
    }

    public void Dispose() => _debouncer.Dispose();
}
