using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.LanguageServer.Handlers;

/// <summary><c>textDocument/foldingRange</c>: declarations, text blocks, block comments and runs of line comments.</summary>
internal sealed class FoldingRangeHandler(ServerWorkspace workspace)
{
    public void Register(LanguageServerConnection connection) =>
        connection.OnDocumentRequest<FoldingRangeParams, IReadOnlyList<FoldingRange>>(workspace, LspMethods.TextDocumentFoldingRange, Ranges);

    private IReadOnlyList<FoldingRange>? Ranges(FoldingRangeParams request, DocumentContext document, CancellationToken cancellationToken)
    {
        var text = document.Text;
        var ranges = new List<FoldingRange>();
        void Add(TextSpan span, string? kind = null)
        {
            var start = text.GetLinePosition(span.Start).Line;
            var end = text.GetLinePosition(span.End).Line;
            if (end > start) ranges.Add(new FoldingRange { StartLine = start, EndLine = end, Kind = kind });
        }

        foreach (var declaration in document.Tree.Root.Declarations) Add(declaration.Span);
        foreach (var block in document.Tree.Root.DescendantNodes().OfType<TextBlockSyntax>()) Add(block.Span);

        TextSpan? commentRun = null;
        foreach (var trivia in document.Tree.Root.DescendantTokens().SelectMany(t => t.LeadingTrivia.Concat(t.TrailingTrivia)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (trivia.Kind == SyntaxKind.MultiLineCommentTrivia) Add(trivia.Span, FoldingRangeKind.Comment);
            if (trivia.Kind == SyntaxKind.SingleLineCommentTrivia)
            {
                var continues = commentRun is { } run && text.GetLineIndex(trivia.Span.Start) == text.GetLineIndex(run.End) + 1;
                commentRun = continues ? TextSpan.FromBounds(commentRun!.Value.Start, trivia.Span.End) : trivia.Span;
                continue;
            }
            if (trivia.Kind is SyntaxKind.WhitespaceTrivia or SyntaxKind.EndOfLineTrivia) continue;
            if (commentRun is { } ended) Add(ended, FoldingRangeKind.Comment);
            commentRun = null;
        }
        if (commentRun is { } last) Add(last, FoldingRangeKind.Comment);
        return ranges;
    }
}
