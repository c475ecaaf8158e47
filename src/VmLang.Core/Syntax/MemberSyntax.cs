using System.Collections.Immutable;

namespace VmLang.Syntax;

/// <summary>A statement inside a template; each begins with its keyword.</summary>
public abstract class TemplateMemberSyntax : SyntaxNode
{
    public abstract SyntaxToken Keyword { get; }
}

public sealed class UseMemberSyntax(SyntaxToken keyword, SyntaxToken ruleset) : TemplateMemberSyntax
{
    public override SyntaxKind Kind => SyntaxKind.UseMember;
    public override SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Ruleset { get; } = ruleset;
    public override IEnumerable<SyntaxElement?> GetChildren() => [Keyword, Ruleset];
}

public sealed class MaxMemberSyntax(SyntaxToken keyword, SyntaxToken duration) : TemplateMemberSyntax
{
    public override SyntaxKind Kind => SyntaxKind.MaxMember;
    public override SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Duration { get; } = duration;
    public override IEnumerable<SyntaxElement?> GetChildren() => [Keyword, Duration];
}

/// <summary>`allow CODE because "why"`.</summary>
public sealed class AllowMemberSyntax(SyntaxToken keyword, SyntaxToken code, BecauseClauseSyntax because) : TemplateMemberSyntax
{
    public override SyntaxKind Kind => SyntaxKind.AllowMember;
    public override SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Code { get; } = code;
    public BecauseClauseSyntax Because { get; } = because;
    public override IEnumerable<SyntaxElement?> GetChildren() => [Keyword, Code, Because];
}

/// <summary>`slot NAME : ROLE [optional] [= "default"]`.</summary>
public sealed class SlotMemberSyntax(SyntaxToken keyword, SyntaxToken name, SyntaxToken colon, SyntaxToken role,
    SyntaxToken? optionalKeyword, DefaultValueClauseSyntax? defaultValue) : TemplateMemberSyntax
{
    public override SyntaxKind Kind => SyntaxKind.SlotMember;
    public override SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Name { get; } = name;
    public SyntaxToken Colon { get; } = colon;
    public SyntaxToken Role { get; } = role;
    public SyntaxToken? OptionalKeyword { get; } = optionalKeyword;
    public DefaultValueClauseSyntax? DefaultValue { get; } = defaultValue;
    public override IEnumerable<SyntaxElement?> GetChildren() => [Keyword, Name, Colon, Role, OptionalKeyword, DefaultValue];
}

public sealed class DefaultValueClauseSyntax(SyntaxToken equalsToken, SyntaxToken value) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.DefaultValueClause;
    public SyntaxToken EqualsToken { get; } = equalsToken;
    public SyntaxToken Value { get; } = value;
    public override IEnumerable<SyntaxElement?> GetChildren() => [EqualsToken, Value];
}

public sealed class SayMemberSyntax(SyntaxToken keyword, TextBlockSyntax textBlock) : TemplateMemberSyntax
{
    public override SyntaxKind Kind => SyntaxKind.SayMember;
    public override SyntaxToken Keyword { get; } = keyword;
    public TextBlockSyntax TextBlock { get; } = textBlock;
    public override IEnumerable<SyntaxElement?> GetChildren() => [Keyword, TextBlock];
}

/// <summary>A `forbid` or `prefer` line of a ruleset.</summary>
public abstract class RuleSyntax : SyntaxNode
{
    public abstract SyntaxToken Keyword { get; }
    public abstract BecauseClauseSyntax Because { get; }
    public abstract SeverityClauseSyntax? Severity { get; }
}

/// <summary>`forbid "p" (, "p")* because "why" [as SEVERITY]`.</summary>
public sealed class ForbidRuleSyntax(SyntaxToken keyword, ImmutableArray<SyntaxToken> phrasesAndCommas,
    BecauseClauseSyntax because, SeverityClauseSyntax? severity) : RuleSyntax
{
    public override SyntaxKind Kind => SyntaxKind.ForbidRule;
    public override SyntaxToken Keyword { get; } = keyword;
    /// <summary>The phrase strings with the commas between them, in source order.</summary>
    public ImmutableArray<SyntaxToken> PhrasesAndCommas { get; } = phrasesAndCommas;
    public IEnumerable<SyntaxToken> Phrases => PhrasesAndCommas.Where(t => t.Kind == SyntaxKind.StringLiteralToken);
    public override BecauseClauseSyntax Because { get; } = because;
    public override SeverityClauseSyntax? Severity { get; } = severity;

    public override IEnumerable<SyntaxElement?> GetChildren()
    {
        yield return Keyword;
        foreach (var token in PhrasesAndCommas) yield return token;
        yield return Because;
        yield return Severity;
    }

}

/// <summary>`prefer "p" => "r" because "why" [as SEVERITY]`.</summary>
public sealed class PreferRuleSyntax(SyntaxToken keyword, SyntaxToken phrase, SyntaxToken arrow, SyntaxToken replacement,
    BecauseClauseSyntax because, SeverityClauseSyntax? severity) : RuleSyntax
{
    public override SyntaxKind Kind => SyntaxKind.PreferRule;
    public override SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Phrase { get; } = phrase;
    public SyntaxToken Arrow { get; } = arrow;
    public SyntaxToken Replacement { get; } = replacement;
    public override BecauseClauseSyntax Because { get; } = because;
    public override SeverityClauseSyntax? Severity { get; } = severity;
    public override IEnumerable<SyntaxElement?> GetChildren() => [Keyword, Phrase, Arrow, Replacement, Because, Severity];
}

public sealed class BecauseClauseSyntax(SyntaxToken keyword, SyntaxToken reason) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.BecauseClause;
    public SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Reason { get; } = reason;
    public override IEnumerable<SyntaxElement?> GetChildren() => [Keyword, Reason];
}

public sealed class SeverityClauseSyntax(SyntaxToken asKeyword, SyntaxToken severity) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.SeverityClause;
    public SyntaxToken AsKeyword { get; } = asKeyword;
    public SyntaxToken Severity { get; } = severity;
    public override IEnumerable<SyntaxElement?> GetChildren() => [AsKeyword, Severity];
}
