using System.CommandLine;
using VmLang.Cli.Output;
using VmLang.Formatting;
using VmLang.Syntax;
using VmLang.Workspace;

namespace VmLang.Cli.Commands;

/// <summary>
/// <c>vmlang fmt [PATH…] [--check]</c>: rewrites every <c>.vml</c> file in its canonical layout, or with
/// <c>--check</c> only lists the files that would change. Exit 0: nothing to do (or all written);
/// 1: with <c>--check</c>, some file would change, or some file has syntax errors and was left alone;
/// 2: a path does not exist or cannot be read.
/// </summary>
internal static class FormatCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Files or folders to format (default: the current folder).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var check = new Option<bool>("--check") { Description = "Write nothing; list the files that are not formatted and exit 1 if there are any." };

        var command = new Command("fmt", "Format .vml files in the canonical layout; comments are kept.") { paths, check };
        command.SetAction(result => Run(
            result.GetValue(paths) is { Length: > 0 } given ? given : ["."],
            result.GetValue(check),
            stdout,
            stderr));
        return command;
    }

    private static int Run(string[] paths, bool check, TextWriter stdout, TextWriter stderr)
    {
        IReadOnlyList<string> files;
        try
        {
            files = WorkspaceLoader.FindSourceFiles(paths);
        }
        catch (WorkspaceLoadException error)
        {
            throw new CliInputException(error.Message);
        }

        var changed = 0;
        var broken = 0;
        foreach (var file in files)
        {
            SyntaxTree tree;
            try
            {
                tree = SyntaxTree.Parse(WorkspaceLoader.ReadSource(file), file);
            }
            catch (WorkspaceLoadException error)
            {
                throw new CliInputException(error.Message);
            }

            var display = Path.GetRelativePath(Environment.CurrentDirectory, file);
            if (!Formatter.CanFormat(tree))
            {
                broken++;
                stderr.WriteLine($"{display}: not formatted: it has syntax errors (see 'vmlang check').");
                continue;
            }

            var formatted = Formatter.Format(tree);
            if (formatted == tree.Text.Text) continue;
            changed++;
            if (check)
            {
                stdout.WriteLine(display);
                continue;
            }
            SourceFileWriter.Replace(file, formatted);
            stdout.WriteLine($"formatted {display}");
        }

        var verb = check ? "would be reformatted" : "reformatted";
        stderr.WriteLine($"{changed} of {files.Count} file{(files.Count == 1 ? "" : "s")} {verb}{(broken > 0 ? $", {broken} skipped for syntax errors" : "")}.");
        return (check && changed > 0) || broken > 0 ? CliApplication.ErrorsFound : CliApplication.Success;
    }
}
