using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;

namespace VmLang.LanguageServer.Handlers;

/// <summary><c>textDocument/definition</c>: from a slot in a hole, a ruleset after <c>use</c> or a template in a sequence, to its declaration.</summary>
internal sealed class DefinitionHandler(ServerWorkspace workspace)
{
    public void Register(LanguageServerConnection connection) =>
        connection.OnDocumentRequest<TextDocumentPositionParams, Location>(workspace, LspMethods.TextDocumentDefinition, Definition);

    private Location? Definition(TextDocumentPositionParams request, DocumentContext document, CancellationToken cancellationToken)
    {
        if (document.Model.GetSymbolAt(document.OffsetOf(request.Position)) is not { } symbol) return null;
        cancellationToken.ThrowIfCancellationRequested();
        return new Location
        {
            Uri = document.UriOf(symbol.SyntaxTree),
            Range = LspConversions.ToRange(symbol.SyntaxTree.Text, symbol.NameToken.Span),
        };
    }
}
