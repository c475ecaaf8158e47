namespace VmLang.LanguageServer.Protocol;

// Semantic tokens, folding and formatting: features that present a document rather than query it.

internal sealed record SemanticTokensParams : ITextDocumentParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
}

internal sealed record SemanticTokens
{
    /// <summary>Names this result, so that the next request can ask for the changes since (<c>full/delta</c>).</summary>
    public string? ResultId { get; init; }

    /// <summary>Five integers per token, relative to the previous token (see the LSP spec).</summary>
    public required uint[] Data { get; init; }
}

internal sealed record SemanticTokensDeltaParams : ITextDocumentParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }

    /// <summary>The <see cref="SemanticTokens.ResultId"/> of the result the client holds.</summary>
    public required string PreviousResultId { get; init; }
}

/// <summary>
/// The answer to <c>textDocument/semanticTokens/full/delta</c>: either the edits to the client's
/// previous result (<see cref="Edits"/>) or, when the server no longer has that result, all tokens
/// (<see cref="Data"/>); LSP tells the two apart by which of the two is present.
/// </summary>
internal sealed record SemanticTokensDeltaResult
{
    public required string ResultId { get; init; }

    public IReadOnlyList<SemanticTokensEdit>? Edits { get; init; }

    public uint[]? Data { get; init; }
}

/// <summary>Replaces <see cref="DeleteCount"/> integers of the previous data from <see cref="Start"/> with <see cref="Data"/>.</summary>
internal sealed record SemanticTokensEdit
{
    public required int Start { get; init; }

    public required int DeleteCount { get; init; }

    public uint[]? Data { get; init; }
}

internal sealed record FoldingRangeParams : ITextDocumentParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
}

internal static class FoldingRangeKind
{
    public const string Comment = "comment";
    public const string Imports = "imports";
    public const string Region = "region";
}

internal sealed record FoldingRange
{
    public required int StartLine { get; init; }

    public int? StartCharacter { get; init; }

    public required int EndLine { get; init; }

    public int? EndCharacter { get; init; }

    /// <summary>One of <see cref="FoldingRangeKind"/>.</summary>
    public string? Kind { get; init; }
}

internal sealed record DocumentFormattingParams : ITextDocumentParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }

    public required FormattingOptions Options { get; init; }
}

internal sealed record FormattingOptions
{
    public required int TabSize { get; init; }

    public required bool InsertSpaces { get; init; }

    public bool? TrimTrailingWhitespace { get; init; }

    public bool? InsertFinalNewline { get; init; }

    public bool? TrimFinalNewlines { get; init; }
}
