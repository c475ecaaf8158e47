using System.Text.Json;
using VmLang.LanguageServer.Protocol;

namespace VmLang.LanguageServer;

/// <summary>Typed shortcuts for the server-to-client messages the features send.</summary>
internal static class LanguageClientExtensions
{
    public static Task PublishDiagnosticsAsync(this LanguageServerConnection connection, PublishDiagnosticsParams diagnostics) =>
        connection.SendNotificationAsync(LspMethods.TextDocumentPublishDiagnostics, diagnostics);

    public static Task LogMessageAsync(this LanguageServerConnection connection, MessageType type, string message) =>
        connection.SendNotificationAsync(LspMethods.WindowLogMessage, new LogMessageParams { Type = type, Message = message });

    public static Task RegisterCapabilityAsync(this LanguageServerConnection connection, RegistrationParams registrations, CancellationToken cancellationToken = default) =>
        connection.SendRequestAsync(LspMethods.ClientRegisterCapability, registrations, cancellationToken);

    /// <summary>Pulls settings with <c>workspace/configuration</c>: one JSON value per item, in order (null where the client has none).</summary>
    public static Task<IReadOnlyList<JsonElement>> GetConfigurationAsync(this LanguageServerConnection connection, ConfigurationParams items, CancellationToken cancellationToken = default) =>
        connection.SendRequestAsync<ConfigurationParams, IReadOnlyList<JsonElement>>(LspMethods.WorkspaceConfiguration, items, cancellationToken);
}
