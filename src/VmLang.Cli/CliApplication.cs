using System.CommandLine;
using VmLang.Cli.Commands;

namespace VmLang.Cli;

/// <summary>
/// The command tree of <c>vmlang</c>. Exit codes follow spec §9: 0 clean, 1 errors found, 2 bad
/// arguments or unreadable input. Runs in-process so tests drive it with their own writers.
/// </summary>
public static class CliApplication
{
    public const int Success = 0;
    public const int ErrorsFound = 1;
    public const int BadInput = 2;

    /// <param name="openStdin">Where <c>render --data -</c> reads from; the console's standard input unless a test gives its own.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream>? openStdin = null)
    {
        var root = new RootCommand("VmLang: check, format and render voicemail templates.")
        {
            CheckCommand.Create(stdout, stderr),
            ExplainCommand.Create(stdout),
            RenderCommand.Create(stdout, stderr, openStdin ?? Console.OpenStandardInput),
            FormatCommand.Create(stdout, stderr),
            LspCommand.Create(stderr),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) stderr.WriteLine($"vmlang: {error.Message}");
            stderr.WriteLine("Run 'vmlang --help' for usage.");
            return BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (CliInputException error)
        {
            stderr.WriteLine($"vmlang: {Output.OneLine.Escape(error.Message)}");
            return BadInput;
        }
    }
}

/// <summary>A problem with what the user gave on the command line (exit 2), reported in one line.</summary>
public sealed class CliInputException(string message) : Exception(message);
