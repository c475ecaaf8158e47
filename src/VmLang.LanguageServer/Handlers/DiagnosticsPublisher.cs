using System.Text.Json;
using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;
using CoreDiagnostic = VmLang.Diagnostics.Diagnostic;
using LspDiagnostic = VmLang.LanguageServer.Protocol.Diagnostic;

namespace VmLang.LanguageServer.Handlers;

/// <summary>
/// Publishes the workspace's diagnostics: after a change, the compilation's diagnostics are grouped
/// by file and <c>textDocument/publishDiagnostics</c> is sent for every file whose list differs from
/// what the client last got (an empty list clears a file), and always for the edited documents so
/// their diagnostics carry the current version.
/// </summary>
/// <remarks>
/// Timing: the first change after a quiet spell is compiled at once, so a single keystroke or an
/// opened file shows its diagnostics without delay; changes that come within <c>delay</c> of the
/// previous one (fast typing, a paste of many edits) are coalesced and compiled once the burst has
/// been quiet for <c>delay</c>. Publishing runs one at a time, always on the newest state.
/// </remarks>
internal sealed class DiagnosticsPublisher : IDisposable
{
    private const string DebounceKey = "workspace";

    private readonly LanguageServerConnection _connection;
    private readonly ServerWorkspace _workspace;
    private readonly TimeProvider _time;
    private readonly TimeSpan _delay;
    private readonly TextWriter _log;
    private readonly Debouncer<string> _debouncer;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _publishedJson = new(StringComparer.Ordinal);
    private readonly HashSet<string> _editedKeys = new(StringComparer.Ordinal);
    private long _lastChange;

    public DiagnosticsPublisher(LanguageServerConnection connection, ServerWorkspace workspace, TimeProvider time, TimeSpan delay, TextWriter log)
    {
        _connection = connection;
        _workspace = workspace;
        _time = time;
        _delay = delay;
        _log = log;
        _debouncer = new Debouncer<string>(delay, time, log);
        _lastChange = time.GetTimestamp() - (long)(delay.TotalSeconds * time.TimestampFrequency) - 1;
    }

    /// <summary>Publishes after a change to <paramref name="editedKey"/> (or to the workspace as a whole when null).</summary>
    /// <param name="immediately">Skip the debounce: an opened or closed file, a file changed on disk.</param>
    public void OnChanged(string? editedKey, bool immediately = false)
    {
        bool quiet;
        lock (_lock)
        {
            if (editedKey is not null) _editedKeys.Add(editedKey);
            var now = _time.GetTimestamp();
            quiet = immediately || _time.GetElapsedTime(_lastChange, now) >= _delay;
            _lastChange = now;
        }
        if (quiet)
        {
            _debouncer.Cancel(DebounceKey);
            _ = PublishNowAsync();
        }
        else
        {
            _debouncer.Schedule(DebounceKey, PublishAsync);
        }
    }

    /// <summary>Publishes without waiting, e.g. after the workspace is loaded.</summary>
    public Task PublishNowAsync() => Task.Run(async () =>
    {
        try
        {
            await PublishAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            _log.WriteLine($"[vmlang] publishing diagnostics failed: {error}");
        }
    });

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            string[] edited;
            lock (_lock)
            {
                edited = [.. _editedKeys];
                _editedKeys.Clear();
            }
            var snapshot = _workspace.Current;
            var byKey = Group(snapshot);
            var keys = byKey.Keys.Concat(edited).Select(_workspace.UriOf).Concat(_publishedJson.Keys).ToHashSet(StringComparer.Ordinal);
            var editedUris = edited.Select(_workspace.UriOf).ToHashSet(StringComparer.Ordinal);
            foreach (var uri in keys.Order(StringComparer.Ordinal))
            {
                var key = _workspace.KeyOf(uri);
                var diagnostics = byKey.TryGetValue(key, out var list) ? list : [];
                var json = JsonSerializer.Serialize(diagnostics, LspJsonContext.Default.IReadOnlyListDiagnostic);
                var unchanged = _publishedJson.TryGetValue(uri, out var previous) ? previous == json : diagnostics.Count == 0;
                if (unchanged && !editedUris.Contains(uri)) continue;

                if (diagnostics.Count == 0) _publishedJson.Remove(uri);
                else _publishedJson[uri] = json;
                await _connection.PublishDiagnosticsAsync(new PublishDiagnosticsParams
                {
                    Uri = uri,
                    Version = snapshot.Versions.TryGetValue(key, out var version) ? version : null,
                    Diagnostics = diagnostics,
                }).ConfigureAwait(false);
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private static Dictionary<string, IReadOnlyList<LspDiagnostic>> Group(WorkspaceSnapshot snapshot)
    {
        var compilation = snapshot.Compilation;
        var templatesByFile = compilation.Templates.ToLookup(t => t.SyntaxTree.FilePath, StringComparer.Ordinal);
        return compilation.GetDiagnostics()
            .GroupBy(d => d.Location.FilePath, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<LspDiagnostic>)[.. g.Select(d => LspConversions.ToLsp(d, DataOf(d, templatesByFile[g.Key])))],
                StringComparer.Ordinal);
    }

    /// <summary>What code actions need and cannot recompute from a range alone: the template the diagnostic is in.</summary>
    private static JsonElement? DataOf(CoreDiagnostic diagnostic, IEnumerable<Binding.TemplateSymbol> templates)
    {
        var template = templates.FirstOrDefault(t => t.Syntax.FullSpan.Contains(diagnostic.Location.Span.Start));
        return template is null
            ? null
            : JsonSerializer.SerializeToElement(new DiagnosticData { Template = template.Name }, LspJsonContext.Default.DiagnosticData);
    }

    public void Dispose()
    {
        _debouncer.Dispose();
        _oneAtATime.Dispose();
    }
}

/// <summary>The <c>data</c> of a published diagnostic.</summary>
internal sealed record DiagnosticData
{
    /// <summary>The template the diagnostic is in, for "Allow … in template" actions.</summary>
    public string? Template { get; init; }
}
