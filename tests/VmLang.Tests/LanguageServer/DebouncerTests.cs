using VmLang.LanguageServer;

namespace VmLang.Tests.LanguageServer;

public sealed class DebouncerTests : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(100);

    private readonly ManualTimeProvider clock = new();
    private readonly StringWriter log = new();
    private readonly Debouncer<string> debouncer;

    public DebouncerTests() => debouncer = new Debouncer<string>(Delay, clock, log);

    public void Dispose() => debouncer.Dispose();

    [Fact]
    public async Task Action_RunsOnlyOnceTheDelayHasPassed()
    {
        var ran = new TaskCompletionSource();
        debouncer.Schedule("a", _ =>
        {
            ran.SetResult();
            return Task.CompletedTask;
        });

        clock.Advance(Delay - TimeSpan.FromMilliseconds(1));
        Assert.False(ran.Task.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await ran.Task.WaitAsync(LspTestClient.Timeout);
    }

    [Fact]
    public async Task SchedulingAgain_RestartsTheDelay_AndOnlyTheLastActionRuns()
    {
        var runs = new List<int>();
        var last = new TaskCompletionSource();
        for (int i = 1; i <= 3; i++)
        {
            int run = i;
            debouncer.Schedule("a", _ =>
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
            clock.Advance(Delay / 2);
        }

        clock.Advance(Delay / 2);
        await last.Task.WaitAsync(LspTestClient.Timeout);
        Assert.Equal([3], runs);
    }

    [Fact]
    public async Task Keys_AreDebouncedIndependently()
    {
        var a = new TaskCompletionSource();
        var b = new TaskCompletionSource();
        debouncer.Schedule("a", _ => Complete(a));
        debouncer.Schedule("b", _ => Complete(b));

        clock.Advance(Delay);

        await Task.WhenAll(a.Task, b.Task).WaitAsync(LspTestClient.Timeout);
    }

    [Fact]
    public async Task SchedulingAgain_CancelsAnActionThatIsAlreadyRunning()
    {
        var started = new TaskCompletionSource();
        var cancelled = new TaskCompletionSource();
        debouncer.Schedule("a", async cancellationToken =>
        {
            using CancellationTokenRegistration _ = cancellationToken.Register(cancelled.SetResult);
            started.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        });
        clock.Advance(Delay);
        await started.Task.WaitAsync(LspTestClient.Timeout);

        debouncer.Schedule("a", _ => Task.CompletedTask);

        await cancelled.Task.WaitAsync(LspTestClient.Timeout);
        Assert.Equal("", log.ToString());
    }

    [Fact]
    public async Task Cancel_StopsAPendingAction()
    {
        bool ran = false;
        var other = new TaskCompletionSource();
        debouncer.Schedule("a", _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });
        debouncer.Schedule("b", _ => Complete(other));

        debouncer.Cancel("a");
        clock.Advance(Delay);

        await other.Task.WaitAsync(LspTestClient.Timeout);
        Assert.False(ran);
    }

    [Fact]
    public async Task FailingAction_IsLogged_AndLaterSchedulesStillRun()
    {
        var failureLog = new NotifyingWriter();
        using var failing = new Debouncer<string>(Delay, clock, failureLog);
        var ran = new TaskCompletionSource();

        failing.Schedule("a", _ => throw new InvalidOperationException("diagnostics failed"));
        clock.Advance(Delay);
        await failureLog.Written.Task.WaitAsync(LspTestClient.Timeout);
        failing.Schedule("a", _ => Complete(ran));
        clock.Advance(Delay);

        await ran.Task.WaitAsync(LspTestClient.Timeout);
        Assert.Contains("diagnostics failed", failureLog.ToString());
    }

    [Fact]
    public void Dispose_CancelsPendingActions_AndRefusesNewOnes()
    {
        bool ran = false;
        debouncer.Schedule("a", _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        debouncer.Dispose();
        clock.Advance(Delay);

        Assert.False(ran);
        Assert.Throws<ObjectDisposedException>(() => debouncer.Schedule("a", _ => Task.CompletedTask));
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
