using System.CommandLine;
using VmLang.Cli.Output;
using VmLang.Diagnostics;
using VmLang.Workspace;

namespace VmLang.Cli.Commands;

/// <summary><c>vmlang check [PATH…] [--format text|json|sarif|github|msbuild] [--warnaserror] [--root DIR]</c>.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Files or folders of the workspace (default: the current folder).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(DiagnosticWriters.Formats);
        var warnAsError = new Option<bool>("--warnaserror") { Description = "Treat warnings as errors." };
        var root = new Option<string?>("--root")
        {
            Description = "The folder whose vmlang.json applies (default: the first folder given, else the first file's folder).",
        };

        var command = new Command("check", "Check the templates of a workspace and report diagnostics.") { paths, format, warnAsError, root };
        command.SetAction(result => Run(
            result.GetValue(paths) is { Length: > 0 } given ? given : ["."],
            result.GetValue(root),
            result.GetValue(format)!,
            result.GetValue(warnAsError),
            stdout,
            stderr));
        return command;
    }

    private static int Run(string[] paths, string? root, string format, bool warnAsError, TextWriter stdout, TextWriter stderr)
    {
        using var _ = CollectionPause.Start();
        LoadedWorkspace loaded;
        try
        {
            loaded = WorkspaceLoader.LoadWorkspace(paths, root);
        }
        catch (WorkspaceLoadException error)
        {
            throw new CliInputException(error.Message);
        }
        var compilation = loaded.Compilation;
        // Spec §2: each file that cannot be read is named, and the others are still checked.
        foreach (var unreadable in loaded.Unreadable) stderr.WriteLine($"vmlang: {OneLine.Escape(unreadable.Describe(DiagnosticWriters.DisplayPath(unreadable.Path)))}");

        var reported = compilation.GetDiagnostics();
        var diagnostics = new List<Diagnostic>(reported.Length);
        foreach (var d in reported) diagnostics.Add(warnAsError && d.Severity == DiagnosticSeverity.Warning ? d with { Severity = DiagnosticSeverity.Error } : d);
        DiagnosticWriters.Create(format).Write(diagnostics, stdout);

        if (format == "text") stderr.WriteLine(Summary(diagnostics, compilation.SyntaxTrees.Length, loaded.Unreadable.Length));
        if (!loaded.Unreadable.IsEmpty) return CliApplication.BadInput;
        return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? CliApplication.ErrorsFound : CliApplication.Success;
    }

    private static string Summary(IReadOnlyList<Diagnostic> diagnostics, int fileCount, int unreadableCount)
    {
        string Count(DiagnosticSeverity severity, string noun)
        {
            var n = diagnostics.Count(d => d.Severity == severity);
            return $"{n} {noun}{(n == 1 ? "" : "s")}";
        }
        return $"{Count(DiagnosticSeverity.Error, "error")}, {Count(DiagnosticSeverity.Warning, "warning")}, "
            + $"{Count(DiagnosticSeverity.Info, "info")} in {fileCount} file{(fileCount == 1 ? "" : "s")}"
            + (unreadableCount == 0 ? "." : $"; {unreadableCount} path{(unreadableCount == 1 ? "" : "s")} could not be read.");
    }

    /// <summary>
    /// Holds off garbage collection for a check's first allocations. A check keeps most of what it
    /// allocates (the syntax trees and symbols) until it exits, so collecting on the way finds little
    /// garbage and copies much that survives: on a 6 MB workspace that was a fifth of the time. Past
    /// the budget, or when the runtime refuses, collection goes on as usual.
    /// </summary>
    private sealed class CollectionPause : IDisposable
    {
        private const long Budget = 256L << 20;

        public static CollectionPause? Start()
        {
            try
            {
                return GC.TryStartNoGCRegion(Budget) ? new CollectionPause() : null;
            }
            catch (Exception error) when (error is ArgumentOutOfRangeException or InvalidOperationException)
            {
                // Another check in this process (tests run the CLI in process) already paused collection.
                return null;
            }
        }

        public void Dispose()
        {
            if (System.Runtime.GCSettings.LatencyMode != System.Runtime.GCLatencyMode.NoGCRegion) return;
            try
            {
                GC.EndNoGCRegion();
            }
            catch (InvalidOperationException)
            {
                // The budget ran out, or something collected on purpose: the pause is over already.
            }
        }
    }
}
