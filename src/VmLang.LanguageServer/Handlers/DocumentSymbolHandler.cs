using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;
using VmLang.Syntax;

namespace VmLang.LanguageServer.Handlers;

/// <summary><c>textDocument/documentSymbol</c>: the outline, declarations with their slots (or a sequence's days).</summary>
internal sealed class DocumentSymbolHandler(ServerWorkspace workspace)
{
    public void Register(LanguageServerConnection connection) =>
        connection.OnDocumentRequest<DocumentSymbolParams, IReadOnlyList<DocumentSymbol>>(workspace, LspMethods.TextDocumentDocumentSymbol, Symbols);

    private IReadOnlyList<DocumentSymbol>? Symbols(DocumentSymbolParams request, DocumentContext document, CancellationToken cancellationToken)
    {
        return
        [
            .. document.Tree.Root.Declarations.Select(d =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return Declaration(document, d);
            }),
        ];
    }

    private static DocumentSymbol Declaration(DocumentContext document, DeclarationSyntax declaration) => declaration switch
    {
        TemplateDeclarationSyntax template => Symbol(document, template, template.Name, SymbolKind.Class, template.Channel.Text,
            [.. template.Members.OfType<SlotMemberSyntax>().Select(s => Symbol(document, s, s.Name, SymbolKind.Field, s.Role.Text + (s.OptionalKeyword is null ? "" : " optional")))]),
        RulesetDeclarationSyntax ruleset => Symbol(document, ruleset, ruleset.Name, SymbolKind.Namespace, "ruleset"),
        SequenceDeclarationSyntax sequence => Symbol(document, sequence, sequence.Name, SymbolKind.Array, "sequence",
            [.. sequence.Steps.Select(s => Symbol(document, s, s.Template, SymbolKind.EnumMember, $"day {s.Day.Text}"))]),
        _ => Symbol(document, declaration, declaration.Name, SymbolKind.Object, null),
    };

    private static DocumentSymbol Symbol(DocumentContext document, SyntaxNode node, SyntaxToken name, SymbolKind kind, string? detail, IReadOnlyList<DocumentSymbol>? children = null)
    {
        // The selection must lie inside the range; a missing name selects the node's start.
        var selection = name.IsMissing ? new Text.TextSpan(node.Span.Start, 0) : name.Span;
        return new DocumentSymbol
        {
            Name = name.IsMissing || name.Text.Length == 0 ? "(unnamed)" : name.Text,
            Detail = detail,
            Kind = kind,
            Range = document.RangeOf(node.Span),
            SelectionRange = document.RangeOf(selection),
            Children = children,
        };
    }
}
