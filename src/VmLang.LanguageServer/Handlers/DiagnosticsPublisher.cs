using System.Text.Json;
using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;
using LspDiagnostic = VmLang.LanguageServer.Protocol.Diagnostic;

namespace VmLang.LanguageServer.Handlers;

/// <summary>
/// Publishes the workspace's diagnostics: after a change, the compilation's diagnostics are grouped
/// by file and <c>textDocument/publishDiagnostics</c> is sent for every file whose list differs from
/// what the client last got (an empty list clears a file), and always for the edited documents so
/// their diagnostics carry the current version.
/// </summary>
/// <remarks>
/// Timing: a change is compiled and published at once when nothing is being published; changes that
/// come while a publish runs (fast typing, a paste of many edits) wait for it and are then compiled
/// together, once, on the newest state. So no change waits for a timer, at most one compile runs at a
/// time, and the server is never more than one compile behind the editor. A compile runs on the thread
/// that read the change, and reading goes on elsewhere (<see cref="LanguageServerConnection.TryRunAfterDispatch"/>).
/// </remarks>
internal sealed class DiagnosticsPublisher : IDisposable
{
    // A pause this long between keystrokes is time the user is not waiting on; 16 MB is a few
    // keystrokes' garbage on a big file, and a fraction of the runtime's young-generation budget.
    private static readonly TimeSpan IdleCollectionQuiet = TimeSpan.FromMilliseconds(30);
    private const long IdleCollectionThreshold = 16L * 1024 * 1024;

    private readonly LanguageServerConnection _connection;
    private readonly ServerWorkspace _workspace;
    private readonly TextWriter _log;
    private readonly IdleCollector _idleCollector;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, PublishedList> _published = new(StringComparer.Ordinal);
    private readonly HashSet<string> _editedKeys = new(StringComparer.Ordinal);
    // The `data` of diagnostics by template name, kept from one publish to the next (publishes run one at a time).
    private readonly Dictionary<string, JsonElement> _dataByTemplateName = new(StringComparer.Ordinal);
    private const int MaxRememberedTemplateNames = 100_000;
    private bool _isRunning;
    private bool _changedWhileRunning;

    public DiagnosticsPublisher(LanguageServerConnection connection, ServerWorkspace workspace, TimeProvider time, TextWriter log)
    {
        _connection = connection;
        _workspace = workspace;
        _log = log;
        _idleCollector = new IdleCollector(IdleCollectionQuiet, IdleCollectionThreshold, time, log);
    }

    /// <summary>Publishes after a change to <paramref name="editedKey"/> (or to the workspace as a whole when null).</summary>
    public void OnChanged(string? editedKey)
    {
        lock (_lock)
        {
            // Under the lock, as is the idle collector's start below: a collection scheduled as a
            // publish ends is always cancelled by an edit that comes after it.
            _idleCollector.OnEdit();
            if (editedKey is not null) _editedKeys.Add(editedKey);
            if (_isRunning)
            {
                _changedWhileRunning = true;
                return;
            }
            _isRunning = true;
            // On the thread that read the change when it is the dispatch loop's: it is running already.
            if (!_connection.TryRunAfterDispatch(() => _ = PublishUntilCurrentAsync())) _ = Task.Run(PublishUntilCurrentAsync);
        }
    }

    /// <summary>Publishes, and again for as long as changes came in while it did.</summary>
    private async Task PublishUntilCurrentAsync()
    {
        while (true)
        {
            try
            {
                await PublishAsync().ConfigureAwait(false);
            }
            catch (Exception error)
            {
                _log.WriteLine($"[vmlang] publishing diagnostics failed: {error}");
            }
            lock (_lock)
            {
                if (!_changedWhileRunning)
                {
                    _isRunning = false;
                    _idleCollector.OnWorkDone();
                    return;
                }
                _changedWhileRunning = false;
            }
        }
    }

