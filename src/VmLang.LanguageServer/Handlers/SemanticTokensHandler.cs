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
/// <remarks>
/// <c>full/delta</c> answers with the changes to the client's previous result: a 5,000-line file has
/// some 20,000 tokens (about 400 KB of JSON), and a keystroke changes a few integers of them.
/// </remarks>
internal sealed class SemanticTokensHandler(ServerWorkspace workspace)
{
    public static readonly SemanticTokensLegend Legend = new()
    {
        TokenTypes = ["keyword", "type", "parameter", "enumMember", "function", "string", "number", "comment", "operator"],
        TokenModifiers = ["declaration"],
    };

    private enum TokenType { Keyword, Type, Parameter, EnumMember, Function, String, Number, Comment, Operator }

    private const uint Declaration = 1;

    private const int RememberedDocuments = 8;

    // Per document, the last result sent and the tokens of its closed declarations by their text: the next
    // request (after a keystroke) encodes only the declarations whose text changed, and a delta request
    // is answered with the changes to that result.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, LastResult> _last = new(StringComparer.Ordinal);
    private readonly List<string> _recent = [];
    private long _lastResultId;

    public void Register(LanguageServerConnection connection)
    {
        connection.OnDocumentRequest<SemanticTokensParams, SemanticTokens>(workspace, LspMethods.TextDocumentSemanticTokensFull, Full);
        connection.OnDocumentRequest<SemanticTokensDeltaParams, SemanticTokensDeltaResult>(workspace, LspMethods.TextDocumentSemanticTokensFullDelta, Delta);
    }

    private SemanticTokens? Full(SemanticTokensParams request, DocumentContext document, CancellationToken cancellationToken)
    {
        var result = Tokens(document, cancellationToken, out _);
        return new SemanticTokens { ResultId = result.ResultId, Data = result.Data };
    }

    private SemanticTokensDeltaResult? Delta(SemanticTokensDeltaParams request, DocumentContext document, CancellationToken cancellationToken)
    {
        var result = Tokens(document, cancellationToken, out var earlier);
        // Without the client's result (it was replaced by a later one, or forgotten), all tokens are sent.
        if (earlier is null || earlier.ResultId != request.PreviousResultId) return new SemanticTokensDeltaResult { ResultId = result.ResultId, Data = result.Data };
        return new SemanticTokensDeltaResult { ResultId = result.ResultId, Edits = Difference(earlier.Data, result.Data) };
    }

    /// <summary>One edit that turns <paramref name="before"/> into <paramref name="after"/>: what lies between their common start and end; none when equal.</summary>
    internal static IReadOnlyList<SemanticTokensEdit> Difference(uint[] before, uint[] after)
    {
        var prefix = before.AsSpan().CommonPrefixLength(after);
        if (prefix == before.Length && prefix == after.Length) return [];
        var longest = Math.Min(before.Length, after.Length) - prefix;
        var suffix = 0;
        while (suffix < longest && before[^(suffix + 1)] == after[^(suffix + 1)]) suffix++;
        var inserted = after[prefix..^suffix];
        return [new SemanticTokensEdit { Start = prefix, DeleteCount = before.Length - prefix - suffix, Data = inserted.Length == 0 ? null : inserted }];
    }

    /// <summary>The document's tokens, remembered as its last result; <paramref name="earlierResult"/> is the one they replace.</summary>
    private LastResult Tokens(DocumentContext document, CancellationToken cancellationToken, out LastResult? earlierResult)
    {
        var text = document.Text;
        earlierResult = _last.TryGetValue(document.Uri, out var known) ? known : null;
        var earlier = earlierResult?.Pieces;
        var pieces = new DeclarationPieces();
        var data = new List<uint>(earlier?.TokenCount * 5 ?? 1024);
        var encoder = new Encoder(text, data);
        var root = document.Tree.Root;
        foreach (var declaration in root.Declarations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var span = declaration.FullSpan;
            var line = text.GetLineIndex(span.Start);
            var column = span.Start - text.GetLineStart(line);
            // A declaration closed by its own `}` is parsed the same wherever it stands, so its tokens are
            // those of any declaration with the same text (most of a file, from one keystroke to the next).
            var closed = !declaration.CloseBrace.IsMissing;
            if (!closed || earlier?.Find(text.Text.AsSpan(span.Start, span.Length), column) is not { } piece)
            {
                var own = new Encoder(text, [], line);
                AddTokens(own, declaration);
                piece = new Piece(column, [.. own.Data], own.PreviousLine - line, own.PreviousCharacter);
            }
            if (closed) pieces.Add(text.Text.Substring(span.Start, span.Length), piece);
            encoder.Append(piece, line);
        }
        AddTokens(encoder, root.EndOfFile);
        var result = new LastResult(Interlocked.Increment(ref _lastResultId).ToString(System.Globalization.CultureInfo.InvariantCulture), [.. data], pieces);
        _last[document.Uri] = result;
        Remember(document.Uri);
        return result;
    }

