using System.Text.Json;

namespace VmLang.LanguageServer.Protocol;

internal enum DiagnosticSeverity
{
    Error = 1,
    Warning = 2,
    Information = 3,
    Hint = 4,
}

internal sealed record Diagnostic
{
    public required Range Range { get; init; }

    public DiagnosticSeverity? Severity { get; init; }

    /// <summary>E.g. <c>VML0103</c>.</summary>
    public string? Code { get; init; }

    public CodeDescription? CodeDescription { get; init; }

    public string? Source { get; init; }

    public required string Message { get; init; }

    public IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation { get; init; }

    /// <summary>Returned unchanged in <c>textDocument/codeAction</c>; lets a fix find what it needs without recomputing.</summary>
    public JsonElement? Data { get; init; }
}

internal sealed record CodeDescription
{
    public required string Href { get; init; }
}

internal sealed record DiagnosticRelatedInformation
{
    public required Location Location { get; init; }

    public required string Message { get; init; }
}

internal sealed record PublishDiagnosticsParams
{
    public required string Uri { get; init; }

    /// <summary>The document version the diagnostics were computed for, so the client can drop stale ones.</summary>
    public int? Version { get; init; }

    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }
}
