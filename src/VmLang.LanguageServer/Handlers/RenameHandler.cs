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
        connection.OnRequest<TextDocumentPositionParams, PrepareRenameResult?>(LspMethods.TextDocumentPrepareRename, (request, _) => Task.FromResult(Prepare(request)));
        connection.OnRequest<RenameParams, WorkspaceEdit?>(LspMethods.TextDocumentRename, (request, _) => Task.FromResult(Rename(request)));
    }

    private PrepareRenameResult? Prepare(TextDocumentPositionParams request)
    {
        if (DocumentContext.Find(workspace, request.TextDocument.Uri) is not { } document) return null;
        if (document.Model.GetOccurrenceAt(document.OffsetOf(request.Position)) is not { } occurrence) return null;
        return new PrepareRenameResult { Range = document.RangeOf(occurrence.Span), Placeholder = occurrence.Symbol.Name };
    }

    private WorkspaceEdit? Rename(RenameParams request)
    {
        if (DocumentContext.Find(workspace, request.TextDocument.Uri) is not { } document) return null;
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

        var changes = document.Model.FindOccurrences(symbol)
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
