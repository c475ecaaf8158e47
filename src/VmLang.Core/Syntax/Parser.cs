using System.Collections.Immutable;
using VmLang.Diagnostics;
using VmLang.Text;
using static VmLang.Syntax.SyntaxKind;

namespace VmLang.Syntax;

/// <summary>
/// Recursive descent over the lexer's tokens. Recovery follows Roslyn: a required token that is not
/// there becomes a zero-width missing token; tokens that fit nowhere become skipped-token trivia on the
/// next real token; statements resynchronise at their keywords. Only the first error since the last
/// consumed token is reported, so one mistake does not cascade.
/// </summary>
internal sealed partial class Parser
{
    private readonly Lexer _lexer;
    private readonly SourceText _text;
    private readonly string _path;
    private readonly List<Diagnostic> _diagnostics;
    private readonly List<SyntaxToken> _skipped = [];
    private SyntaxToken _current;

    // Where the token before the current one ends (its text, not its trivia); -1 at the start of a file.
    // Only its end is ever asked for, and an int is cheaper to move along than a token on every step.
    private int _previousEnd;
    private bool _errorSinceLastToken;

    /// <summary>Pulls tokens from <paramref name="lexer"/> one at a time: the grammar needs no lookahead, so no token list is kept.</summary>
    /// <param name="previous">When parsing resumes after declarations kept from an earlier tree: the last token of those.</param>
    public Parser(Lexer lexer, SourceText text, string path, List<Diagnostic> diagnostics, SyntaxToken? previous = null)
    {
        _lexer = lexer;
        _current = lexer.Next();
        _previousEnd = previous?.Span.End ?? -1;
        _text = text;
        _path = path;
        _diagnostics = diagnostics;
        _parseTemplateMember = ParseTemplateMember;
        _parseRule = ParseRule;
        _parseDayStep = ParseDayStep;
    }

    private SyntaxToken Current => _current;


    /// <param name="kept">Declarations kept from an earlier tree, which the lexer's start position follows.</param>
    public CompilationUnitSyntax ParseCompilationUnit(ImmutableArray<DeclarationSyntax> kept = default)
    {
        var declarations = ListBuilder<DeclarationSyntax>.Rent();
        if (!kept.IsDefault) declarations.AddRange(kept);
        while (Current.Kind != EndOfFileToken)
        {
            switch (Current.Kind)
            {
                case TemplateKeyword: declarations.Add(ParseTemplate()); break;
                case RulesetKeyword: declarations.Add(ParseRuleset()); break;
                case SequenceKeyword: declarations.Add(ParseSequence()); break;
                default:
                    SkipUntil(k => SyntaxFacts.IsDeclarationKeyword(k), "'template', 'ruleset' or 'sequence'");
                    break;
            }
        }
        return new CompilationUnitSyntax(ListBuilder<DeclarationSyntax>.ToImmutableAndReturn(declarations), NextToken(), _text);
    }

    // ---- Token plumbing ----

    private SyntaxToken NextToken()
    {
        var token = Current;
        if (token.Kind != EndOfFileToken) Advance();
        _errorSinceLastToken = false;
        if (_skipped.Count == 0) return token;

        var skipped = SyntaxTrivia.Skipped([.. _skipped]);
        _skipped.Clear();
        return token.WithLeadingTrivia([skipped, .. token.LeadingTrivia]);
    }

    private SyntaxToken Match(SyntaxKind kind) =>
        Current.Kind == kind ? NextToken() : Missing(kind, SyntaxFacts.Describe(kind));

    private SyntaxToken Missing(SyntaxKind kind, string expected, bool report = true)
    {
        if (report) ReportExpected(expected);
        return new SyntaxToken(kind, Current.FullSpan.Start, "", ImmutableArray<SyntaxTrivia>.Empty, ImmutableArray<SyntaxTrivia>.Empty, isMissing: true);
    }

