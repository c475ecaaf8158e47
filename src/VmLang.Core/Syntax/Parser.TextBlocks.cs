using System.Collections.Immutable;
using static VmLang.Syntax.SyntaxKind;

namespace VmLang.Syntax;

internal sealed partial class Parser
{
    private TextBlockSyntax ParseTextBlock()
    {
        var start = NextToken();
        var parts = ListBuilder<TextBlockPartSyntax>.Rent();
        while (Current.Kind is TextToken or HoleOpenToken)
        {
            parts.Add(Current.Kind == TextToken ? new TextSyntax(NextToken()) : ParseHole());
        }
        // The lexer has already reported a text block that runs to the end of the file.
        var end = Current.Kind == TextBlockEndToken ? NextToken() : Missing(TextBlockEndToken, "", report: false);
        return new TextBlockSyntax(start, ListBuilder<TextBlockPartSyntax>.ToImmutableAndReturn(parts), end);
    }

    private HoleSyntax ParseHole()
    {
        var open = NextToken();
        switch (Current.Kind)
        {
            case IfKeyword:
                var ifKeyword = NextToken();
                var condition = ParsePath();
                return new IfHoleSyntax(open, ifKeyword, condition, MatchHoleClose());
            case ElseKeyword:
                var elseKeyword = NextToken();
                return new ElseHoleSyntax(open, elseKeyword, MatchHoleClose());
            case EndKeyword:
                var endKeyword = NextToken();
                return new EndHoleSyntax(open, endKeyword, MatchHoleClose());
            default:
                var expression = ParseHoleExpression();
                return new ExpressionHoleSyntax(open, expression, MatchHoleClose());
        }
    }

    private HoleExpressionSyntax ParseHoleExpression()
    {
        PrimarySyntax primary = Current.Kind == StringLiteralToken ? new StringExpressionSyntax(NextToken()) : ParsePath();
        var filters = ImmutableArray<FilterSyntax>.Empty;
        while (Current.Kind == PipeToken)
        {
            var pipe = NextToken();
            filters = filters.Add(new FilterSyntax(pipe, MatchName(FilterExpected)));
        }
        return new HoleExpressionSyntax(primary, filters);
    }

    private PathSyntax ParsePath()
    {
        var slot = MatchName("a slot name");
        // Paths rarely have members, so the list is grown one at a time rather than through a builder.
        var members = ImmutableArray<MemberAccessSyntax>.Empty;
        while (Current.Kind == DotToken)
        {
            var dot = NextToken();
            members = members.Add(new MemberAccessSyntax(dot, MatchName("'first' or 'last'")));
        }
        return new PathSyntax(slot, members);
    }

    /// <summary>
    /// <c>}}</c>. Stray tokens before it are skipped with one error; when the hole never closes, the
    /// lexer has already reported it, so the missing token adds no second error.
    /// </summary>
    private SyntaxToken MatchHoleClose()
    {
        if (Current.Kind == HoleCloseToken) return NextToken();
        if (!IsOutsideHole(Current.Kind))
        {
            SkipUntil(k => k == HoleCloseToken || IsOutsideHole(k), "'}}'");
            if (Current.Kind == HoleCloseToken) return NextToken();
        }
        return Missing(HoleCloseToken, "", report: false);
    }

    private static bool IsOutsideHole(SyntaxKind kind) =>
        kind is TextToken or HoleOpenToken or TextBlockEndToken or EndOfFileToken;
}
