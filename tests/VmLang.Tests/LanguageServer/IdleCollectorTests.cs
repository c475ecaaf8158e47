using VmLang.LanguageServer;

namespace VmLang.Tests.LanguageServer;

/// <summary>The server collects garbage between keystrokes: only after a quiet spell, and only when enough has piled up.</summary>
public sealed class IdleCollectorTests : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(30);
    private const long Threshold = 1000;

    private readonly ManualTimeProvider clock = new();
    private readonly IdleCollector collector;
    private long allocated;
    private int runtimeCollections;
    private int inducedCollections;
    private TaskCompletionSource collected = new();

    public IdleCollectorTests() =>
        collector = new IdleCollector(Quiet, Threshold, clock, new StringWriter(),
            () => allocated, () => runtimeCollections + inducedCollections, () =>
            {
                inducedCollections++;
                collected.TrySetResult();
            });

    public void Dispose() => collector.Dispose();

    [Fact]
    public async Task Collects_once_edits_are_quiet_and_enough_was_allocated()
    {
        collector.CollectIfWorthIt(); // the first look only sets the baseline
        allocated += Threshold;

        collector.OnWorkDone();
        clock.Advance(Quiet);
        await collected.Task.WaitAsync(LspTestClient.Timeout);
        Assert.Equal(1, inducedCollections);
    }

    [Fact]
    public void Does_not_collect_below_the_threshold()
    {
        collector.CollectIfWorthIt();
        allocated += Threshold - 1;
        collector.CollectIfWorthIt();
        Assert.Equal(0, inducedCollections);
    }

    [Fact]
    public void A_collection_by_the_runtime_restarts_the_count()
    {
        collector.CollectIfWorthIt();
        allocated += Threshold;
        runtimeCollections++;
        collector.CollectIfWorthIt();
        Assert.Equal(0, inducedCollections);

        allocated += Threshold;
        collector.CollectIfWorthIt();
        Assert.Equal(1, inducedCollections);
    }

    [Fact]
    public async Task An_edit_before_the_quiet_spell_ends_puts_the_collection_off()
    {
        collector.CollectIfWorthIt();
        allocated += Threshold;

        collector.OnWorkDone();
        clock.Advance(Quiet - TimeSpan.FromMilliseconds(1));
        collector.OnEdit();
        clock.Advance(Quiet);
        await Task.Delay(50);
        Assert.Equal(0, inducedCollections);

        collector.OnWorkDone();
        clock.Advance(Quiet);
        await collected.Task.WaitAsync(LspTestClient.Timeout);
        Assert.Equal(1, inducedCollections);
    }
}
