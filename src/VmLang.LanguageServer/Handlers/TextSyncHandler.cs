using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;

namespace VmLang.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/didOpen</c>, <c>didChange</c> (incremental) and <c>didClose</c>: the editor's text
/// replaces the file's in the workspace while the document is open, and diagnostics follow.
/// </summary>
internal sealed class TextSyncHandler(ServerWorkspace workspace, DiagnosticsPublisher diagnostics, TextWriter log)
{
    public void Register(LanguageServerConnection connection)
    {
        connection.OnNotification<DidOpenTextDocumentParams>(LspMethods.TextDocumentDidOpen, opened =>
        {
            workspace.Open(opened);
            diagnostics.OnChanged(workspace.KeyOf(opened.TextDocument.Uri));
            return Task.CompletedTask;
        });
        connection.OnNotification<DidChangeTextDocumentParams>(LspMethods.TextDocumentDidChange, changed =>
        {
            LatencyTrace.MarkRead(changed.TextDocument.Version);
            if (workspace.Change(changed))
            {
                LatencyTrace.Mark(changed.TextDocument.Version, "parsed");
                diagnostics.OnChanged(workspace.KeyOf(changed.TextDocument.Uri));
                return Task.CompletedTask;
            }

            // Nothing the user typed is dropped without a word: the editor's log says so too.
            var message = $"ignored a change to {changed.TextDocument.Uri}, which is not open";
            log.WriteLine($"[vmlang] {message}");
            return connection.LogMessageAsync(MessageType.Warning, $"VmLang {message}.");
        });
        connection.OnNotification<DidCloseTextDocumentParams>(LspMethods.TextDocumentDidClose, closed =>
        {
            workspace.Close(closed);
            diagnostics.OnChanged(null);
            return Task.CompletedTask;
        });
        // Saving changes nothing the server does not already have; handled so it is not logged as unknown.
        connection.OnNotification<DidSaveTextDocumentParams>(LspMethods.TextDocumentDidSave, _ => Task.CompletedTask);
    }
}
