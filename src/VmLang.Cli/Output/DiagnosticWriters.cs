using System.Text.Json;
using VmLang.Diagnostics;

namespace VmLang.Cli.Output;

/// <summary>Writes a checked workspace's diagnostics in one of the CLI's formats.</summary>
internal interface IDiagnosticWriter
{
    void Write(IReadOnlyList<Diagnostic> diagnostics, TextWriter output);
}

internal static class DiagnosticWriters
{
    public static readonly string[] Formats = ["text", "json", "sarif", "github", "msbuild"];

    public static IDiagnosticWriter Create(string format) => format switch
    {
        "json" => new JsonDiagnosticWriter(),
        "sarif" => new SarifDiagnosticWriter(),
        "github" => new GitHubDiagnosticWriter(),
        "msbuild" => new MSBuildDiagnosticWriter(),
        _ => new TextDiagnosticWriter(),
    };

    /// <summary>Paths as the user sees them: relative to the current folder, with '/' on every OS.</summary>
    public static string DisplayPath(string path) => DisplayPath(path, Environment.CurrentDirectory);

    public static string DisplayPath(string path, string currentDirectory) =>
        Path.GetRelativePath(currentDirectory, path).Replace('\\', '/');

    public static JsonWriterOptions JsonOptions { get; } =
        new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>The MSBuild canonical form, one diagnostic a line, whatever the message or path holds.</summary>
internal sealed class TextDiagnosticWriter : IDiagnosticWriter
{
    public void Write(IReadOnlyList<Diagnostic> diagnostics, TextWriter output)
    {
        var chunks = new ChunkedOutput(output);
        var paths = new DisplayPaths();
        foreach (var diagnostic in diagnostics)
        {
            chunks.Text.Append(Line(diagnostic, paths.Get(diagnostic.Location.FilePath)));
            chunks.EndLine();
        }
        chunks.Flush();
    }

    /// <summary>One diagnostic as one line: control characters in the path and message are escaped (<see cref="OneLine"/>).</summary>
    public static string Line(Diagnostic diagnostic) => Line(diagnostic, DiagnosticWriters.DisplayPath(diagnostic.Location.FilePath));

    private static string Line(Diagnostic diagnostic, string displayPath) =>
        OneLine.Escape(diagnostic.ToCanonicalString(displayPath));
}

/// <summary>
/// What MSBuild's <c>Exec</c> task reads as real errors and warnings: full paths (the build's current folder
/// is not the user's) and the end position, <c>path(line,col,endLine,endCol): error VML0104: message</c>.
/// MSBuild's canonical form knows only <c>error</c> and <c>warning</c>, so an <c>info</c> line is logged as a message.
/// </summary>
internal sealed class MSBuildDiagnosticWriter : IDiagnosticWriter
{
    public void Write(IReadOnlyList<Diagnostic> diagnostics, TextWriter output)
    {
        var chunks = new ChunkedOutput(output);
        string? lastPath = null, fullPath = null;
        foreach (var diagnostic in diagnostics)
        {
            var span = diagnostic.Location.LineSpan;
            if (diagnostic.Location.FilePath != lastPath) fullPath = Path.GetFullPath(lastPath = diagnostic.Location.FilePath);
            chunks.Text.Append(
                $"{fullPath}({span.Start.Line + 1},{span.Start.Character + 1},{span.End.Line + 1},{span.End.Character + 1}): " +
                $"{diagnostic.Severity.ToText()} {diagnostic.Code}: {diagnostic.Message}");
            chunks.EndLine();
        }
        chunks.Flush();
    }
}

/// <summary>An array of <c>{file,line,column,endLine,endColumn,severity,code,message}</c>, 1-based.</summary>
internal sealed class JsonDiagnosticWriter : IDiagnosticWriter
{
    public void Write(IReadOnlyList<Diagnostic> diagnostics, TextWriter output)
    {
        var paths = new DisplayPaths();
        using (var chunks = new ChunkedJson(output))
        {
            var json = chunks.Writer;
            json.WriteStartArray();
            foreach (var diagnostic in diagnostics)
            {
                var span = diagnostic.Location.LineSpan;
                json.WriteStartObject();
                json.WriteString("file", paths.Get(diagnostic.Location.FilePath));
                json.WriteNumber("line", span.Start.Line + 1);
                json.WriteNumber("column", span.Start.Character + 1);
                json.WriteNumber("endLine", span.End.Line + 1);
                json.WriteNumber("endColumn", span.End.Character + 1);
                json.WriteString("severity", diagnostic.Severity.ToText());
                json.WriteString("code", diagnostic.Code);
                json.WriteString("message", diagnostic.Message);
                json.WriteEndObject();
                chunks.MaybeFlush();
            }
            json.WriteEndArray();
            chunks.Complete();
        }
    }
}

/// <summary>GitHub Actions workflow commands, so diagnostics show on the pull request's lines.</summary>
internal sealed class GitHubDiagnosticWriter : IDiagnosticWriter
{
    public void Write(IReadOnlyList<Diagnostic> diagnostics, TextWriter output)
    {
        var chunks = new ChunkedOutput(output);
        var paths = new DisplayPaths();
        foreach (var diagnostic in diagnostics)
        {
            var span = diagnostic.Location.LineSpan;
            var command = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "notice",
            };
            var file = EscapeProperty(paths.Get(diagnostic.Location.FilePath));
            chunks.Text.Append(
                $"::{command} file={file},line={span.Start.Line + 1},col={span.Start.Character + 1}," +
                $"endLine={span.End.Line + 1},endColumn={span.End.Character + 1},title={diagnostic.Code}::{EscapeData(diagnostic.Message)}");
            chunks.EndLine();
        }
        chunks.Flush();
    }

    private static string EscapeData(string value) =>
        value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");
}
