namespace VmLang.LanguageServer.Protocol;

/// <summary>Method names of the LSP messages the server handles or sends.</summary>
internal static class LspMethods
{
    public const string Initialize = "initialize";
    public const string Initialized = "initialized";
    public const string Shutdown = "shutdown";
    public const string Exit = "exit";
    public const string CancelRequest = "$/cancelRequest";

    public const string TextDocumentDidOpen = "textDocument/didOpen";
    public const string TextDocumentDidChange = "textDocument/didChange";
    public const string TextDocumentDidClose = "textDocument/didClose";
    public const string TextDocumentDidSave = "textDocument/didSave";
    public const string TextDocumentPublishDiagnostics = "textDocument/publishDiagnostics";

    public const string TextDocumentHover = "textDocument/hover";
    public const string TextDocumentCompletion = "textDocument/completion";
    public const string TextDocumentDefinition = "textDocument/definition";
    public const string TextDocumentReferences = "textDocument/references";
    public const string TextDocumentPrepareRename = "textDocument/prepareRename";
    public const string TextDocumentRename = "textDocument/rename";
    public const string TextDocumentDocumentSymbol = "textDocument/documentSymbol";
    public const string TextDocumentSemanticTokensFull = "textDocument/semanticTokens/full";
    public const string TextDocumentSemanticTokensFullDelta = "textDocument/semanticTokens/full/delta";
    public const string TextDocumentFoldingRange = "textDocument/foldingRange";
    public const string TextDocumentFormatting = "textDocument/formatting";
    public const string TextDocumentCodeAction = "textDocument/codeAction";
    public const string TextDocumentCodeLens = "textDocument/codeLens";

    public const string WorkspaceDidChangeWatchedFiles = "workspace/didChangeWatchedFiles";
    public const string WorkspaceDidChangeConfiguration = "workspace/didChangeConfiguration";
    public const string WorkspaceDidChangeWorkspaceFolders = "workspace/didChangeWorkspaceFolders";
    public const string WorkspaceConfiguration = "workspace/configuration";

    public const string VmLangPreview = "vmlang/preview";
    public const string VmLangListen = "vmlang/listen";
    public const string VmLangExplain = "vmlang/explain";

    public const string ClientRegisterCapability = "client/registerCapability";
    public const string WindowLogMessage = "window/logMessage";
    public const string WindowShowMessage = "window/showMessage";
}
