using VmLang.Binding;
using VmLang.Diagnostics;
using VmLang.Emit;
using VmLang.Rendering;
using VmLang.Workspace;

namespace VmLang.Cli.Commands;

/// <summary>
/// One run of <c>vmlang render</c>: check the template, then stream the rows through the row checker
/// into the chosen output. Scripts are the only thing written to stdout; rejected rows, warnings and
/// the totals go to stderr, and no row is dropped without being named.
/// </summary>
internal sealed class RenderRun(RenderRequest request, TextWriter stdout, TextWriter stderr, Func<Stream> openStdin)
{
    public int Execute()
    {
        var speech = RenderSpeech.Start(request);
        var (compilation, template) = LoadTemplate();
        if (!ReportTemplateDiagnostics(compilation, template)) return CliApplication.ErrorsFound;
        var checker = new RowChecker(compilation, template);

        // The command validated the name; `wav` is no script format (speech writes its own files), so it gets text's.
        var scriptFormat = ScriptFormats.TryParse(request.Format, out var named) ? named : ScriptFormat.Text;
        CheckRejectsFolder();

        using var source = request.ReadsStandardInput ? OpenStandardInput() : OpenDataFile();
        using var progress = ReferenceEquals(stderr, Console.Error) ? ProgressReporters.ForStandardError(source.InputLength) : new NoProgressReporter(stderr);
        var formatter = ScriptFormatter.For(scriptFormat, compilation.Configuration.PauseSeconds);
        using var sink = speech?.CreateSink(() => CreateSink(formatter), OpenOutputDirectory) ?? CreateSink(formatter);
        var speaker = speech?.CreateSpeaker(compilation.Configuration);
        var rows = new RowLoop(request, template, checker, () => new RowChecker(compilation, template), source, speaker, sink, progress);
        var exit = rows.Run();
        // Printed whatever happened: every row read is accounted for, even after a write failure.
        progress.WriteLine(rows.Summary.Format());
        foreach (var line in speech?.Report.Lines() ?? []) progress.WriteLine(line);
        return exit;
    }

    /// <summary>A rejects file in a folder that does not exist would only fail after every row was rendered.</summary>
    private void CheckRejectsFolder()
    {
        if (request.RejectsPath is not { } path) return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (Directory.Exists(path)) throw new CliInputException($"cannot write rejects file '{path}': it is a folder");
        if (!Directory.Exists(folder)) throw new CliInputException($"cannot write rejects file '{path}': folder '{folder}' does not exist");
    }

    private (Compilation Compilation, TemplateSymbol Template) LoadTemplate()
    {
        if (!File.Exists(request.File)) throw new CliInputException($"template file '{request.File}' does not exist");
        Compilation compilation;
        try
        {
            // The file's folder is the workspace, so rulesets and config beside the template apply.
            var folder = Path.GetDirectoryName(Path.GetFullPath(request.File))!;
            compilation = WorkspaceLoader.Load([folder]);
            if (compilation.GetSyntaxTree(Path.GetFullPath(request.File)) is null)
            {
                compilation = compilation.WithSyntaxTree(Syntax.SyntaxTree.Parse(WorkspaceLoader.ReadSource(request.File), Path.GetFullPath(request.File)));
            }
        }
        catch (WorkspaceLoadException error)
        {
            throw new CliInputException(error.Message);
        }
        var template = compilation.Templates.FirstOrDefault(t => t.Name == request.Template && t.SyntaxTree.FilePath == Path.GetFullPath(request.File))
            ?? compilation.GetTemplate(request.Template);
        if (template is null)
        {
            var known = string.Join(", ", compilation.Templates.Where(t => t.SyntaxTree.FilePath == Path.GetFullPath(request.File)).Select(t => t.Name));
            throw new CliInputException($"no template named '{request.Template}' in '{request.File}'{(known.Length > 0 ? $" (templates: {known})" : "")}");
        }
        return (compilation, template);
    }

    /// <summary>Prints the diagnostics of the template and the rulesets it uses; false when any is an error.</summary>
    private bool ReportTemplateDiagnostics(Compilation compilation, TemplateSymbol template)
    {
        var relevant = compilation.GetDiagnostics().Where(d => IsAbout(d, template, compilation)).ToList();
        foreach (var diagnostic in relevant)
        {
            stderr.WriteLine(Output.TextDiagnosticWriter.Line(diagnostic));
        }
        if (relevant.All(d => d.Severity != DiagnosticSeverity.Error)) return true;
        stderr.WriteLine($"vmlang: template '{template.Name}' has errors; nothing was rendered.");
        return false;
    }

    private static bool IsAbout(Diagnostic diagnostic, TemplateSymbol template, Compilation compilation) =>
        compilation.GetTemplateAt(diagnostic.Location) == template
        || template.Rulesets.Any(r => ReferenceEquals(diagnostic.Location.Text, r.SyntaxTree.Text) && r.Syntax.FullSpan.Contains(diagnostic.Location.Span.Start))
        || diagnostic.Code == DiagnosticDescriptors.InvalidConfig.Code;

    private DataSource OpenDataFile()
    {
        if (!DataFormats.TryResolve(request.Data, request.DataFormat, out var format, out var formatError))
        {
            throw new CliInputException(formatError);
        }
        if (!File.Exists(request.Data)) throw new CliInputException($"data file '{request.Data}' does not exist");
        if (request.RejectsPath is { } rejectsPath && Path.GetFullPath(rejectsPath) == Path.GetFullPath(request.Data))
        {
            throw new CliInputException("--rejects must not overwrite the data file");
        }
        try
        {
            return DataSource.Open(request.Data, format, NamedEncoding());
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot read '{request.Data}': {error.Message}");
        }
    }

    /// <summary><c>--data-encoding</c>: null (UTF-8, checked row by row) when not given.</summary>
    private System.Text.Encoding? NamedEncoding()
    {
        if (request.DataEncodingName is not { } name) return null;
        return DataEncoding.TryParse(name, out var encoding)
            ? encoding
            : throw new CliInputException($"--data-encoding '{name}' is not an encoding this machine knows; use utf-8, utf-16, utf-16BE, utf-32, us-ascii or latin1");
    }

    /// <summary><c>--data -</c>: the format named by <c>--data-format</c>, else told from the first character.</summary>
    private DataSource OpenStandardInput()
    {
        DataFormat? format = DataFormats.TryParse(request.DataFormat, out var named) ? named : null;
        try
        {
            return StandardInputData.Open(openStdin(), format, NamedEncoding());
        }
        catch (IOException error)
        {
            throw new CliInputException($"cannot read standard input: {error.Message}");
        }
    }

    private IScriptSink CreateSink(ScriptFormatter formatter)
    {
        if (request.OutDirectory is not { } folder)
        {
            // The console's writer flushes on every write; a buffered one costs a system call per 64 KB, not per script.
            return ReferenceEquals(stdout, Console.Out) ? StreamScriptSink.ForStandardOutput(formatter) : new StreamScriptSink(stdout, formatter);
        }
        return new DirectoryScriptSink(OpenOutputDirectory(folder), formatter);
    }

    private static OutputDirectory OpenOutputDirectory(string folder)
    {
        if (File.Exists(folder)) throw new CliInputException($"--out '{folder}' is a file, not a folder; name a folder for the scripts");
        try
        {
            return new OutputDirectory(folder);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot create output folder '{folder}': {error.Message}");
        }
    }
}
