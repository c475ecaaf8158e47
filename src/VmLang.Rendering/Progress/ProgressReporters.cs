using Spectre.Console;

namespace VmLang.Rendering;

/// <summary>Chooses how a render run reports progress.</summary>
public static class ProgressReporters
{
    /// <summary>
    /// A progress bar on stderr when stderr is an interactive terminal, else none (messages
    /// are then plain lines on stderr). Redirected stderr, CI and <c>TERM=dumb</c> get no bar:
    /// there Spectre would print fallback lines such as "rendering: 70%", which are noise in a log.
    /// </summary>
    /// <param name="totalBytes">The input size (<see cref="DataSource.InputLength"/>), or null.</param>
    public static IProgressReporter ForStandardError(long? totalBytes)
    {
        if (Console.IsErrorRedirected)
        {
            return new NoProgressReporter(Console.Error);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Detect,
        });

        return console.Profile.Capabilities is { Interactive: true, Ansi: true }
            ? new TerminalProgressReporter(console, totalBytes, TerminalProgressReporter.DefaultDelay)
            : new NoProgressReporter(Console.Error);
    }
}
