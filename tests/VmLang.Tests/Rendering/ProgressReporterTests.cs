using Spectre.Console;
using VmLang.Rendering;

namespace VmLang.Tests.Rendering;

public sealed class ProgressReporterTests
{
    [Fact]
    public void Without_a_terminal_messages_pass_straight_through()
    {
        var stderr = new StringWriter();
        using (IProgressReporter progress = new NoProgressReporter(stderr))
        {
            progress.Report(1, 10);
            progress.WriteLine("data.csv(3): warning VML1004: row 2: \"just checking in\" is empty filler [x]");
        }

        Assert.Equal("data.csv(3): warning VML1004: row 2: \"just checking in\" is empty filler [x]" + Environment.NewLine, stderr.ToString());
    }

    [Fact]
    public void Control_characters_in_messages_cannot_drive_the_terminal()
    {
        var stderr = new StringWriter();
        using (var progress = new NoProgressReporter(stderr))
        {
            progress.WriteLine("row 1: prospect \u001b[2JEvil\r\n\tname");
        }

        Assert.Equal("row 1: prospect \uFFFD[2JEvil\uFFFD\uFFFD\tname" + Environment.NewLine, stderr.ToString());
    }

    [Fact]
    public void Disposing_twice_is_harmless()
    {
        // A drawn bar, so the first dispose has something to clear and the second could draw or clear again.
        var stderr = new SharedStringWriter();
        var progress = new TerminalProgressReporter(Terminal(stderr), totalBytes: null, delay: TimeSpan.Zero);
        progress.Report(3, 30);
        Assert.True(
            SpinWait.SpinUntil(() => stderr.Snapshot().Contains("rendering · 3 rows", StringComparison.Ordinal), TimeSpan.FromSeconds(30)),
            "the bar never appeared: " + stderr.Snapshot());
        progress.Dispose();
        var afterFirst = stderr.Snapshot();

        var second = Record.Exception(progress.Dispose);

        Assert.Null(second);
        Assert.Equal(afterFirst, stderr.Snapshot());
    }

    [Fact]
    public void A_run_shorter_than_the_delay_draws_nothing()
    {
        var stderr = new StringWriter();
        using (var progress = new TerminalProgressReporter(Terminal(stderr), totalBytes: 100, delay: TimeSpan.FromMinutes(1)))
        {
            progress.Report(1, 50);
            progress.WriteLine("row 1: [rejected] blank contact");
        }

        Assert.Equal("row 1: [rejected] blank contact", stderr.ToString().TrimEnd());
    }

    [Fact]
    public void A_long_run_draws_a_row_count_and_messages_stay_plain_text()
    {
        // The bar is drawn by a background task; on a loaded machine it may start late, so the
        // test waits for it (bounded) instead of sleeping a fixed time.
        var stderr = new SharedStringWriter();
        using (var progress = new TerminalProgressReporter(Terminal(stderr), totalBytes: null, delay: TimeSpan.Zero))
        {
            progress.Report(3, 30);
            Assert.True(
                SpinWait.SpinUntil(() => stderr.Snapshot().Contains("rendering · 3 rows", StringComparison.Ordinal), TimeSpan.FromSeconds(30)),
                "the bar never appeared: " + stderr.Snapshot());

            progress.WriteLine("row 2: [bold]not markup[/]");
        }

        Assert.Contains("row 2: [bold]not markup[/]", stderr.Snapshot());
    }

    /// <summary>A string writer the reporter's drawing thread and the test can share.</summary>
    private sealed class SharedStringWriter : StringWriter
    {
        private readonly Lock _gate = new();

        public string Snapshot()
        {
            lock (_gate)
            {
                return ToString();
            }
        }

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(char[] buffer, int index, int count)
        {
            lock (_gate)
            {
                base.Write(buffer, index, count);
            }
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            lock (_gate)
            {
                base.Write(buffer);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }
    }

    private static IAnsiConsole Terminal(TextWriter output) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output),
        Ansi = AnsiSupport.Yes,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.Yes,
    });
}
