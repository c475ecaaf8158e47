using Spectre.Console;
using VmLang.Rendering;

namespace VmLang.Tests.Rendering;

public sealed class ProgressReporterTests
{
    [Fact]
    public void WithoutATerminalMessagesPassStraightThrough()
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
    public void ControlCharactersInMessagesCannotDriveTheTerminal()
    {
        var stderr = new StringWriter();
        using (var progress = new NoProgressReporter(stderr))
        {
            progress.WriteLine("row 1: prospect \u001b[2JEvil\r\n\tname");
        }

        Assert.Equal("row 1: prospect \uFFFD[2JEvil\uFFFD\uFFFD\tname" + Environment.NewLine, stderr.ToString());
    }

    [Fact]
    public void DisposingTwiceIsHarmless()
    {
        var progress = new TerminalProgressReporter(Terminal(new StringWriter()), 10, TimeSpan.Zero);
        progress.Dispose();
        progress.Dispose();
    }

    [Fact]
    public void ARunShorterThanTheDelayDrawsNothing()
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
    public void ALongRunDrawsABarAndClearsItAndMessagesArePlainText()
    {
        var stderr = new StringWriter();
        using (var progress = new TerminalProgressReporter(Terminal(stderr), totalBytes: null, delay: TimeSpan.Zero))
        {
            for (var row = 1; row <= 3; row++)
            {
                progress.Report(row, row * 10);
                Thread.Sleep(150);
            }

            progress.WriteLine("row 2: [bold]not markup[/]");
            Thread.Sleep(150);
        }

        var output = stderr.ToString();
        Assert.Contains("rendering", output);
        Assert.Contains("row 2: [bold]not markup[/]", output);
    }

    private static IAnsiConsole Terminal(TextWriter output) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output),
        Ansi = AnsiSupport.Yes,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.Yes,
    });
}
