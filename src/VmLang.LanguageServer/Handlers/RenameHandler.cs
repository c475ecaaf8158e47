using VmLang.Binding;
using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;
using VmLang.Syntax;

namespace VmLang.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/prepareRename</c> and <c>textDocument/rename</c> for slots, templates, rulesets and
/// sequences: every occurrence in the workspace is renamed. A new name that is not an identifier, is
/// a keyword, or is already taken is refused with an error the editor shows.
/// </summary>
internal sealed class RenameHandler(ServerWorkspace workspace)
{
    public void Register(LanguageServerConnection connection)
    {
        connection.OnDocumentRequest<TextDocumentPositionParams, PrepareRenameResult>(workspace, LspMethods.TextDocumentPrepareRename, Prepare);
        connection.OnDocumentRequest<RenameParams, WorkspaceEdit>(workspace, LspMethods.TextDocumentRename, Rename);
    }

    private PrepareRenameResult? Prepare(TextDocumentPositionParams request, DocumentContext document, CancellationToken cancellationToken)
    {
        if (document.Model.GetOccurrenceAt(document.OffsetOf(request.Position)) is not { } occurrence) return null;
        cancellationToken.ThrowIfCancellationRequested();
        return new PrepareRenameResult { Range = document.RangeOf(occurrence.Span), Placeholder = occurrence.Symbol.Name };
    }

    private WorkspaceEdit? Rename(RenameParams request, DocumentContext document, CancellationToken cancellationToken)
    {
        if (document.Model.GetSymbolAt(document.OffsetOf(request.Position)) is not { } symbol) return null;
        var newName = request.NewName;
        if (!SyntaxFacts.IsIdentifier(newName))
        {
            var reason = SyntaxFacts.GetKeywordKind(newName) != SyntaxKind.IdentifierToken
                ? $"'{newName}' is a keyword"
                : $"'{newName}' is not a name (letters, digits and '_', not starting with a digit)";
            throw new ResponseErrorException(JsonRpcErrorCodes.RequestFailed, $"Cannot rename {symbol}: {reason}.");
        }
        if (newName != symbol.Name && Conflict(symbol, newName, document.Compilation) is { } conflict)
        {
            throw new ResponseErrorException(JsonRpcErrorCodes.RequestFailed, $"Cannot rename {symbol} to '{newName}': {conflict} already has that name.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var occurrences = document.Model.FindOccurrences(symbol);
        cancellationToken.ThrowIfCancellationRequested();
        var changes = occurrences
            .GroupBy(o => o.SyntaxTree)
            .ToDictionary(
                g => document.UriOf(g.Key),
                g => (IReadOnlyList<TextEdit>)[.. g.OrderBy(o => o.Span.Start).Select(o => new TextEdit { Range = LspConversions.ToRange(g.Key.Text, o.Span), NewText = newName })],
                StringComparer.Ordinal);
        return new WorkspaceEdit { Changes = changes };
    }

    /// <summary>What already has <paramref name="newName"/> where the symbol lives: a slot of the same template, or any global.</summary>
    private static Symbol? Conflict(Symbol symbol, string newName, Compilation compilation) => symbol switch
    {
        SlotSymbol slot => slot.Template.FindSlot(newName),
        _ => compilation.GetGlobal(newName),
    };
}
