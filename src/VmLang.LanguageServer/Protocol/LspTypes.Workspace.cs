using System.Text.Json;

namespace VmLang.LanguageServer.Protocol;

internal sealed record WorkspaceFolder
{
    public required string Uri { get; init; }

    public required string Name { get; init; }
}

internal sealed record DidChangeWorkspaceFoldersParams
{
    public required WorkspaceFoldersChangeEvent Event { get; init; }
}

internal sealed record WorkspaceFoldersChangeEvent
{
    public required IReadOnlyList<WorkspaceFolder> Added { get; init; }

    public required IReadOnlyList<WorkspaceFolder> Removed { get; init; }
}

internal enum FileChangeType
{
    Created = 1,
    Changed = 2,
    Deleted = 3,
}

internal sealed record FileEvent
{
    public required string Uri { get; init; }

    public required FileChangeType Type { get; init; }
}

internal sealed record DidChangeWatchedFilesParams
{
    public required IReadOnlyList<FileEvent> Changes { get; init; }
}

internal sealed record DidChangeConfigurationParams
{
    /// <summary>Client-specific; many clients send null and expect the server to pull with <c>workspace/configuration</c>.</summary>
    public JsonElement? Settings { get; init; }
}

internal sealed record ConfigurationParams
{
    public required IReadOnlyList<ConfigurationItem> Items { get; init; }
}

internal sealed record ConfigurationItem
{
    public string? ScopeUri { get; init; }

    public string? Section { get; init; }
}

internal sealed record RegistrationParams
{
    public required IReadOnlyList<Registration> Registrations { get; init; }
}

internal sealed record Registration
{
    public required string Id { get; init; }

    public required string Method { get; init; }

    /// <summary>Method-specific options, e.g. a serialized <see cref="DidChangeWatchedFilesRegistrationOptions"/>.</summary>
    public JsonElement? RegisterOptions { get; init; }
}

internal sealed record DidChangeWatchedFilesRegistrationOptions
{
    public required IReadOnlyList<FileSystemWatcher> Watchers { get; init; }
}

internal sealed record FileSystemWatcher
{
    public required string GlobPattern { get; init; }
}
