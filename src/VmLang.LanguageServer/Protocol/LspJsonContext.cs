using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace VmLang.LanguageServer.Protocol;

/// <summary>
/// Source-generated serialization for every type that crosses the wire (no reflection, NativeAOT-safe).
/// A handler's parameter and result types must be listed here; registering a handler for a type that
/// is missing fails at registration with a message saying which type to add. Collection results are
/// listed as <see cref="IReadOnlyList{T}"/>, so handlers declare that as their result type.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(IncomingMessage))]
[JsonSerializable(typeof(ResponseError))]
[JsonSerializable(typeof(CancelParams))]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializedParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(DidSaveTextDocumentParams))]
[JsonSerializable(typeof(DidChangeWatchedFilesParams))]
[JsonSerializable(typeof(DidChangeConfigurationParams))]
[JsonSerializable(typeof(DidChangeWorkspaceFoldersParams))]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(LogMessageParams))]
[JsonSerializable(typeof(RegistrationParams))]
[JsonSerializable(typeof(DidChangeWatchedFilesRegistrationOptions))]
[JsonSerializable(typeof(ConfigurationParams))]
[JsonSerializable(typeof(IReadOnlyList<JsonElement>))]
[JsonSerializable(typeof(TextDocumentPositionParams))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(CompletionParams))]
[JsonSerializable(typeof(CompletionList))]
[JsonSerializable(typeof(Location))]
[JsonSerializable(typeof(IReadOnlyList<Location>))]
[JsonSerializable(typeof(ReferenceParams))]
[JsonSerializable(typeof(RenameParams))]
[JsonSerializable(typeof(PrepareRenameResult))]
[JsonSerializable(typeof(WorkspaceEdit))]
[JsonSerializable(typeof(DocumentSymbolParams))]
[JsonSerializable(typeof(IReadOnlyList<DocumentSymbol>))]
[JsonSerializable(typeof(SemanticTokensParams))]
[JsonSerializable(typeof(SemanticTokens))]
[JsonSerializable(typeof(SemanticTokensDeltaParams))]
[JsonSerializable(typeof(SemanticTokensDeltaResult))]
[JsonSerializable(typeof(FoldingRangeParams))]
[JsonSerializable(typeof(IReadOnlyList<FoldingRange>))]
[JsonSerializable(typeof(DocumentFormattingParams))]
[JsonSerializable(typeof(IReadOnlyList<TextEdit>))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(IReadOnlyList<CodeAction>))]
[JsonSerializable(typeof(CodeLensParams))]
[JsonSerializable(typeof(IReadOnlyList<CodeLens>))]
[JsonSerializable(typeof(IReadOnlyList<Diagnostic>))]
[JsonSerializable(typeof(Handlers.DiagnosticData))]
[JsonSerializable(typeof(CompletionItem))]
[JsonSerializable(typeof(PreviewParams))]
[JsonSerializable(typeof(PreviewResult))]
[JsonSerializable(typeof(ListenResult))]
[JsonSerializable(typeof(ExplainParams))]
[JsonSerializable(typeof(ExplainResult))]
internal sealed partial class LspJsonContext : JsonSerializerContext
{
    /// <summary>The generated metadata for <typeparamref name="T"/>; throws if the type is not listed above.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() =>
        Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException(
            $"{typeof(T)} is not serializable by {nameof(LspJsonContext)}; add [JsonSerializable(typeof({typeof(T).Name}))] to it.");
}
