namespace VmLang.Rendering;

/// <summary>
/// Progress of a render run, and the channel for its stderr messages (warnings, rejected
/// rows), which must not tear a progress bar that may be on screen. Nothing here ever writes
/// to stdout: stdout carries scripts only.
/// </summary>
public interface IProgressReporter : IDisposable
{
    /// <summary>Called after each row with the rows handled so far and the input bytes read (<see cref="DataSource.InputPosition"/>).</summary>
    void Report(int rowsDone, long bytesRead);

    /// <summary>
    /// Writes one line of plain text (not markup) to stderr. Control characters other than tab
    /// are shown as U+FFFD: messages quote user data, and an escape sequence in a prospect's
    /// name must not drive the user's terminal.
    /// </summary>
    void WriteLine(string message);
}

/// <summary>
/// No progress display: messages go straight to a writer. What the CLI uses when stderr is
/// not an interactive terminal, and what tests use (with no writer, messages are dropped).
/// </summary>
public sealed class NoProgressReporter(TextWriter? messages = null) : IProgressReporter
{
    public void Report(int rowsDone, long bytesRead)
    {
    }

    public void WriteLine(string message) => messages?.WriteLine(TerminalText.Sanitize(message));

    public void Dispose() => messages?.Flush();
}
