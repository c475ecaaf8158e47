namespace VmLang.LanguageServer.Protocol;

// Semantic tokens, folding and formatting: features that present a document rather than query it.

internal sealed record SemanticTokensParams : ITextDocumentParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
}

internal sealed record SemanticTokens
{
    /// <summary>Five integers per token, relative to the previous token (see the LSP spec).</summary>
    public required uint[] Data { get; init; }
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
