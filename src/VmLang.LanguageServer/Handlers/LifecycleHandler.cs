using System.Text.Json;
using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;

namespace VmLang.LanguageServer.Handlers;

/// <summary>
/// <c>initialize</c>: reads the workspace folders and answers what the server can do;
/// <c>initialized</c>: asks the client to watch <c>.vml</c> files and <c>vmlang.json</c>, and publishes
/// the diagnostics of the whole workspace. <c>shutdown</c> and <c>exit</c> are the connection's.
/// </summary>
internal sealed class LifecycleHandler(ServerWorkspace workspace, DiagnosticsPublisher diagnostics, TextWriter log)
{
    private bool _canRegisterWatchers;

    public void Register(LanguageServerConnection connection)
    {
        // Runs on the dispatch loop: every later message must find the workspace loaded.
        connection.OnRequest<InitializeParams, InitializeResult>(LspMethods.Initialize, (request, cancellationToken) =>
        {
            _canRegisterWatchers = SupportsWatcherRegistration(request.Capabilities);
            workspace.Load(Roots(request));
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(new InitializeResult { Capabilities = Capabilities, ServerInfo = new ServerInfo { Name = "vmlang", Version = Version } });
        });
        connection.OnNotification<InitializedParams>(LspMethods.Initialized, async _ =>
        {
            diagnostics.OnChanged(null);
            if (_canRegisterWatchers) await RegisterWatchersAsync(connection).ConfigureAwait(false);
        });
    }

    private static string? Version => typeof(LifecycleHandler).Assembly.GetName().Version?.ToString(3);

    public static ServerCapabilities Capabilities { get; } = new()
    {
        TextDocumentSync = new TextDocumentSyncOptions { OpenClose = true, Change = TextDocumentSyncKind.Incremental, Save = new SaveOptions { IncludeText = false } },
        HoverProvider = true,
        CompletionProvider = new CompletionOptions { TriggerCharacters = CompletionHandler.TriggerCharacters },
        DefinitionProvider = true,
        ReferencesProvider = true,
        RenameProvider = new RenameOptions { PrepareProvider = true },
        DocumentSymbolProvider = true,
        SemanticTokensProvider = new SemanticTokensOptions { Legend = SemanticTokensHandler.Legend, Full = new SemanticTokensFullOptions { Delta = true } },
        FoldingRangeProvider = true,
        DocumentFormattingProvider = true,
        CodeActionProvider = new CodeActionOptions { CodeActionKinds = [CodeActionKind.QuickFix] },
        CodeLensProvider = new CodeLensOptions { ResolveProvider = false },
        Workspace = new WorkspaceServerCapabilities
        {
            WorkspaceFolders = new WorkspaceFoldersServerCapabilities { Supported = true, ChangeNotifications = true },
        },
    };

    /// <summary>Workspace folders, else the root URI, else the root path (older clients send only those).</summary>
    private IReadOnlyList<string> Roots(InitializeParams request)
    {
        IEnumerable<string> uris = request.WorkspaceFolders is { Count: > 0 } folders
            ? folders.Select(f => f.Uri)
            : request.RootUri is { } rootUri ? [rootUri] : [];
        var roots = ServerWorkspace.LocalFolders(uris);
        if (roots.Count == 0 && request.RootPath is { Length: > 0 } rootPath) roots = [Path.GetFullPath(rootPath)];
        if (roots.Count == 0) log.WriteLine("[vmlang] no workspace folder: only open documents are checked");
        return roots;
    }

    private static bool SupportsWatcherRegistration(JsonElement capabilities) =>
        capabilities.ValueKind == JsonValueKind.Object
        && capabilities.TryGetProperty("workspace", out var workspaceCapabilities) && workspaceCapabilities.ValueKind == JsonValueKind.Object
        && workspaceCapabilities.TryGetProperty("didChangeWatchedFiles", out var watched) && watched.ValueKind == JsonValueKind.Object
        && watched.TryGetProperty("dynamicRegistration", out var dynamic) && dynamic.ValueKind == JsonValueKind.True;

    private async Task RegisterWatchersAsync(LanguageServerConnection connection)
    {
        var options = new DidChangeWatchedFilesRegistrationOptions
        {
            Watchers = [new Protocol.FileSystemWatcher { GlobPattern = "**/*.vml" }, new Protocol.FileSystemWatcher { GlobPattern = "**/vmlang.json" }],
        };
        try
        {
            await connection.RegisterCapabilityAsync(new RegistrationParams
            {
                Registrations =
                [
                    new Registration
                    {
                        Id = "vmlang-watched-files",
                        Method = LspMethods.WorkspaceDidChangeWatchedFiles,
                        RegisterOptions = JsonSerializer.SerializeToElement(options, LspJsonContext.Default.DidChangeWatchedFilesRegistrationOptions),
                    },
                ],
            }).ConfigureAwait(false);
        }
        catch (Exception error) when (error is ResponseErrorException or OperationCanceledException)
        {
            log.WriteLine($"[vmlang] the client did not register file watchers: {error.Message}");
        }
    }
}
