namespace VmLang.LanguageServer.Protocol;

internal enum CompletionTriggerKind
{
    Invoked = 1,
    TriggerCharacter = 2,
    TriggerForIncompleteCompletions = 3,
}

internal sealed record CompletionContext
{
    public required CompletionTriggerKind TriggerKind { get; init; }

    public string? TriggerCharacter { get; init; }
}

internal sealed record CompletionParams : TextDocumentPositionParams
{
    public CompletionContext? Context { get; init; }
}

internal enum CompletionItemKind
{
    Text = 1,
    Method = 2,
    Function = 3,
    Constructor = 4,
    Field = 5,
    Variable = 6,
    Class = 7,
    Interface = 8,
    Module = 9,
    Property = 10,
    Unit = 11,
    Value = 12,
    Enum = 13,
    Keyword = 14,
    Snippet = 15,
    Color = 16,
    File = 17,
    Reference = 18,
    Folder = 19,
    EnumMember = 20,
    Constant = 21,
    Struct = 22,
    Event = 23,
    Operator = 24,
    TypeParameter = 25,
}

internal enum InsertTextFormat
{
    PlainText = 1,
    Snippet = 2,
}

internal sealed record CompletionItem
{
    public required string Label { get; init; }

    public CompletionItemKind? Kind { get; init; }

    public string? Detail { get; init; }

    public MarkupContent? Documentation { get; init; }

    public string? SortText { get; init; }

    /// <summary>Selects this item when the list opens (the client picks the first preselected one).</summary>
    public bool? Preselect { get; init; }

    public string? FilterText { get; init; }

    public string? InsertText { get; init; }

    public InsertTextFormat? InsertTextFormat { get; init; }

    /// <summary>Replaces a specific range instead of the word at the cursor; wins over <see cref="InsertText"/>.</summary>
    public TextEdit? TextEdit { get; init; }
}

internal sealed record CompletionList
{
    public bool IsIncomplete { get; init; }

    public required IReadOnlyList<CompletionItem> Items { get; init; }
}
