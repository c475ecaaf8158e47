namespace VmLang.Rendering;

/// <summary>
/// One <see cref="OrderedParallel"/> run: the input, read a chunk at a time by whichever thread
/// needs work, and a ring of the chunks read but not yet consumed by the caller.
/// </summary>
/// <remarks>
/// A thread reads a chunk only while it holds one of the ring's slots, and the caller gives a slot
/// back each time it has consumed a chunk: the items in flight never exceed the ring, however far
/// the other threads could run ahead. Chunks are numbered as they are read, under the reading lock,
/// so a chunk's place in the ring is its number modulo the ring's size.
/// </remarks>
internal sealed class ChunkedRun<TSource, TResult> : IDisposable
{
    private readonly IEnumerator<TSource> _input;
    private readonly int _chunkSize;
    private readonly Chunk?[] _ring;
    private readonly SemaphoreSlim _freeSlots;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _reading = new();
    private long _nextToRead;
    private long _nextToConsume;
    // How many chunks the input made, known once it has ended; until then, more than any count.
    private long _chunksInInput = long.MaxValue;

    public ChunkedRun(IEnumerable<TSource> source, int chunkSize, int window)
    {
        _input = source.GetEnumerator();
        _chunkSize = chunkSize;
        _ring = new Chunk?[window];
        _freeSlots = new SemaphoreSlim(window);
    }

    /// <summary>A helper thread's loop: take a slot, read a chunk and map it, until the input ends or the run stops.</summary>
    public void Help(Func<Func<TSource, TResult>> createWorker)
    {
        var worker = new Worker(createWorker);
        try
        {
            do
            {
                _freeSlots.Wait(_stop.Token);
            }
            while (ReadAndMap(worker));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The caller stopped early.
        }
    }

    /// <summary>
    /// The caller's next chunk in input order, mapped; null once the input is used up. While that
    /// chunk is being mapped on another thread, the caller reads and maps a later one instead of waiting.
    /// </summary>
    public Chunk? NextInOrder(Worker worker)
    {
        while (true)
        {
            var number = _nextToConsume;
            if (number >= Volatile.Read(ref _chunksInInput)) return null;
            var chunk = Volatile.Read(ref _ring[number % _ring.Length]);
            if (chunk is not null)
            {
                if (chunk.Done.IsSet) return chunk;
                if (_freeSlots.Wait(0) && ReadAndMap(worker)) continue;
                chunk.Done.Wait();
                return chunk;
            }

            // Not read yet: read it here, unless a helper holding the last free slot is about to.
            if (_freeSlots.Wait(0))
            {
                ReadAndMap(worker);
            }
            else
            {
                Thread.Yield();
            }
        }
    }

    /// <summary>The caller is done with <paramref name="chunk"/>: its slot may take another.</summary>
    public void Consumed(Chunk chunk)
    {
        Volatile.Write(ref _ring[chunk.Number % _ring.Length], null);
        _nextToConsume++;
        _freeSlots.Release();
    }

    public void Stop() => _stop.Cancel();

    public void Dispose()
    {
        _input.Dispose();
        _freeSlots.Dispose();
        _stop.Dispose();
    }

    /// <summary>Reads the next chunk and maps it on this thread; false when there is nothing left to read.</summary>
    private bool ReadAndMap(Worker worker)
    {
        if (Read() is not { } chunk) return false;
        var i = 0;
        try
        {
            if (!_stop.IsCancellationRequested)
            {
                for (; i < chunk.Count; i++) chunk.Results[i] = worker.Map(chunk.Items[i]);
            }
        }
        catch (Exception error)
        {
            chunk.Fail(i, error);
        }
        finally
        {
            chunk.Done.Set();
        }
        return true;
    }

    private Chunk? Read()
    {
        lock (_reading)
        {
            var number = _nextToRead;
            if (_stop.IsCancellationRequested || number >= _chunksInInput) return null;
            var chunk = new Chunk(number, _chunkSize);
            try
            {
                while (chunk.Count < _chunkSize && _input.MoveNext()) chunk.Add(_input.Current);
            }
            catch (Exception error)
            {
                // Delivered after the items read before it, as a one-thread run would meet it.
                chunk.Error = error;
            }

            var last = chunk.Count < _chunkSize || chunk.Error is not null;
            var empty = chunk.Count == 0 && chunk.Error is null;
            if (last) Volatile.Write(ref _chunksInInput, empty ? number : number + 1);
            if (empty) return null;
            Volatile.Write(ref _ring[number % _ring.Length], chunk);
            _nextToRead = number + 1;
            return chunk;
        }
    }

    /// <summary>One thread's state for mapping, made when the thread first maps an item.</summary>
    public sealed class Worker(Func<Func<TSource, TResult>> create)
    {
        private Func<TSource, TResult>? _map;

        public TResult Map(TSource item) => (_map ??= create())(item);
    }

    public sealed class Chunk(long number, int capacity)
    {
        public long Number { get; } = number;

        public TSource[] Items { get; } = new TSource[capacity];

        public TResult[] Results { get; } = new TResult[capacity];

        public int Count { get; private set; }

        public Exception? Error { get; set; }

        public ManualResetEventSlim Done { get; } = new();

        public void Add(TSource item) => Items[Count++] = item;

        /// <summary>Mapping failed on item <paramref name="index"/>: the results before it stand, the rest are dropped.</summary>
        public void Fail(int index, Exception error)
        {
            Count = index;
            Error = error;
        }
    }
}
