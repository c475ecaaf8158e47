using System.Diagnostics;
using VmLang.Cli;

namespace VmLang.Tests.Cli;

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs <c>vmlang</c> with captured output: in-process through <see cref="CliApplication.Run"/>, or as the
/// built executable next to this assembly when a test needs a process of its own (its own PATH, real
/// standard streams).
/// </summary>
internal static class CliRunner
{
    /// <summary>A deadline for a started process, not an expectation: a hang fails the test instead of stalling the run.</summary>
    public static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(60);

    public static CliResult Run(params string[] args) => RunWithInput(null, args);

    /// <summary>Runs with <paramref name="stdin"/> as standard input (UTF-8), for <c>render --data -</c>.</summary>
    public static CliResult RunWithInput(string? stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var (exit, stderr) = RunWithOutput(stdout, stdin, args);
        return new CliResult(exit, stdout.ToString(), stderr);
    }

    /// <summary>Runs with standard output going to <paramref name="stdout"/>, e.g. one that fails as a full disk does.</summary>
    public static (int ExitCode, string Stderr) RunWithOutput(TextWriter stdout, string? stdin, params string[] args)
    {
        var stderr = new StringWriter();
        var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stdin ?? ""));
        var exit = CliApplication.Run(args, stdout, stderr, () => input);
        return (exit, stderr.ToString());
    }

    /// <summary>Starts the built <c>vmlang</c> as its own process, its standard streams redirected.</summary>
    /// <param name="environment">Variables to set or replace in the process's environment.</param>
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "vmlang.dll"), .. args])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>Runs the built <c>vmlang</c> as its own process with empty standard input, to the end.</summary>
    public static async Task<CliResult> RunProcessAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(args, environment);
        try
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(ProcessTimeout);
            return new CliResult(process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}
