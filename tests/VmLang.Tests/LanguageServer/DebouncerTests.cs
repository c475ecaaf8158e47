using VmLang.LanguageServer;

namespace VmLang.Tests.LanguageServer;

public sealed class DebouncerTests : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(100);

    private readonly ManualTimeProvider _clock = new();
    private readonly StringWriter _log = new();
    private readonly Debouncer<string> _debouncer;

    public DebouncerTests() => _debouncer = new Debouncer<string>(Delay, _clock, _log);

    public void Dispose() => _debouncer.Dispose();

    [Fact]
    public async Task Action_runs_only_once_the_delay_has_passed()
    {
        var ran = new TaskCompletionSource();
        _debouncer.Schedule("a", _ =>
        {
            ran.SetResult();
            return Task.CompletedTask;
        });

        _clock.Advance(Delay - TimeSpan.FromMilliseconds(1));
        Assert.False(ran.Task.IsCompleted);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await ran.Task.WaitAsync(LspTestClient.Timeout);
    }

    [Fact]
    public async Task Scheduling_again_restarts_the_delay_and_only_the_last_action_runs()
    {
        var runs = new List<int>();
        var last = new TaskCompletionSource();
        for (int i = 1; i <= 3; i++)
        {
            int run = i;
            _debouncer.Schedule("a", _ =>
            {
                lock (runs)
                {
                    runs.Add(run);
                }

                if (run == 3)
                {
                    last.SetResult();
                }

                return Task.CompletedTask;
            });
            _clock.Advance(Delay / 2);
        }

        _clock.Advance(Delay / 2);
        await last.Task.WaitAsync(LspTestClient.Timeout);
        Assert.Equal([3], runs);
    }

    [Fact]
    public async Task Keys_are_debounced_independently()
    {
        var a = new TaskCompletionSource();
        var b = new TaskCompletionSource();
        _debouncer.Schedule("a", _ => Complete(a));
        _debouncer.Schedule("b", _ => Complete(b));

        _clock.Advance(Delay);

        await Task.WhenAll(a.Task, b.Task).WaitAsync(LspTestClient.Timeout);
    }

    [Fact]
    public async Task Scheduling_again_cancels_an_action_that_is_already_running()
    {
        var started = new TaskCompletionSource();
        var cancelled = new TaskCompletionSource();
        _debouncer.Schedule("a", async cancellationToken =>
        {
            using CancellationTokenRegistration _ = cancellationToken.Register(cancelled.SetResult);
            started.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        });
        _clock.Advance(Delay);
        await started.Task.WaitAsync(LspTestClient.Timeout);

        _debouncer.Schedule("a", _ => Task.CompletedTask);

        await cancelled.Task.WaitAsync(LspTestClient.Timeout);
        Assert.Equal("", _log.ToString());
    }

    [Fact]
    public async Task Cancel_stops_a_pending_action()
    {
        bool ran = false;
        var other = new TaskCompletionSource();
        _debouncer.Schedule("a", _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });
        _debouncer.Schedule("b", _ => Complete(other));

        _debouncer.Cancel("a");
        _clock.Advance(Delay);

        await other.Task.WaitAsync(LspTestClient.Timeout);
        Assert.False(ran);
    }

    [Fact]
    public async Task Failing_action_is_logged_and_later_schedules_still_run()
    {
        var failureLog = new NotifyingWriter();
        using var failing = new Debouncer<string>(Delay, _clock, failureLog);
        var ran = new TaskCompletionSource();

        failing.Schedule("a", _ => throw new InvalidOperationException("diagnostics failed"));
        _clock.Advance(Delay);
        await failureLog.Written.Task.WaitAsync(LspTestClient.Timeout);
        failing.Schedule("a", _ => Complete(ran));
        _clock.Advance(Delay);

        await ran.Task.WaitAsync(LspTestClient.Timeout);
        Assert.Contains("diagnostics failed", failureLog.ToString());
    }

    [Fact]
    public void Dispose_cancels_pending_actions_and_refuses_new_ones()
    {
        bool ran = false;
        _debouncer.Schedule("a", _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        _debouncer.Dispose();
        _clock.Advance(Delay);

        Assert.False(ran);
        Assert.Throws<ObjectDisposedException>(() => _debouncer.Schedule("a", _ => Task.CompletedTask));
    }

    private sealed class NotifyingWriter : StringWriter
    {
        public TaskCompletionSource Written { get; } = new();

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            Written.TrySetResult();
        }
    }

    private static Task Complete(TaskCompletionSource source)
    {
        source.SetResult();
        return Task.CompletedTask;
    }
}
