using VmLang.Rendering;

namespace VmLang.Tests.Rendering;

public class OrderedParallelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void Results_come_back_in_input_order_whatever_the_thread_count(int workers)
    {
        var results = OrderedParallel.Select<int, int>(Enumerable.Range(0, 10_000), () => i => i * 2, workers, chunkSize: 16).ToList();

        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => i * 2), results);
    }

    [Fact]
    public void Each_worker_has_its_own_state()
    {
        var created = 0;
        var results = OrderedParallel.Select<int, int>(
            Enumerable.Range(0, 5_000),
            () =>
            {
                var own = new List<int>();
                Interlocked.Increment(ref created);
                // A list shared between threads would lose items or throw.
                return i => { own.Add(i); return own[^1]; };
            },
            workers: 4,
            chunkSize: 8).ToList();

        Assert.Equal(Enumerable.Range(0, 5_000), results);
        Assert.InRange(created, 1, 4);
    }

    [Fact]
    public void The_callers_thread_is_one_of_the_workers_and_maps_while_the_others_are_busy()
    {
        var caller = Environment.CurrentManagedThreadId;
        var threads = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var results = OrderedParallel.Select<int, int>(
            Enumerable.Range(0, 2_000),
            () => i =>
            {
                var thread = Environment.CurrentManagedThreadId;
                threads.AddOrUpdate(thread, 1, (_, n) => n + 1);
                // Another thread is slow: a caller that only waited for it would map nothing itself.
                if (thread != caller) Thread.Sleep(1);
                return i;
            },
            workers: 2,
            chunkSize: 10).ToList();

        Assert.Equal(Enumerable.Range(0, 2_000), results);
        Assert.InRange(threads.Count, 1, 2);
        Assert.True(threads.GetValueOrDefault(caller) > 1_000, $"the caller mapped {threads.GetValueOrDefault(caller)} of 2,000 items");
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 5)]
    [InlineData(4, 64)]
    public void Uneven_item_costs_still_come_back_in_order(int workers, int chunkSize)
    {
        // Chunks finish out of order, so the caller often meets its next chunk still being mapped.
        var results = OrderedParallel.Select<int, int>(
            Enumerable.Range(0, 20_000),
            () => i =>
            {
                if (i % 97 == 0) Thread.SpinWait((i % 7) * 2_000);
                return -i;
            },
            workers,
            chunkSize).ToList();

        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => -i), results);
    }

    [Fact]
    public void A_worker_that_cannot_be_made_fails_the_run_after_the_results_before_it()
    {
        var made = 0;
        Func<int, int> First() => i =>
        {
            // Hold the first chunk until the other thread has tried to make its worker for the next one.
            if (i == 0) Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref made) >= 2, TimeSpan.FromSeconds(30)));
            return i;
        };

        var seen = new List<int>();
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var item in OrderedParallel.Select<int, int>(
                Enumerable.Range(0, 10_000),
                () => Interlocked.Increment(ref made) == 1 ? First() : throw new InvalidOperationException("no second checker"),
                workers: 2,
                chunkSize: 8))
            {
                seen.Add(item);
            }
        });

        Assert.Equal("no second checker", error.Message);
        Assert.Equal(Enumerable.Range(0, 8), seen);
    }

    [Fact]
    public void The_input_is_read_at_most_a_bounded_distance_ahead_of_the_caller()
    {
        var read = 0;
        IEnumerable<int> Source()
        {
            for (var i = 0; i < 100_000; i++)
            {
                Interlocked.Increment(ref read);
                yield return i;
            }
        }

        var farthestAhead = 0;
        var consumed = 0;
        foreach (var _ in OrderedParallel.Select<int, int>(Source(), () => i => i, workers: 2, chunkSize: 10))
        {
            consumed++;
            farthestAhead = Math.Max(farthestAhead, Volatile.Read(ref read) - consumed);
        }

        Assert.Equal(100_000, consumed);
        // Two workers: at most 8 chunks queued in order, one being filled, one being handed out.
        Assert.InRange(farthestAhead, 0, 10 * 10);
    }

    [Fact]
    public void A_failure_in_the_input_comes_after_the_items_read_before_it()
    {
        IEnumerable<int> Source()
        {
            for (var i = 0; i < 1_000; i++) yield return i;
            throw new IOException("disk went away");
        }

        var seen = new List<int>();
        var error = Assert.Throws<IOException>(() =>
        {
            foreach (var item in OrderedParallel.Select<int, int>(Source(), () => i => i, workers: 3, chunkSize: 7)) seen.Add(item);
        });

        Assert.Equal("disk went away", error.Message);
        Assert.Equal(Enumerable.Range(0, 1_000), seen);
    }

    [Fact]
    public void A_failure_in_a_worker_comes_after_the_results_before_it()
    {
        var seen = new List<int>();
        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var item in OrderedParallel.Select<int, int>(Enumerable.Range(0, 1_000), () => i => i == 500 ? throw new InvalidOperationException() : i, workers: 3, chunkSize: 7))
            {
                seen.Add(item);
            }
        });

        Assert.Equal(Enumerable.Range(0, 500), seen);
    }

    [Fact]
    public void Stopping_early_stops_reading_and_disposes_the_input_before_returning()
    {
        var disposed = false;
        var read = 0;
        IEnumerable<int> Source()
        {
            try
            {
                for (var i = 0; i < 1_000_000; i++)
                {
                    read++;
                    yield return i;
                }
            }
            finally
            {
                disposed = true;
            }
        }

        var first = OrderedParallel.Select<int, int>(Source(), () => i => i, workers: 2, chunkSize: 4).Take(3).ToList();

        Assert.Equal([0, 1, 2], first);
        Assert.True(disposed, "the reading thread is done with the input once the caller stops");
        Assert.True(read < 1_000, $"read {read} items for a caller that took 3");
    }
}