    /// <summary>
    /// A name. A keyword where a name belongs (`slot end : text`) is taken as the name, with an error,
    /// unless it starts the next statement.
    /// </summary>
    private SyntaxToken MatchName(string what)
    {
        if (Current.Kind == IdentifierToken) return NextToken();
        if (SyntaxFacts.IsKeyword(Current.Kind) && !StartsStatement(Current.Kind) && !IsFirstOnLine(Current))
        {
            ReportExpected(what, $"the keyword '{Current.Text}'");
            var keyword = NextToken();
            _errorSinceLastToken = true;
            return keyword;
        }
        return Missing(IdentifierToken, what);
    }

    /// <summary>One of several keywords; a plain name in their place is kept, with an error, so the line still reads.</summary>
    private SyntaxToken MatchOneOf(Func<SyntaxKind, bool> accepts, string expected)
    {
        if (accepts(Current.Kind)) return NextToken();
        if (Current.Kind == IdentifierToken && !IsFirstOnLine(Current))
        {
            ReportExpected(expected);
            var name = NextToken();
            _errorSinceLastToken = true;
            return name;
        }
        return Missing(IdentifierToken, expected);
    }

    private static bool StartsStatement(SyntaxKind kind) =>
        SyntaxFacts.IsDeclarationKeyword(kind) || SyntaxFacts.IsTemplateMemberKeyword(kind)
        || SyntaxFacts.IsRulesetMemberKeyword(kind) || kind == DayKeyword;

    /// <summary>True when a line break separates the token from the one before it (read from the text, so no trivia is built).</summary>
    private bool IsFirstOnLine(SyntaxToken token)
    {
        if (_previousEnd < 0) return true;
        var end = Math.Min(token.Position, _text.Length);
        return end > _previousEnd && _text.Text.AsSpan(_previousEnd, end - _previousEnd).ContainsAny('\n', '\r');
    }

    /// <summary>Steps over tokens that fit nowhere until one that <paramref name="stop"/> accepts; one error for the run.</summary>
    private void SkipUntil(Func<SyntaxKind, bool> stop, string expected)
    {
        ReportExpected(expected, atCurrentToken: true);
        _errorSinceLastToken = true;
        while (Current.Kind != EndOfFileToken && !stop(Current.Kind))
        {
            SkipToken();
        }
    }

    private void SkipToken()
    {
        // A stray text block is stepped over whole, so a keyword in its holes cannot restart parsing mid-block.
        var startsTextBlock = Current.Kind == TextBlockStartToken;
        SkipOne();
        if (!startsTextBlock) return;
        while (Current.Kind is not (TextBlockEndToken or EndOfFileToken)) SkipOne();
        if (Current.Kind == TextBlockEndToken) SkipOne();
    }

    private void SkipOne()
    {
        _skipped.Add(Current);
        Advance();
    }

    private void Advance()
    {
        _previousEnd = _current.Span.End;
        _current = _lexer.Next();
    }

    /// <summary>
    /// Reports VML0001. A missing token is reported where it belongs, at the end of the line before,
    /// unless the unexpected token is on the same line; a skipped token is reported on itself.
    /// </summary>
    private void ReportExpected(string expected, string? found = null, bool atCurrentToken = false)
    {
        if (_errorSinceLastToken) return;
        _errorSinceLastToken = true;
        var current = Current;
        var span = current.Kind == EndOfFileToken || (!atCurrentToken && IsFirstOnLine(current))
            ? new TextSpan(Math.Max(_previousEnd, 0), 0)
            : current.Span;
        _diagnostics.Add(DiagnosticDescriptors.SyntaxError.Create(new Location(_path, _text, span), expected, found: found ?? DescribeFound(current)));
    }

    private static string DescribeFound(SyntaxToken token) => token.Kind switch
    {
        EndOfFileToken => "end of file",
        StringLiteralToken => "a string",
        TextToken => "text",
        TextBlockStartToken => "a text block",
        _ when SyntaxFacts.IsKeyword(token.Kind) => $"the keyword '{token.Text}'",
        _ => $"'{token.Text}'",
    };
}
