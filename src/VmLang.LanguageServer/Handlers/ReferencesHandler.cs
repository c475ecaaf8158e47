using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;

namespace VmLang.LanguageServer.Handlers;

/// <summary><c>textDocument/references</c>: every place in the workspace that names the symbol under the caret.</summary>
internal sealed class ReferencesHandler(ServerWorkspace workspace)
{
    public void Register(LanguageServerConnection connection) =>
        connection.OnDocumentRequest<ReferenceParams, IReadOnlyList<Location>>(workspace, LspMethods.TextDocumentReferences, References);

    private IReadOnlyList<Location>? References(ReferenceParams request, DocumentContext document, CancellationToken cancellationToken)
    {
        if (document.Model.GetSymbolAt(document.OffsetOf(request.Position)) is not { } symbol) return null;
        cancellationToken.ThrowIfCancellationRequested();
        return
        [
            .. document.Model.FindOccurrences(symbol)
                .Where(o => request.Context.IncludeDeclaration || !o.IsDeclaration)
                .OrderBy(o => o.SyntaxTree.FilePath, StringComparer.Ordinal).ThenBy(o => o.Span.Start)
                .Select(o => new Location { Uri = document.UriOf(o.SyntaxTree), Range = LspConversions.ToRange(o.SyntaxTree.Text, o.Span) })
                .TakeWhile(_ => !cancellationToken.IsCancellationRequested),
        ];
    }
}
