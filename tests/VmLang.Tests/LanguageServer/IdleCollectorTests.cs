using VmLang.LanguageServer;

namespace VmLang.Tests.LanguageServer;

/// <summary>The server collects garbage between keystrokes: only after a quiet spell, and only when enough has piled up.</summary>
public sealed class IdleCollectorTests : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(30);
    private const long Threshold = 1000;

    private readonly ManualTimeProvider _clock = new();
    private readonly IdleCollector _collector;
    private long _allocated;
    private int _runtimeCollections;
    private int _inducedCollections;
    private readonly TaskCompletionSource _collected = new();

    public IdleCollectorTests() =>
        _collector = new IdleCollector(Quiet, Threshold, _clock, new StringWriter(),
            () => _allocated, () => _runtimeCollections + _inducedCollections, () =>
            {
                _inducedCollections++;
                _collected.TrySetResult();
            });

    public void Dispose() => _collector.Dispose();

    [Fact]
    public async Task Collects_once_edits_are_quiet_and_enough_was_allocated()
    {
        _collector.CollectIfWorthIt(); // the first look only sets the baseline
        _allocated += Threshold;

        _collector.OnWorkDone();
        _clock.Advance(Quiet);
        await _collected.Task.WaitAsync(LspTestClient.Timeout);
        Assert.Equal(1, _inducedCollections);
    }

    [Fact]
    public void Does_not_collect_below_the_threshold()
    {
        _collector.CollectIfWorthIt();
        _allocated += Threshold - 1;
        _collector.CollectIfWorthIt();
        Assert.Equal(0, _inducedCollections);
    }

    [Fact]
    public void A_collection_by_the_runtime_restarts_the_count()
    {
        _collector.CollectIfWorthIt();
        _allocated += Threshold;
        _runtimeCollections++;
        _collector.CollectIfWorthIt();
        Assert.Equal(0, _inducedCollections);

        _allocated += Threshold;
        _collector.CollectIfWorthIt();
        Assert.Equal(1, _inducedCollections);
    }

    [Fact]
    public async Task An_edit_before_the_quiet_spell_ends_puts_the_collection_off()
    {
        _collector.CollectIfWorthIt();
        _allocated += Threshold;

        _collector.OnWorkDone();
        _clock.Advance(Quiet - TimeSpan.FromMilliseconds(1));
        _collector.OnEdit();
        _clock.Advance(Quiet);
        await Task.Delay(50);
        Assert.Equal(0, _inducedCollections);

        _collector.OnWorkDone();
        _clock.Advance(Quiet);
        await _collected.Task.WaitAsync(LspTestClient.Timeout);
        Assert.Equal(1, _inducedCollections);
    }
}
