using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;

namespace VmLang.LanguageServer.Handlers;

/// <summary>
/// <c>workspace/didChangeWatchedFiles</c>: files changed on disk by something other than the editor
/// (git, another tool) are read again, unless open; <c>workspace/didChangeConfiguration</c>: the
/// settings may have moved on, so <c>vmlang.json</c> is read again;
/// <c>workspace/didChangeWorkspaceFolders</c>: the workspace is read again from the new folders.
/// </summary>
internal sealed class WorkspaceChangeHandler(ServerWorkspace workspace, DiagnosticsPublisher diagnostics)
{
    public void Register(LanguageServerConnection connection)
    {
        connection.OnNotification<DidChangeWatchedFilesParams>(LspMethods.WorkspaceDidChangeWatchedFiles, changed =>
        {
            var any = false;
            foreach (var change in changed.Changes)
            {
                any |= workspace.ReloadFromDisk(workspace.KeyOf(change.Uri), deleted: change.Type == FileChangeType.Deleted);
            }
            if (any) diagnostics.OnChanged(null);
            return Task.CompletedTask;
        });
        connection.OnNotification<DidChangeConfigurationParams>(LspMethods.WorkspaceDidChangeConfiguration, _ =>
        {
            workspace.ReloadConfiguration();
            diagnostics.OnChanged(null);
            return Task.CompletedTask;
        });
        connection.OnNotification<DidChangeWorkspaceFoldersParams>(LspMethods.WorkspaceDidChangeWorkspaceFolders, changed =>
        {
            workspace.ChangeFolders(changed.Event.Added.Select(f => f.Uri), changed.Event.Removed.Select(f => f.Uri));
            diagnostics.OnChanged(null);
            return Task.CompletedTask;
        });
    }
}
