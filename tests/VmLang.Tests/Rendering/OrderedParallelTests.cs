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
