using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/semanticTokens/full</c>. Names are classified by where they stand in the tree, so a
/// name colours the same whether or not it resolves: template, ruleset and sequence names are
/// <c>type</c>, slots <c>parameter</c>, roles <c>enumMember</c>, filters and members <c>function</c>.
/// Tokens that span lines (text, block comments) are sent one piece per line, as clients without
/// multi-line token support need.
/// </summary>
internal sealed class SemanticTokensHandler(ServerWorkspace workspace)
{
    public static readonly SemanticTokensLegend Legend = new()
    {
        TokenTypes = ["keyword", "type", "parameter", "enumMember", "function", "string", "number", "comment", "operator"],
        TokenModifiers = ["declaration"],
    };

    private enum TokenType { Keyword, Type, Parameter, EnumMember, Function, String, Number, Comment, Operator }

    private const uint Declaration = 1;

    public void Register(LanguageServerConnection connection) =>
        connection.OnDocumentRequest<SemanticTokensParams, SemanticTokens>(workspace, LspMethods.TextDocumentSemanticTokensFull, Tokens);

    private SemanticTokens? Tokens(SemanticTokensParams request, DocumentContext document, CancellationToken cancellationToken)
    {
        var encoder = new Encoder(document.Text);
        foreach (var token in document.Tree.Root.DescendantTokens())
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var trivia in token.LeadingTrivia) AddComment(encoder, trivia);
            if (!token.IsMissing && Classify(token) is ({ } type, var modifiers)) encoder.Add(token.Span, type, modifiers);
            foreach (var trivia in token.TrailingTrivia) AddComment(encoder, trivia);
        }
        return new SemanticTokens { Data = [.. encoder.Data] };
    }

    private static void AddComment(Encoder encoder, SyntaxTrivia trivia)
    {
        if (trivia.IsComment) encoder.Add(trivia.Span, TokenType.Comment, 0);
    }

    private static (TokenType? Type, uint Modifiers) Classify(SyntaxToken token) => token.Kind switch
    {
        SyntaxKind.IdentifierToken => ClassifyName(token),
        _ when SyntaxFacts.IsKeyword(token.Kind) && ClassifyName(token) is ({ } type, var modifiers) => (type, modifiers),
        _ when SyntaxFacts.IsKeyword(token.Kind) => (TokenType.Keyword, 0),
        SyntaxKind.StringLiteralToken or SyntaxKind.TextToken or SyntaxKind.TextBlockStartToken or SyntaxKind.TextBlockEndToken => (TokenType.String, 0),
        SyntaxKind.IntegerLiteralToken or SyntaxKind.DurationLiteralToken => (TokenType.Number, 0),
        SyntaxKind.ArrowToken or SyntaxKind.ColonToken or SyntaxKind.EqualsToken or SyntaxKind.PipeToken or SyntaxKind.DotToken
            or SyntaxKind.HoleOpenToken or SyntaxKind.HoleCloseToken => (TokenType.Operator, 0),
        _ => (null, 0),
    };

    /// <summary>A name by its place in the tree; a keyword written where a name belongs is a name too.</summary>
    private static (TokenType? Type, uint Modifiers) ClassifyName(SyntaxToken token) => token.Parent switch
    {
        DeclarationSyntax declaration when declaration.Name == token => (TokenType.Type, Declaration),
        SlotMemberSyntax slot when slot.Name == token => (TokenType.Parameter, Declaration),
        SlotMemberSyntax slot when slot.Role == token => (TokenType.EnumMember, 0),
        PathSyntax path when path.Slot == token => (TokenType.Parameter, 0),
        UseMemberSyntax use when use.Ruleset == token => (TokenType.Type, 0),
        DayStepSyntax step when step.Template == token => (TokenType.Type, 0),
        FilterSyntax filter when filter.Name == token => (TokenType.Function, 0),
        MemberAccessSyntax member when member.Name == token => (TokenType.Function, 0),
        _ => (null, 0),
    };

    /// <summary>Writes the five-integer relative encoding of LSP, one entry per line piece, in document order.</summary>
    private sealed class Encoder(SourceText text)
    {
        private int _previousLine;
        private int _previousCharacter;

        public List<uint> Data { get; } = [];

        public void Add(TextSpan span, TokenType type, uint modifiers)
        {
            var line = text.GetLineIndex(span.Start);
            var start = span.Start;
            while (start < span.End && line < text.LineCount)
            {
                var end = Math.Min(span.End, text.GetLineContentEnd(line));
                if (end > start)
                {
                    var position = text.GetLinePosition(start);
                    var deltaLine = position.Line - _previousLine;
                    var deltaCharacter = deltaLine == 0 ? position.Character - _previousCharacter : position.Character;
                    Data.AddRange([(uint)deltaLine, (uint)deltaCharacter, (uint)(end - start), (uint)type, modifiers]);
                    _previousLine = position.Line;
                    _previousCharacter = position.Character;
                }
                line++;
                if (line < text.LineCount) start = text.GetLineStart(line);
            }
        }
    }
}
