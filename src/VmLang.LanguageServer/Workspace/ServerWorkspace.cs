using VmLang.Configuration;
using VmLang.LanguageServer.Documents;
using VmLang.LanguageServer.Protocol;
using VmLang.Syntax;
using VmLang.Text;
using VmLang.Workspace;

namespace VmLang.LanguageServer.Workspace;

/// <summary>
/// The server's view of the workspace: every <c>.vml</c> file and the <c>vmlang.json</c> under the
/// client's folders, with the editor's text in place of the disk's for open documents. Each change
/// replaces one tree (or the configuration) of an immutable <see cref="Compilation"/>; features read
/// <see cref="Current"/> and so always see one consistent state.
/// </summary>
/// <remarks>
/// Files are keyed by local path, as the compiler names them; a document with no local path
/// (<c>untitled:</c>) is keyed by its URI. The URI a client used for an open document is remembered,
/// so that everything sent back about it uses exactly that URI.
/// </remarks>
internal sealed class ServerWorkspace
{
    private readonly Lock _lock = new();
    private readonly DocumentStore _documents = new();
    private readonly Dictionary<string, string> _openUriByKey = new(StringComparer.Ordinal);
    private readonly TextWriter _log;
    private WorkspaceSnapshot _current = new(Compilation.Create([]), [], new Dictionary<string, int>());

    public ServerWorkspace(TextWriter log) => _log = log;

    public WorkspaceSnapshot Current
    {
        get
        {
            lock (_lock) return _current;
        }
    }

    /// <summary>The workspace folders; the first one holds the <c>vmlang.json</c> that applies.</summary>
    public IReadOnlyList<string> Roots => Current.Roots;

    /// <summary>Where the workspace's <c>vmlang.json</c> is or would be, if there is a folder.</summary>
    public string? ConfigurationPath => Roots.Count > 0 ? Path.Combine(Roots[0], WorkspaceConfiguration.FileName) : null;

    /// <summary>Reads every <c>.vml</c> file under <paramref name="roots"/> and the first root's <c>vmlang.json</c>.</summary>
    public void Load(IReadOnlyList<string> roots)
    {
        var existing = roots.Where(Directory.Exists).ToList();
        var trees = new List<SyntaxTree>();
        foreach (var root in existing)
        {
            IReadOnlyList<string> files;
            try
            {
                files = WorkspaceLoader.FindSourceFiles([root]);
            }
            catch (WorkspaceLoadException error)
            {
                _log.WriteLine($"[vmlang] {error.Message}");
                continue;
            }
            foreach (var file in files)
            {
                if (TryRead(file) is { } text) trees.Add(SyntaxTree.Parse(text, file));
            }
        }
        var configuration = existing.Count > 0 ? ReadConfiguration(Path.Combine(existing[0], WorkspaceConfiguration.FileName)) : WorkspaceConfiguration.Default;
        lock (_lock)
        {
            var compilation = Compilation.Create(trees, configuration);
            // Documents opened before the folder was read keep the editor's text.
            foreach (var document in _documents.OpenDocuments) compilation = WithDocument(compilation, document);
            _current = _current with { Compilation = compilation, Roots = existing };
        }
        _log.WriteLine($"[vmlang] loaded {trees.Count} file(s) from {string.Join(", ", existing)}");
    }

    /// <summary>The local folders among <paramref name="uris"/>, as full paths; other schemes are not folders the server can read.</summary>
    public static IReadOnlyList<string> LocalFolders(IEnumerable<string> uris) =>
        [.. uris.Select(uri => DocumentUri.TryGetLocalPath(uri, out var path) ? Path.GetFullPath(path) : null).OfType<string>()];

    /// <summary>
    /// The client added or removed workspace folders: the workspace is read again from the new set.
    /// The first folder still holds the <c>vmlang.json</c> that applies; open documents keep the editor's text.
    /// </summary>
    public void ChangeFolders(IEnumerable<string> addedUris, IEnumerable<string> removedUris)
    {
        var removed = LocalFolders(removedUris);
        var roots = Roots.Where(root => !removed.Contains(root, StringComparer.Ordinal))
            .Concat(LocalFolders(addedUris))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Load(roots);
    }

    public string KeyOf(string uri) => DocumentUri.TryGetLocalPath(uri, out var path) ? Path.GetFullPath(path) : uri;

    /// <summary>The URI to use for a file: the client's own for an open document, else the file's.</summary>
    public string UriOf(string key)
    {
        lock (_lock)
        {
            if (_openUriByKey.TryGetValue(key, out var uri)) return uri;
        }
        return Path.IsPathRooted(key) ? DocumentUri.FromLocalPath(key) : key;
    }

    /// <summary>A file's current text: the editor's if it is open, else the disk's; null if it has none.</summary>
    public SourceText? ReadText(string key)
    {
        lock (_lock)
        {
            if (_openUriByKey.TryGetValue(key, out var uri) && _documents.Get(uri) is { } document) return document.Text;
        }
        return Path.IsPathRooted(key) && File.Exists(key) ? TryRead(key) : null;
    }

