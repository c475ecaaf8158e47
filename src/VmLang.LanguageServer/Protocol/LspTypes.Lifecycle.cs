using System.Text.Json;

namespace VmLang.LanguageServer.Protocol;

internal sealed record InitializeParams
{
    public int? ProcessId { get; init; }

    public ClientInfo? ClientInfo { get; init; }

    /// <summary>Deprecated in favour of <see cref="RootUri"/>, which is deprecated in favour of <see cref="WorkspaceFolders"/>; old clients still send only these.</summary>
    public string? RootPath { get; init; }

    public string? RootUri { get; init; }

    public JsonElement? InitializationOptions { get; init; }

    /// <summary>Kept as raw JSON: the server reads only the few capabilities it cares about.</summary>
    public JsonElement Capabilities { get; init; }

    public IReadOnlyList<WorkspaceFolder>? WorkspaceFolders { get; init; }
}

internal sealed record ClientInfo
{
    public required string Name { get; init; }

    public string? Version { get; init; }
}

/// <summary>The (empty) parameters of the <c>initialized</c> notification.</summary>
internal sealed record InitializedParams;

internal sealed record InitializeResult
{
    public required ServerCapabilities Capabilities { get; init; }

    public ServerInfo? ServerInfo { get; init; }
}

internal sealed record ServerInfo
{
    public required string Name { get; init; }

    public string? Version { get; init; }
}

internal sealed record ServerCapabilities
{
    public TextDocumentSyncOptions? TextDocumentSync { get; init; }

    public bool? HoverProvider { get; init; }

    public CompletionOptions? CompletionProvider { get; init; }

    public bool? DefinitionProvider { get; init; }

    public bool? ReferencesProvider { get; init; }

    public RenameOptions? RenameProvider { get; init; }

    public bool? DocumentSymbolProvider { get; init; }

    public SemanticTokensOptions? SemanticTokensProvider { get; init; }

    public bool? FoldingRangeProvider { get; init; }

    public bool? DocumentFormattingProvider { get; init; }

    public CodeActionOptions? CodeActionProvider { get; init; }

    public CodeLensOptions? CodeLensProvider { get; init; }

    public WorkspaceServerCapabilities? Workspace { get; init; }
}

internal enum TextDocumentSyncKind
{
    None = 0,
    Full = 1,
    Incremental = 2,
}

internal sealed record TextDocumentSyncOptions
{
    public bool OpenClose { get; init; }

    public TextDocumentSyncKind Change { get; init; }

    public SaveOptions? Save { get; init; }
}

internal sealed record SaveOptions
{
    public bool IncludeText { get; init; }
}

internal sealed record CompletionOptions
{
    public IReadOnlyList<string>? TriggerCharacters { get; init; }
}

internal sealed record RenameOptions
{
    public bool PrepareProvider { get; init; }
}

internal sealed record SemanticTokensOptions
{
    public required SemanticTokensLegend Legend { get; init; }

    /// <summary>Whole-document tokens; with <c>delta</c>, also as changes to the client's previous result.</summary>
    public SemanticTokensFullOptions? Full { get; init; }
}

internal sealed record SemanticTokensFullOptions
{
    public bool Delta { get; init; }
}

internal sealed record SemanticTokensLegend
{
    public required IReadOnlyList<string> TokenTypes { get; init; }

    public required IReadOnlyList<string> TokenModifiers { get; init; }
}

internal sealed record CodeActionOptions
{
    /// <summary>Values of <see cref="CodeActionKind"/>.</summary>
    public IReadOnlyList<string>? CodeActionKinds { get; init; }
}

internal sealed record CodeLensOptions
{
    public bool? ResolveProvider { get; init; }
}

internal sealed record WorkspaceServerCapabilities
{
    public WorkspaceFoldersServerCapabilities? WorkspaceFolders { get; init; }
}

internal sealed record WorkspaceFoldersServerCapabilities
{
    public bool Supported { get; init; }

    public bool ChangeNotifications { get; init; }
}
