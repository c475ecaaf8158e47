using VmLang.LanguageServer.Handlers;
using VmLang.LanguageServer.Workspace;

namespace VmLang.LanguageServer;

/// <summary>The VmLang language server: its features over one connection. <c>vmlang lsp</c> runs it on stdin/stdout.</summary>
public static class VmLangLanguageServer
{
    /// <summary>Serves one client until <c>exit</c> or the end of <paramref name="input"/>; returns the exit code LSP prescribes.</summary>
    /// <param name="log">Where the server's own log goes (stderr): never the protocol stream.</param>
    public static async Task<int> RunAsync(Stream input, Stream output, TextWriter log, CancellationToken cancellationToken = default)
    {
        var connection = new LanguageServerConnection(input, output, log);
        log.WriteLine($"[vmlang] garbage collector: {GarbageCollectorSettings()}");
        using var features = Register(connection, log, TimeProvider.System);
        return await connection.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The GC settings that bear on keystroke latency, as the runtime applied them: they come from the
    /// executable's project, and a build that lost them (as one did) is slower without any other sign.
    /// </summary>
    private static string GarbageCollectorSettings()
    {
        var settings = GC.GetConfigurationVariables();
        return $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, concurrent {settings.GetValueOrDefault("ConcurrentGC")}, "
            + $"large-object threshold {settings.GetValueOrDefault("LOHThreshold")} B";
    }

    /// <summary>Registers every feature on <paramref name="connection"/>; dispose the result when the connection ends.</summary>
    internal static IDisposable Register(LanguageServerConnection connection, TextWriter log, TimeProvider time)
    {
        log = TextWriter.Synchronized(log);
        var workspace = new ServerWorkspace(log);
        var diagnostics = new DiagnosticsPublisher(connection, workspace, time, log);
        new LifecycleHandler(workspace, diagnostics, log).Register(connection);
        new TextSyncHandler(workspace, diagnostics, log).Register(connection);
        new WorkspaceChangeHandler(workspace, diagnostics).Register(connection);
        new HoverHandler(workspace).Register(connection);
        new CompletionHandler(workspace).Register(connection);
        new DefinitionHandler(workspace).Register(connection);
        new ReferencesHandler(workspace).Register(connection);
        new RenameHandler(workspace).Register(connection);
        new DocumentSymbolHandler(workspace).Register(connection);
        new SemanticTokensHandler(workspace).Register(connection);
        new FoldingRangeHandler(workspace).Register(connection);
        new FormattingHandler(workspace).Register(connection);
        new CodeActionHandler(workspace).Register(connection);
        new CodeLensHandler(workspace).Register(connection);
        var preview = new PreviewHandler(workspace);
        preview.Register(connection);
        new ListenHandler(workspace, preview).Register(connection);
        ExplainHandler.Register(connection);
        return diagnostics;
    }
}
