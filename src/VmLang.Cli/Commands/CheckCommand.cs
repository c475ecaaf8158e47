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

        var diagnostics = compilation.GetDiagnostics()
            .Select(d => warnAsError && d.Severity == DiagnosticSeverity.Warning ? d with { Severity = DiagnosticSeverity.Error } : d)
            .ToList();
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
}
