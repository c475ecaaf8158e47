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
    public override int SlotCount => 2;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => Keyword, 1 => Ruleset, _ => null };
}

public sealed class MaxMemberSyntax(SyntaxToken keyword, SyntaxToken duration) : TemplateMemberSyntax
{
    public override SyntaxKind Kind => SyntaxKind.MaxMember;
    public override SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Duration { get; } = duration;
    public override int SlotCount => 2;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => Keyword, 1 => Duration, _ => null };
}

/// <summary>`allow CODE because "why"`.</summary>
public sealed class AllowMemberSyntax(SyntaxToken keyword, SyntaxToken code, BecauseClauseSyntax because) : TemplateMemberSyntax
{
    public override SyntaxKind Kind => SyntaxKind.AllowMember;
    public override SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Code { get; } = code;
    public BecauseClauseSyntax Because { get; } = because;
    public override int SlotCount => 3;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => Keyword, 1 => Code, 2 => Because, _ => null };
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
    public override int SlotCount => 6;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => Keyword, 1 => Name, 2 => Colon, 3 => Role, 4 => OptionalKeyword, 5 => DefaultValue, _ => null };
}

public sealed class DefaultValueClauseSyntax(SyntaxToken equalsToken, SyntaxToken value) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.DefaultValueClause;
    public SyntaxToken EqualsToken { get; } = equalsToken;
    public SyntaxToken Value { get; } = value;
    public override int SlotCount => 2;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => EqualsToken, 1 => Value, _ => null };
}

public sealed class SayMemberSyntax(SyntaxToken keyword, TextBlockSyntax textBlock) : TemplateMemberSyntax
{
    public override SyntaxKind Kind => SyntaxKind.SayMember;
    public override SyntaxToken Keyword { get; } = keyword;
    public TextBlockSyntax TextBlock { get; } = textBlock;
    public override int SlotCount => 2;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => Keyword, 1 => TextBlock, _ => null };
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

    public override int SlotCount => PhrasesAndCommas.Length + 3;

    public override SyntaxElement? GetSlot(int index)
    {
        if (index == 0) return Keyword;
        if (index <= PhrasesAndCommas.Length) return PhrasesAndCommas[index - 1];
        return index == PhrasesAndCommas.Length + 1 ? Because : Severity;
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
    public override int SlotCount => 6;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => Keyword, 1 => Phrase, 2 => Arrow, 3 => Replacement, 4 => Because, 5 => Severity, _ => null };
}

public sealed class BecauseClauseSyntax(SyntaxToken keyword, SyntaxToken reason) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.BecauseClause;
    public SyntaxToken Keyword { get; } = keyword;
    public SyntaxToken Reason { get; } = reason;
    public override int SlotCount => 2;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => Keyword, 1 => Reason, _ => null };
}

public sealed class SeverityClauseSyntax(SyntaxToken asKeyword, SyntaxToken severity) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.SeverityClause;
    public SyntaxToken AsKeyword { get; } = asKeyword;
    public SyntaxToken Severity { get; } = severity;
    public override int SlotCount => 2;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => AsKeyword, 1 => Severity, _ => null };
}