    private async Task PublishAsync()
    {
        string[] edited;
        lock (_lock)
        {
            edited = [.. _editedKeys];
            _editedKeys.Clear();
        }
        var snapshot = _workspace.Current;
        var compilation = snapshot.Compilation;
        var traced = LatencyTrace.IsOn && edited.Length == 1 && snapshot.Versions.TryGetValue(edited[0], out var tracedVersion) ? tracedVersion : -1;
        LatencyTrace.Mark(traced, "start");
        _ = compilation.Templates;
        LatencyTrace.Mark(traced, "bound");
        var byKey = GroupByFile(compilation);
        LatencyTrace.Mark(traced, "rules");
        var keys = byKey.Keys.Concat(edited).Select(_workspace.UriOf).Concat(_published.Keys).ToHashSet(StringComparer.Ordinal);
        var editedUris = edited.Select(_workspace.UriOf).ToHashSet(StringComparer.Ordinal);
        // Template names are few and mostly the same from one keystroke to the next.
        if (_dataByTemplateName.Count > MaxRememberedTemplateNames) _dataByTemplateName.Clear();
        foreach (var uri in keys.Order(StringComparer.Ordinal))
        {
            var key = _workspace.KeyOf(uri);
            var found = byKey.TryGetValue(key, out var list) ? list : [];
            var isEdited = editedUris.Contains(uri);
            _published.TryGetValue(uri, out var previous);
            // An edited file is always published (its version moved); others only when their list changed. An
            // unchanged file's compiler diagnostics are equal to last time's (mostly the same objects), so most
            // files are passed over without being converted.
            if (!isEdited && (previous is null ? found.Count == 0 : previous.Source.SequenceEqual(found))) continue;
            var current = new PublishedList(found, [.. found.Select(d => LspConversions.ToLsp(d, DataOf(compilation.GetTemplateAt(d.Location), _dataByTemplateName)))]);
            if (!isEdited && previous is not null && previous.Json == current.Json)
            {
                _published[uri] = current;
                continue;
            }

            if (current.Diagnostics.Count == 0) _published.Remove(uri);
            else _published[uri] = current;
            await _connection.PublishDiagnosticsAsync(new PublishDiagnosticsParams
            {
                Uri = uri,
                Version = snapshot.Versions.TryGetValue(key, out var version) ? version : null,
                Diagnostics = current.Diagnostics,
            }).ConfigureAwait(false);
            if (isEdited) LatencyTrace.Mark(traced, "sent");
        }
        LatencyTrace.Flush(traced);
    }

    private static Dictionary<string, List<Diagnostics.Diagnostic>> GroupByFile(Compilation compilation)
    {
        var byKey = new Dictionary<string, List<Diagnostics.Diagnostic>>(StringComparer.Ordinal);
        foreach (var diagnostic in compilation.GetDiagnostics())
        {
            if (!byKey.TryGetValue(diagnostic.Location.FilePath, out var list)) byKey[diagnostic.Location.FilePath] = list = [];
            list.Add(diagnostic);
        }
        return byKey;
    }

    /// <summary>What code actions need and cannot recompute from a range alone: the template the diagnostic is in.</summary>
    private static JsonElement? DataOf(Binding.TemplateSymbol? template, Dictionary<string, JsonElement> known)
    {
        if (template is null) return null;
        if (!known.TryGetValue(template.Name, out var data))
        {
            known[template.Name] = data = JsonSerializer.SerializeToElement(new DiagnosticData { Template = template.Name }, LspJsonContext.Default.DiagnosticData);
        }
        return data;
    }

    /// <summary>A file's diagnostics as last sent, and the compiler's they came from; the JSON to compare with is made only when a comparison needs it.</summary>
    private sealed class PublishedList(IReadOnlyList<Diagnostics.Diagnostic> source, IReadOnlyList<LspDiagnostic> diagnostics)
    {
        private string? _json;

        public IReadOnlyList<Diagnostics.Diagnostic> Source { get; } = source;

        public IReadOnlyList<LspDiagnostic> Diagnostics { get; } = diagnostics;

        public string Json => _json ??= JsonSerializer.Serialize(Diagnostics, LspJsonContext.Default.IReadOnlyListDiagnostic);
    }

    public void Dispose() => _idleCollector.Dispose();
}

/// <summary>The <c>data</c> of a published diagnostic.</summary>
internal sealed record DiagnosticData
{
    /// <summary>The template the diagnostic is in, for "Allow … in template" actions.</summary>
    public string? Template { get; init; }
}
