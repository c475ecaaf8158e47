using VmLang.LanguageServer.Protocol;
using VmLang.Text;

namespace VmLang.LanguageServer.Documents;

/// <summary>
/// An immutable snapshot of an open document. Handlers take a snapshot and work on it while later
/// edits produce new snapshots, so a running request never sees the text change underneath it.
/// </summary>
/// <remarks>
/// Edits are placed with the compiler's own line map (<see cref="SourceText"/>): the positions a client
/// sends are read by the same rule (UTF-16 columns, LF/CRLF/CR line breaks, a leading BOM skipped) as the
/// positions the server sends back, so an edit lands where the client meant it.
/// </remarks>
internal sealed class TextDocument
{
    public TextDocument(string uri, int version, SourceText text)
    {
        Uri = uri;
        Version = version;
        Text = text;
    }

    public TextDocument(string uri, int version, string text)
        : this(uri, version, new SourceText(text))
    {
    }

    public string Uri { get; }

    public int Version { get; }

    public SourceText Text { get; }

    /// <summary>
    /// Applies LSP content changes in order, each to the result of the previous one: a change with a
    /// range replaces that range (positions are clamped into the text), one without replaces everything.
    /// </summary>
    public TextDocument WithChanges(IEnumerable<TextDocumentContentChangeEvent> changes, int version)
    {
        SourceText text = Text;
        foreach (TextDocumentContentChangeEvent change in changes)
        {
            if (change.Range is Range range)
            {
                int start = text.GetOffset(new LinePosition(range.Start.Line, range.Start.Character));
                int end = text.GetOffset(new LinePosition(range.End.Line, range.End.Character));

                // A reversed range is a client bug; read it as the span between its ends rather than fail the edit.
                (start, end) = (Math.Min(start, end), Math.Max(start, end));
                text = new SourceText(string.Concat(text.Text.AsSpan(0, start), change.Text, text.Text.AsSpan(end)));
            }
            else
            {
                text = new SourceText(change.Text);
            }
        }

        return new TextDocument(Uri, version, text);
    }
}
