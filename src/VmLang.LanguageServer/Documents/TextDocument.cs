using VmLang.LanguageServer.Protocol;

namespace VmLang.LanguageServer.Documents;

/// <summary>
/// An immutable snapshot of an open document. Handlers take a snapshot and work on it while later
/// edits produce new snapshots, so a running request never sees the text change underneath it.
/// </summary>
internal sealed class TextDocument
{
    private LineIndex? lines;

    public TextDocument(string uri, int version, string text)
    {
        Uri = uri;
        Version = version;
        Text = text;
    }

    public string Uri { get; }

    public int Version { get; }

    public string Text { get; }

    /// <summary>Built on first use; building it twice on a race is harmless since both are equal.</summary>
    public LineIndex Lines => lines ??= new LineIndex(Text);

    /// <summary>
    /// Applies LSP content changes in order, each to the result of the previous one: a change with a
    /// range replaces that range (positions are clamped into the text), one without replaces everything.
    /// </summary>
    public TextDocument WithChanges(IEnumerable<TextDocumentContentChangeEvent> changes, int version)
    {
        string text = Text;
        LineIndex? index = lines;
        foreach (TextDocumentContentChangeEvent change in changes)
        {
            if (change.Range is Range range)
            {
                index ??= new LineIndex(text);
                int start = index.GetOffset(range.Start);
                int end = index.GetOffset(range.End);

                // A reversed range is a client bug; read it as the span between its ends rather than fail the edit.
                (start, end) = (Math.Min(start, end), Math.Max(start, end));
                text = string.Concat(text.AsSpan(0, start), change.Text, text.AsSpan(end));
            }
            else
            {
                text = change.Text;
            }

            index = null;
        }

        return new TextDocument(Uri, version, text);
    }
}
