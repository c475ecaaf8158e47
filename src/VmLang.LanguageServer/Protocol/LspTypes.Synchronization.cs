namespace VmLang.LanguageServer.Protocol;

internal sealed record DidOpenTextDocumentParams
{
    public required TextDocumentItem TextDocument { get; init; }
}

internal sealed record DidChangeTextDocumentParams
{
    public required VersionedTextDocumentIdentifier TextDocument { get; init; }

    /// <summary>Applied in order: each change's range refers to the text after the previous change.</summary>
    public required IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges { get; init; }
}

/// <summary>An incremental change when <see cref="Range"/> is set; otherwise the document's full new text.</summary>
internal sealed record TextDocumentContentChangeEvent
{
    public Range? Range { get; init; }

    public required string Text { get; init; }
}

internal sealed record DidCloseTextDocumentParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
}

internal sealed record DidSaveTextDocumentParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }

    /// <summary>Present when the server asked for it with <see cref="SaveOptions.IncludeText"/>.</summary>
    public string? Text { get; init; }
}
