using System.Threading.Channels;

namespace VmLang.Rendering;

/// <summary>
/// Maps a stream of independent items on several threads and gives the results back in input
/// order, with a bounded number of items in flight, so memory stays flat however long the input is.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The input is enumerated on one background thread (a data source is not thread-safe), in
/// chunks; each worker thread owns one state made by <c>createWorker</c> (a row checker keeps
/// a context and buffers that cannot be shared) and maps whole chunks with it.</item>
/// <item>Everything with a side effect stays with the caller, which consumes the results on its
/// own thread in order: this is what makes the output byte-identical to a one-thread run.</item>
/// <item>An exception from the input or a worker is rethrown to the caller at the point in the
/// order where it happened; results before it are still delivered. Disposing the enumerator early
/// (the caller stopped) cancels the rest and waits for the threads, so the input can be disposed
/// safely afterwards.</item>
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
        using var stop = new CancellationTokenSource();
        // In order of input, for the caller; a chunk is also queued for the workers.
        var inOrder = Channel.CreateBounded<Chunk<TSource, TResult>>(new BoundedChannelOptions(workers * 4) { SingleWriter = true, SingleReader = true });
        var work = Channel.CreateUnbounded<Chunk<TSource, TResult>>(new UnboundedChannelOptions { SingleWriter = true });
        var threads = new List<Task>(workers + 1)
        {
            Task.Factory.StartNew(() => Read(source, chunkSize, inOrder.Writer, work.Writer, stop.Token), TaskCreationOptions.LongRunning),
        };
        for (var i = 0; i < workers; i++)
        {
            threads.Add(Task.Factory.StartNew(() => Work(createWorker, work.Reader, stop.Token), TaskCreationOptions.LongRunning));
        }

        try
        {
            while (inOrder.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (inOrder.Reader.TryRead(out var chunk))
                {
                    chunk.Done.Wait();
                    for (var i = 0; i < chunk.Count; i++) yield return chunk.Results[i];
                    if (chunk.Error is { } error) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
                }
            }
        }
        finally
        {
            stop.Cancel();
            // The threads catch everything themselves; wait for them before the caller disposes the input.
            Task.WaitAll(threads);
        }
    }

    private static void Read<TSource, TResult>(
        IEnumerable<TSource> source, int chunkSize,
        ChannelWriter<Chunk<TSource, TResult>> inOrder, ChannelWriter<Chunk<TSource, TResult>> work, CancellationToken stop)
    {
        var chunk = new Chunk<TSource, TResult>(chunkSize);
        try
        {
            foreach (var item in source)
            {
                if (stop.IsCancellationRequested) return;
                chunk.Add(item);
                if (chunk.Count < chunkSize) continue;
                if (!Post(chunk, inOrder, work, stop)) return;
                chunk = new Chunk<TSource, TResult>(chunkSize);
            }
        }
        catch (Exception error)
        {
            // Delivered after the items read before it, as a one-thread run would meet it.
            chunk.Error = error;
        }
        finally
        {
            if (!stop.IsCancellationRequested && (chunk.Count > 0 || chunk.Error is not null)) Post(chunk, inOrder, work, stop);
            inOrder.TryComplete();
            work.TryComplete();
        }
    }

    private static bool Post<TSource, TResult>(
        Chunk<TSource, TResult> chunk, ChannelWriter<Chunk<TSource, TResult>> inOrder, ChannelWriter<Chunk<TSource, TResult>> work, CancellationToken stop)
    {
        try
        {
            inOrder.WriteAsync(chunk, stop).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        work.TryWrite(chunk);
        return true;
    }

    private static void Work<TSource, TResult>(Func<Func<TSource, TResult>> createWorker, ChannelReader<Chunk<TSource, TResult>> work, CancellationToken stop)
    {
        Func<TSource, TResult>? map = null;
        while (work.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (work.TryRead(out var chunk))
            {
                var i = 0;
                try
                {
                    if (stop.IsCancellationRequested) continue;
                    map ??= createWorker();
                    for (; i < chunk.Count; i++) chunk.Results[i] = map(chunk.Items[i]);
                }
                catch (Exception error)
                {
                    chunk.Fail(i, error);
                }
                finally
                {
                    chunk.Done.Set();
                }
            }
        }
    }

    private sealed class Chunk<TSource, TResult>(int capacity)
    {
        public TSource[] Items { get; } = new TSource[capacity];

        public TResult[] Results { get; } = new TResult[capacity];

        public int Count { get; private set; }

        public Exception? Error { get; set; }

        public ManualResetEventSlim Done { get; } = new();

        public void Add(TSource item) => Items[Count++] = item;

        /// <summary>A worker failed on item <paramref name="index"/>: the results before it stand, the rest are dropped.</summary>
        public void Fail(int index, Exception error)
        {
            Count = index;
            Error = error;
        }
    }
}
