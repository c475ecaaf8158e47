using System.Collections.Immutable;
using static VmLang.Syntax.SyntaxKind;

namespace VmLang.Syntax;

internal sealed partial class Parser
{
    private const string TemplateMembers = "'use', 'max', 'allow', 'slot', 'say' or '}'";
    private const string RulesetMembers = "'forbid', 'prefer' or '}'";
    private static readonly string RoleExpected = $"a role ({Binding.Names.List(Binding.Role.All.Select(r => r.Name))})";
    private static readonly string FilterExpected = $"a filter ({Binding.ValueFilters.NameList})";

    // Made once per parser: a method group passed as a delegate is a new object at every call.
    private readonly Func<TemplateMemberSyntax> _parseTemplateMember;
    private readonly Func<RuleSyntax> _parseRule;
    private readonly Func<DayStepSyntax> _parseDayStep;

    private TemplateDeclarationSyntax ParseTemplate()
    {
        var keyword = NextToken();
        var name = MatchName("a template name");
        var forKeyword = Match(ForKeyword);
        var channel = MatchOneOf(k => k is VoicemailKeyword or GatekeeperKeyword, "'voicemail' or 'gatekeeper'");
        var open = Match(OpenBraceToken);
        var members = ParseBlock(SyntaxFacts.IsTemplateMemberKeyword, _parseTemplateMember, TemplateMembers);
        return new TemplateDeclarationSyntax(keyword, name, forKeyword, channel, open, members, Match(CloseBraceToken));
    }

    private RulesetDeclarationSyntax ParseRuleset()
    {
        var keyword = NextToken();
        var name = MatchName("a ruleset name");
        var open = Match(OpenBraceToken);
        var rules = ParseBlock(SyntaxFacts.IsRulesetMemberKeyword, _parseRule, RulesetMembers);
        return new RulesetDeclarationSyntax(keyword, name, open, rules, Match(CloseBraceToken));
    }

    private SequenceDeclarationSyntax ParseSequence()
    {
        var keyword = NextToken();
        var name = MatchName("a sequence name");
        var open = Match(OpenBraceToken);
        var steps = ParseBlock(k => k == DayKeyword, _parseDayStep, "'day' or '}'");
        return new SequenceDeclarationSyntax(keyword, name, open, steps, Match(CloseBraceToken));
    }

    /// <summary>
    /// Statements up to the closing brace. A declaration keyword also ends the block: the brace is
    /// then missing, and the next declaration still parses.
    /// </summary>
    private ImmutableArray<T> ParseBlock<T>(Func<SyntaxKind, bool> startsMember, Func<T> parseMember, string expected)
        where T : SyntaxNode
    {
        var members = ListBuilder<T>.Rent();
        while (Current.Kind is not (CloseBraceToken or EndOfFileToken) && !SyntaxFacts.IsDeclarationKeyword(Current.Kind))
        {
            if (startsMember(Current.Kind))
            {
                members.Add(parseMember());
                continue;
            }
            SkipToMember(startsMember, expected);
        }
        return ListBuilder<T>.ToImmutableAndReturn(members);
    }

    // Apart from ParseBlock so that the closure is made only when there is something to skip.
    private void SkipToMember(Func<SyntaxKind, bool> startsMember, string expected) =>
        SkipUntil(k => startsMember(k) || k == CloseBraceToken || SyntaxFacts.IsDeclarationKeyword(k), expected);

    private TemplateMemberSyntax ParseTemplateMember() => Current.Kind switch
    {
        UseKeyword => new UseMemberSyntax(NextToken(), MatchName("a ruleset name")),
        MaxKeyword => new MaxMemberSyntax(NextToken(), MatchDuration()),
        AllowKeyword => new AllowMemberSyntax(NextToken(), MatchName("a diagnostic code such as VML0205"), ParseBecause()),
        SlotKeyword => ParseSlot(),
        _ => ParseSay(),
    };

    private SyntaxToken MatchDuration()
    {
        if (Current.Kind == IntegerLiteralToken)
        {
            ReportExpected("a duration such as '30s'");
            var number = NextToken();
            _errorSinceLastToken = true;
            return number;
        }
        return Match(DurationLiteralToken);
    }

    private SlotMemberSyntax ParseSlot()
    {
        var keyword = NextToken();
        var name = MatchName("a slot name");
        var colon = Match(ColonToken);
        var role = MatchName(RoleExpected);
        var optional = Current.Kind == OptionalKeyword ? NextToken() : (SyntaxToken?)null;
        DefaultValueClauseSyntax? defaultValue = null;
        if (Current.Kind == EqualsToken)
        {
            var equals = NextToken();
            defaultValue = new DefaultValueClauseSyntax(equals, Match(StringLiteralToken));
        }
        return new SlotMemberSyntax(keyword, name, colon, role, optional, defaultValue);
    }

    private SayMemberSyntax ParseSay()
    {
        var keyword = NextToken();
        if (Current.Kind == TextBlockStartToken)
        {
            return new SayMemberSyntax(keyword, ParseTextBlock());
        }
        if (Current.Kind == StringLiteralToken && !IsFirstOnLine(Current))
        {
            // A one-line string is the likely mistake; step over it so it is the only error.
            SkipUntil(k => k != StringLiteralToken, "a text block ('\"\"\"' then a new line)");
        }
        else
        {
            ReportExpected("a text block ('\"\"\"' then a new line)");
        }
        var missing = new TextBlockSyntax(
            Missing(TextBlockStartToken, "", report: false),
            ImmutableArray<TextBlockPartSyntax>.Empty,
            Missing(TextBlockEndToken, "", report: false));
        return new SayMemberSyntax(keyword, missing);
    }

    private RuleSyntax ParseRule()
    {
        var keyword = NextToken();
        if (keyword.Kind == ForbidKeyword)
        {
            var phrases = ImmutableArray.CreateBuilder<SyntaxToken>();
            phrases.Add(Match(StringLiteralToken));
            while (Current.Kind == CommaToken)
            {
                phrases.Add(NextToken());
                phrases.Add(Match(StringLiteralToken));
            }
            return new ForbidRuleSyntax(keyword, phrases.ToImmutable(), ParseBecause(), ParseSeverity());
        }
        var phrase = Match(StringLiteralToken);
        var arrow = Match(ArrowToken);
        var replacement = Match(StringLiteralToken);
        return new PreferRuleSyntax(keyword, phrase, arrow, replacement, ParseBecause(), ParseSeverity());
    }

    private BecauseClauseSyntax ParseBecause()
    {
        var because = Match(BecauseKeyword);
        return new BecauseClauseSyntax(because, Match(StringLiteralToken));
    }

    private SeverityClauseSyntax? ParseSeverity()
    {
        if (Current.Kind != AsKeyword) return null;
        var asKeyword = NextToken();
        return new SeverityClauseSyntax(asKeyword, MatchOneOf(SyntaxFacts.IsSeverityKeyword, "'error', 'warning' or 'info'"));
    }

    private DayStepSyntax ParseDayStep()
    {
        var keyword = NextToken();
        var day = Match(IntegerLiteralToken);
        return new DayStepSyntax(keyword, day, MatchName("a template name"));
    }
}
