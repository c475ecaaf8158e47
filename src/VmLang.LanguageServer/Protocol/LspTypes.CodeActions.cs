using System.Text.Json;

namespace VmLang.LanguageServer.Protocol;

internal static class CodeActionKind
{
    public const string QuickFix = "quickfix";
    public const string Refactor = "refactor";
    public const string RefactorRewrite = "refactor.rewrite";
    public const string Source = "source";
    public const string SourceFixAll = "source.fixAll";
}

internal sealed record CodeActionParams : ITextDocumentParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }

    public required Range Range { get; init; }

    public required CodeActionContext Context { get; init; }
}

internal sealed record CodeActionContext
{
    /// <summary>The diagnostics overlapping the range, as the server published them (including <see cref="Diagnostic.Data"/>).</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>When set, only actions of these kinds (or their sub-kinds) are wanted.</summary>
    public IReadOnlyList<string>? Only { get; init; }
}

internal sealed record CodeAction
{
    public required string Title { get; init; }

    /// <summary>One of <see cref="CodeActionKind"/>.</summary>
    public string? Kind { get; init; }

    public IReadOnlyList<Diagnostic>? Diagnostics { get; init; }

    public WorkspaceEdit? Edit { get; init; }

    public bool? IsPreferred { get; init; }
}

internal sealed record CodeLensParams : ITextDocumentParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
}

internal sealed record CodeLens
{
    public required Range Range { get; init; }

    public Command? Command { get; init; }

    public JsonElement? Data { get; init; }
}
