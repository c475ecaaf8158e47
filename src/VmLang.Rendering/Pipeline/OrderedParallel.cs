namespace VmLang.Rendering;

/// <summary>
/// Maps a stream of independent items on several threads and gives the results back in input
/// order, with a bounded number of items in flight, so memory stays flat however long the input is.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>There is one thread per worker and no more: the caller's own thread is one of them. Each
/// thread takes a chunk of items from the input (one thread at a time: a data source is not
/// thread-safe) and maps it with its own state made by <c>createWorker</c> (a row checker keeps a
/// context and buffers that cannot be shared). A row is read, checked and rendered on one core, and
/// no thread waits for another while there is work it can take.</item>
/// <item>Everything with a side effect stays with the caller, which consumes the results on its
/// own thread in order: this is what makes the output byte-identical to a one-thread run. While the
/// next chunk in order is still being mapped elsewhere, the caller maps a later one instead of waiting.</item>
/// <item>An exception from the input or a worker is rethrown to the caller at the point in the
/// order where it happened; results before it are still delivered. Disposing the enumerator early
/// (the caller stopped) stops the other threads and waits for them before the input is disposed.</item>
/// </list>
/// </remarks>
public static class OrderedParallel
{
    // Small enough that the rows in flight (four chunks a worker) stay few and mostly die before a collection
    // finds them; large enough that the hand-offs cost nothing next to checking 64 rows.
    public const int DefaultChunkSize = 64;

    public static IEnumerable<TResult> Select<TSource, TResult>(
        IEnumerable<TSource> source,
        Func<Func<TSource, TResult>> createWorker,
        int workers,
        int chunkSize = DefaultChunkSize)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        return workers == 1 ? Sequential(source, createWorker) : Parallel(source, createWorker, workers, chunkSize);
    }

    private static IEnumerable<TResult> Sequential<TSource, TResult>(IEnumerable<TSource> source, Func<Func<TSource, TResult>> createWorker)
    {
        var map = createWorker();
        foreach (var item in source) yield return map(item);
    }

    private static IEnumerable<TResult> Parallel<TSource, TResult>(
        IEnumerable<TSource> source, Func<Func<TSource, TResult>> createWorker, int workers, int chunkSize)
    {
        using var run = new ChunkedRun<TSource, TResult>(source, chunkSize, window: workers * 4);
        var helpers = new Task[workers - 1];
        for (var i = 0; i < helpers.Length; i++)
        {
            helpers[i] = Task.Factory.StartNew(() => run.Help(createWorker), TaskCreationOptions.LongRunning);
        }

        try
        {
            var worker = new ChunkedRun<TSource, TResult>.Worker(createWorker);
            while (run.NextInOrder(worker) is { } chunk)
            {
                for (var i = 0; i < chunk.Count; i++) yield return chunk.Results[i];
                if (chunk.Error is { } error) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
                run.Consumed(chunk);
            }
        }
        finally
        {
            run.Stop();
            // The helpers catch everything themselves; wait for them before the input is disposed.
            Task.WaitAll(helpers);
        }
    }
}