    public bool IsOpen(string key)
    {
        lock (_lock) return _openUriByKey.ContainsKey(key);
    }

    public void Open(DidOpenTextDocumentParams opened)
    {
        lock (_lock)
        {
            var document = _documents.Open(opened);
            _openUriByKey[KeyOf(document.Uri)] = document.Uri;
            Apply(WithDocument(_current.Compilation, document), document);
        }
    }

    /// <summary>Returns false when the document is not open (a client bug; the change is dropped).</summary>
    public bool Change(DidChangeTextDocumentParams changed)
    {
        lock (_lock)
        {
            if (_documents.Change(changed) is not { } document) return false;
            Apply(WithDocument(_current.Compilation, document), document);
            return true;
        }
    }

    /// <summary>A closed document goes back to its text on disk, or leaves the workspace if it has none.</summary>
    public void Close(DidCloseTextDocumentParams closed)
    {
        var key = KeyOf(closed.TextDocument.Uri);
        var onDisk = Path.IsPathRooted(key) && File.Exists(key) ? TryRead(key) : null;
        lock (_lock)
        {
            if (!_documents.Close(closed)) return;
            _openUriByKey.Remove(key);
            var versions = new Dictionary<string, int>(_current.Versions);
            versions.Remove(key);
            Compilation compilation;
            if (IsConfiguration(key))
            {
                compilation = _current.Compilation.WithConfiguration(onDisk is null ? WorkspaceConfiguration.Default : ConfigurationParser.Parse(onDisk, key));
            }
            else
            {
                compilation = onDisk is not null && IsUnderRoots(key)
                    ? _current.Compilation.WithText(key, onDisk)
                    : _current.Compilation.RemoveSyntaxTree(key);
            }
            _current = _current with { Compilation = compilation, Versions = versions };
        }
    }

    /// <summary>
    /// A file changed on disk (<c>workspace/didChangeWatchedFiles</c>). Open documents are left alone:
    /// the editor's text wins until the document is closed. Returns true if the workspace changed.
    /// </summary>
    public bool ReloadFromDisk(string key, bool deleted)
    {
        if (IsOpen(key)) return false;
        if (IsConfiguration(key))
        {
            var configuration = deleted ? WorkspaceConfiguration.Default : ReadConfiguration(key);
            lock (_lock) _current = _current with { Compilation = _current.Compilation.WithConfiguration(configuration) };
            return true;
        }
        if (!key.EndsWith(WorkspaceLoader.SourceExtension, StringComparison.Ordinal)) return false;
        var text = deleted || !File.Exists(key) ? null : TryRead(key);
        lock (_lock)
        {
            var compilation = _current.Compilation;
            _current = _current with
            {
                Compilation = text is null ? compilation.RemoveSyntaxTree(key) : compilation.WithText(key, text),
            };
        }
        return true;
    }

    /// <summary>Reads <c>vmlang.json</c> again, e.g. after <c>workspace/didChangeConfiguration</c>.</summary>
    public void ReloadConfiguration()
    {
        if (ConfigurationPath is { } path) ReloadFromDisk(path, deleted: !File.Exists(path));
    }

    public bool IsConfiguration(string key) =>
        ConfigurationPath is { } path && string.Equals(key, path, StringComparison.Ordinal);

    private bool IsUnderRoots(string path) =>
        _current.Roots.Any(root => !Path.GetRelativePath(root, path).StartsWith("..", StringComparison.Ordinal));

    private Compilation WithDocument(Compilation compilation, TextDocument document)
    {
        var key = KeyOf(document.Uri);
        if (IsConfiguration(key)) return compilation.WithConfiguration(ConfigurationParser.Parse(document.Text, key));
        return compilation.WithText(key, document.Text);
    }

    private void Apply(Compilation compilation, TextDocument document)
    {
        var versions = new Dictionary<string, int>(_current.Versions) { [KeyOf(document.Uri)] = document.Version };
        _current = _current with { Compilation = compilation, Versions = versions };
    }

    private WorkspaceConfiguration ReadConfiguration(string path) =>
        File.Exists(path) && TryRead(path) is { } text ? ConfigurationParser.Parse(text, path) : WorkspaceConfiguration.Default;

    private SourceText? TryRead(string path)
    {
        try
        {
            return WorkspaceLoader.ReadSource(path);
        }
        catch (WorkspaceLoadException error)
        {
            _log.WriteLine($"[vmlang] {error.Message}");
            return null;
        }
    }
}

/// <summary>One consistent state of the workspace: its compilation, folders, and the versions of open documents.</summary>
internal sealed record WorkspaceSnapshot(Compilation Compilation, IReadOnlyList<string> Roots, IReadOnlyDictionary<string, int> Versions);
