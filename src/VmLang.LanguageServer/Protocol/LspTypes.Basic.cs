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
    public required IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Changes { get; init; }
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

internal record TextDocumentPositionParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }

    public required Position Position { get; init; }
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
