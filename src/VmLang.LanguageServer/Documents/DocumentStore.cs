using System.Collections.Concurrent;
using VmLang.LanguageServer.Protocol;

namespace VmLang.LanguageServer.Documents;

/// <summary>
/// The documents the client has open, keyed by the exact URI the client uses. Feed it the
/// <c>textDocument/didOpen</c>, <c>didChange</c> and <c>didClose</c> notifications; read snapshots from any thread.
/// </summary>
internal sealed class DocumentStore
{
    private readonly ConcurrentDictionary<string, TextDocument> _documents = new(StringComparer.Ordinal);

    // Serializes updates so that two changes to one document cannot both start from the same snapshot.
    private readonly Lock _updateLock = new();

    public IReadOnlyCollection<TextDocument> OpenDocuments => [.. _documents.Values];

    public TextDocument? Get(string uri) => _documents.GetValueOrDefault(uri);

    public TextDocument Open(DidOpenTextDocumentParams opened)
    {
        TextDocumentItem item = opened.TextDocument;
        var document = new TextDocument(item.Uri, item.Version, item.Text);
        lock (_updateLock)
        {
            _documents[item.Uri] = document;
        }

        return document;
    }

    /// <summary>Returns the updated snapshot, or null if the document is not open.</summary>
    public TextDocument? Change(DidChangeTextDocumentParams changed)
    {
        lock (_updateLock)
        {
            if (!_documents.TryGetValue(changed.TextDocument.Uri, out TextDocument? current))
            {
                return null;
            }

            TextDocument updated = current.WithChanges(changed.ContentChanges, changed.TextDocument.Version);
            _documents[updated.Uri] = updated;
            return updated;
        }
    }

    /// <summary>Returns false if the document was not open.</summary>
    public bool Close(DidCloseTextDocumentParams closed)
    {
        lock (_updateLock)
        {
            return _documents.TryRemove(closed.TextDocument.Uri, out _);
        }
    }
}
