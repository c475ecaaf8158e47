using System.Text.Json;
using VmLang.LanguageServer.Protocol;
using VmLang.Text;
using CoreDiagnostic = VmLang.Diagnostics.Diagnostic;
using CoreSeverity = VmLang.Diagnostics.DiagnosticSeverity;
using LspDiagnostic = VmLang.LanguageServer.Protocol.Diagnostic;
using LspSeverity = VmLang.LanguageServer.Protocol.DiagnosticSeverity;

namespace VmLang.LanguageServer.Workspace;

/// <summary>Compiler values to LSP values. Line and column come from <see cref="SourceText"/>, which counts UTF-16 and skips a BOM, as LSP does.</summary>
internal static class LspConversions
{
    public const string Source = "vmlang";

    public static Position ToPosition(LinePosition position) => new(position.Line, position.Character);

    public static Range ToRange(SourceText text, TextSpan span)
    {
        var lines = text.GetLinePositionSpan(span);
        return new Range(ToPosition(lines.Start), ToPosition(lines.End));
    }

    public static LspDiagnostic ToLsp(CoreDiagnostic diagnostic, JsonElement? data = null) => new()
    {
        Range = ToRange(diagnostic.Location.Text, diagnostic.Location.Span),
        Severity = diagnostic.Severity switch
        {
            CoreSeverity.Error => LspSeverity.Error,
            CoreSeverity.Warning => LspSeverity.Warning,
            _ => LspSeverity.Information,
        },
        Code = diagnostic.Code,
        Source = Source,
        Message = diagnostic.Message,
        Data = data,
    };

    /// <summary>True when a published diagnostic (as the client sends it back) is this compiler diagnostic.</summary>
    public static bool Matches(LspDiagnostic published, CoreDiagnostic diagnostic) =>
        published.Code == diagnostic.Code && published.Range == ToRange(diagnostic.Location.Text, diagnostic.Location.Span);
}
