using VmLang.LanguageServer.Documents;
using VmLang.LanguageServer.Protocol;
using Range = VmLang.LanguageServer.Protocol.Range;

namespace VmLang.Tests.LanguageServer.Documents;

public sealed class DocumentStoreTests
{
    private const string Uri = "file:///tmp/a%20b/x.vml";

    [Fact]
    public void Open_change_close_tracks_snapshots()
    {
        var store = new DocumentStore();

        TextDocument opened = store.Open(new DidOpenTextDocumentParams
        {
            TextDocument = new TextDocumentItem { Uri = Uri, LanguageId = "vmlang", Version = 1, Text = "say hi" },
        });
        TextDocument? changed = store.Change(new DidChangeTextDocumentParams
        {
            TextDocument = new VersionedTextDocumentIdentifier { Uri = Uri, Version = 2 },
            ContentChanges = [new TextDocumentContentChangeEvent { Range = new Range(new Position(0, 4), new Position(0, 6)), Text = "hello" }],
        });

        Assert.Equal("say hi", opened.Text.Text);
        Assert.Equal("say hello", changed?.Text.Text);
        Assert.Same(changed, store.Get(Uri));
        Assert.Equal([changed!], store.OpenDocuments);

        Assert.True(store.Close(new DidCloseTextDocumentParams { TextDocument = new TextDocumentIdentifier { Uri = Uri } }));
        Assert.Null(store.Get(Uri));
        Assert.False(store.Close(new DidCloseTextDocumentParams { TextDocument = new TextDocumentIdentifier { Uri = Uri } }));
    }

    [Fact]
    public void Change_to_a_document_that_is_not_open_returns_null()
    {
        var store = new DocumentStore();

        Assert.Null(store.Change(new DidChangeTextDocumentParams
        {
            TextDocument = new VersionedTextDocumentIdentifier { Uri = Uri, Version = 2 },
            ContentChanges = [new TextDocumentContentChangeEvent { Text = "x" }],
        }));
    }

    [Fact]
    public void Uris_are_keyed_exactly()
    {
        var store = new DocumentStore();
        store.Open(new DidOpenTextDocumentParams { TextDocument = new TextDocumentItem { Uri = Uri, LanguageId = "vmlang", Version = 1, Text = "" } });

        Assert.Null(store.Get(Uri.ToUpperInvariant()));
    }
}
