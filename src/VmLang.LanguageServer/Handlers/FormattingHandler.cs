using VmLang.Formatting;
using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;
using VmLang.Text;

namespace VmLang.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/formatting</c> with the formatter of <c>vmlang fmt</c>: one edit replacing the whole
/// document, or none when it is formatted already or has syntax errors. The layout is the language's,
/// so the client's tab size is not used.
/// </summary>
internal sealed class FormattingHandler(ServerWorkspace workspace)
{
    public void Register(LanguageServerConnection connection) =>
        connection.OnDocumentRequest<DocumentFormattingParams, IReadOnlyList<TextEdit>>(workspace, LspMethods.TextDocumentFormatting, Format);

    private IReadOnlyList<TextEdit>? Format(DocumentFormattingParams request, DocumentContext document, CancellationToken cancellationToken)
    {
        var formatted = Formatter.Format(document.Tree);
        cancellationToken.ThrowIfCancellationRequested();
        if (formatted == document.Text.Text) return [];
        // Positions skip a BOM, so the replacement must not repeat it.
        if (document.Text.HasByteOrderMark) formatted = formatted.TrimStart('\uFEFF');
        return [new TextEdit { Range = document.RangeOf(new TextSpan(0, document.Text.Length)), NewText = formatted }];
    }
}