    private static void AddTokens(Encoder encoder, SyntaxNode node)
    {
        foreach (var token in node.DescendantTokens()) AddTokens(encoder, token);
    }

    private static void AddTokens(Encoder encoder, SyntaxToken token)
    {
        foreach (var trivia in token.LeadingTrivia) AddComment(encoder, trivia);
        if (!token.IsMissing && Classify(token) is ({ } type, var modifiers)) encoder.Add(token.Span, type, modifiers);
        foreach (var trivia in token.TrailingTrivia) AddComment(encoder, trivia);
    }

    /// <summary>Keeps the pieces of the few documents asked about last, so those of closed documents do not pile up.</summary>
    private void Remember(string justAsked)
    {
        lock (_recent)
        {
            _recent.Remove(justAsked);
            _recent.Add(justAsked);
            while (_recent.Count > RememberedDocuments)
            {
                _last.TryRemove(_recent[0], out _);
                _recent.RemoveAt(0);
            }
        }
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

    /// <summary>
    /// One declaration's tokens, encoded as if the previous token were at the start of the declaration's
    /// line: <see cref="Encoder.Append"/> puts them anywhere by re-encoding the first one.
    /// </summary>
    private sealed record Piece(int StartColumn, uint[] Data, int LastLine, int LastCharacter)
    {
        public int TokenCount => Data.Length / 5;
    }

    /// <summary>A document's tokens as last sent, under the id the client may name in a delta request.</summary>
    private sealed record LastResult(string ResultId, uint[] Data, DeclarationPieces Pieces);

    /// <summary>The pieces of one document by declaration text; written by one request, then only read.</summary>
    private sealed class DeclarationPieces
    {
        private readonly Dictionary<string, Piece> _byText = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Piece>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public DeclarationPieces() => _lookup = _byText.GetAlternateLookup<ReadOnlySpan<char>>();

        public int TokenCount { get; private set; }

        public Piece? Find(ReadOnlySpan<char> declarationText, int startColumn) =>
            _lookup.TryGetValue(declarationText, out var piece) && piece.StartColumn == startColumn ? piece : null;

        public void Add(string declarationText, Piece piece)
        {
            if (_byText.TryAdd(declarationText, piece)) TokenCount += piece.TokenCount;
        }
    }

    /// <summary>Writes the five-integer relative encoding of LSP, one entry per line piece, in document order.</summary>
    private sealed class Encoder(SourceText text, List<uint> data, int previousLine = 0)
    {
        public int PreviousLine { get; private set; } = previousLine;

        public int PreviousCharacter { get; private set; }

        public List<uint> Data => data;

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
                    var deltaLine = position.Line - PreviousLine;
                    var deltaCharacter = deltaLine == 0 ? position.Character - PreviousCharacter : position.Character;
                    data.AddRange([(uint)deltaLine, (uint)deltaCharacter, (uint)(end - start), (uint)type, modifiers]);
                    PreviousLine = position.Line;
                    PreviousCharacter = position.Character;
                }
                line++;
                if (line < text.LineCount) start = text.GetLineStart(line);
            }
        }

        /// <summary>Adds a declaration's piece, the declaration starting on <paramref name="line"/>.</summary>
        public void Append(Piece piece, int line)
        {
            if (piece.Data.Length == 0) return;
            // The piece's first token is relative to (line, 0): its own line and column are absolute from there.
            var firstLine = line + (int)piece.Data[0];
            var firstCharacter = (int)piece.Data[1];
            var deltaLine = firstLine - PreviousLine;
            data.Add((uint)deltaLine);
            data.Add((uint)(deltaLine == 0 ? firstCharacter - PreviousCharacter : firstCharacter));
            data.AddRange(piece.Data.AsSpan(2));
            PreviousLine = line + piece.LastLine;
            PreviousCharacter = piece.LastCharacter;
        }
    }
}
