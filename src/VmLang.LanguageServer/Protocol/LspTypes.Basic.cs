using System.Text.Json;
using System.Text.Json.Serialization;

namespace VmLang.LanguageServer.Protocol;

// LSP 3.17 basic structures. URIs stay strings: the store keys documents by the exact URI the
// client sent, and DocumentUri converts to and from local paths where a path is needed.

/// <summary>A zero-based line and UTF-16 code-unit offset within that line.</summary>
internal readonly record struct Position(int Line, int Character);

/// <summary>A span between two positions; <see cref="End"/> is exclusive.</summary>
internal readonly record struct Range(Position Start, Position End);

internal sealed record Location
{
    public required string Uri { get; init; }

    public required Range Range { get; init; }
}

internal sealed record TextEdit
{
    public required Range Range { get; init; }

    public required string NewText { get; init; }
}

internal sealed record WorkspaceEdit
{
    /// <summary>Edits per document URI.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TextEdit>>? Changes { get; init; }

    /// <summary>Ordered edits and file operations; needed to create a file (e.g. a new vmlang.json).</summary>
    public IReadOnlyList<DocumentChange>? DocumentChanges { get; init; }
}

/// <summary>
/// One entry of <see cref="WorkspaceEdit.DocumentChanges"/>: a <c>TextDocumentEdit</c> (text document and
/// edits) or, with <see cref="Kind"/> <c>"create"</c>, a <c>CreateFile</c> (uri). One record for both keeps
/// the source-generated serializer free of polymorphism; unset members are not written.
/// </summary>
internal sealed record DocumentChange
{
    public string? Kind { get; init; }

    public string? Uri { get; init; }

    public CreateFileOptions? Options { get; init; }

    public OptionalVersionedTextDocumentIdentifier? TextDocument { get; init; }

    public IReadOnlyList<TextEdit>? Edits { get; init; }

    public static DocumentChange CreateFile(string uri) =>
        new() { Kind = "create", Uri = uri, Options = new CreateFileOptions { IgnoreIfExists = true } };

    public static DocumentChange EditFile(string uri, IReadOnlyList<TextEdit> edits) =>
        new() { TextDocument = new OptionalVersionedTextDocumentIdentifier { Uri = uri }, Edits = edits };
}

internal sealed record CreateFileOptions
{
    public bool? Overwrite { get; init; }

    public bool? IgnoreIfExists { get; init; }
}

/// <summary>A document and its version, or null for "whatever is current" (JSON <c>version: null</c> is required).</summary>
internal sealed record OptionalVersionedTextDocumentIdentifier
{
    public required string Uri { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? Version { get; init; }
}

internal sealed record TextDocumentIdentifier
{
    public required string Uri { get; init; }
}

internal sealed record VersionedTextDocumentIdentifier
{
    public required string Uri { get; init; }

    public required int Version { get; init; }
}

internal sealed record TextDocumentItem
{
    public required string Uri { get; init; }

    public required string LanguageId { get; init; }

    public required int Version { get; init; }

    public required string Text { get; init; }
}

internal record TextDocumentPositionParams : ITextDocumentParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }

    public required Position Position { get; init; }
}

/// <summary>The parameters of a request about one document.</summary>
internal interface ITextDocumentParams
{
    TextDocumentIdentifier TextDocument { get; }
}

internal static class MarkupKind
{
    public const string PlainText = "plaintext";
    public const string Markdown = "markdown";
}

internal sealed record MarkupContent
{
    /// <summary>One of <see cref="MarkupKind"/>.</summary>
    public required string Kind { get; init; }

    public required string Value { get; init; }
}

internal sealed record Command
{
    public required string Title { get; init; }

    /// <summary>The command's identifier (JSON <c>command</c>; a member cannot share its type's name).</summary>
    [JsonPropertyName("command")]
    public required string Name { get; init; }

    public IReadOnlyList<JsonElement>? Arguments { get; init; }
}

/// <summary>The parameters of <c>$/cancelRequest</c>.</summary>
internal sealed record CancelParams
{
    public required RequestId Id { get; init; }
}
