using System.Collections.Immutable;
using VmLang.Text;

namespace VmLang.Syntax;

/// <summary>A statement inside a template; each begins with its keyword.</summary>
public abstract class TemplateMemberSyntax : SyntaxNode
{
    public abstract SyntaxToken Keyword { get; }
}

public sealed class UseMemberSyntax(SyntaxToken keyword, SyntaxToken ruleset) : TemplateMemberSyntax
{
    public override SyntaxKind Kind => SyntaxKind.UseMember;
    internal override SourceText? Source { get; } = SourceOf(keyword, ruleset);
    private readonly TokenData _keyword = keyword.Data;
    public override SyntaxToken Keyword => Token(_keyword);
    private readonly TokenData _ruleset = ruleset.Data;
    public SyntaxToken Ruleset => Token(_ruleset);
    public override int SlotCount => 2;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => Keyword, 1 => Ruleset, _ => null };
}

public sealed class MaxMemberSyntax(SyntaxToken keyword, SyntaxToken duration) : TemplateMemberSyntax
{
    public override SyntaxKind Kind => SyntaxKind.MaxMember;
    internal override SourceText? Source { get; } = SourceOf(keyword, duration);
    private readonly TokenData _keyword = keyword.Data;
    public override SyntaxToken Keyword => Token(_keyword);
    private readonly TokenData _duration = duration.Data;
    public SyntaxToken Duration => Token(_duration);
    public override int SlotCount => 2;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => Keyword, 1 => Duration, _ => null };
}

/// <summary>`allow CODE because "why"`.</summary>
public sealed class AllowMemberSyntax(SyntaxToken keyword, SyntaxToken code, BecauseClauseSyntax because) : TemplateMemberSyntax
{
    public override SyntaxKind Kind => SyntaxKind.AllowMember;
    internal override SourceText? Source { get; } = SourceOf(keyword, code);
    private readonly TokenData _keyword = keyword.Data;
    public override SyntaxToken Keyword => Token(_keyword);
    private readonly TokenData _code = code.Data;
    public SyntaxToken Code => Token(_code);
    public BecauseClauseSyntax Because { get; } = because;
    public override int SlotCount => 3;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => Keyword, 1 => Code, 2 => Because, _ => null };
}

/// <summary>`slot NAME : ROLE [optional] [= "default"]`.</summary>
public sealed class SlotMemberSyntax(SyntaxToken keyword, SyntaxToken name, SyntaxToken colon, SyntaxToken role,
    SyntaxToken? optionalKeyword, DefaultValueClauseSyntax? defaultValue) : TemplateMemberSyntax
{
    public override SyntaxKind Kind => SyntaxKind.SlotMember;
    internal override SourceText? Source { get; } = SourceOf(keyword, name, colon, role, optionalKeyword ?? default);
    private readonly TokenData _keyword = keyword.Data;
    public override SyntaxToken Keyword => Token(_keyword);
    private readonly TokenData _name = name.Data;
    public SyntaxToken Name => Token(_name);
    private readonly TokenData _colon = colon.Data;
    public SyntaxToken Colon => Token(_colon);
    private readonly TokenData _role = role.Data;
    public SyntaxToken Role => Token(_role);
    private readonly TokenData _optionalKeyword = optionalKeyword?.Data ?? default;
    public SyntaxToken? OptionalKeyword => OptionalToken(_optionalKeyword);
    public DefaultValueClauseSyntax? DefaultValue { get; } = defaultValue;
    public override int SlotCount => 6;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => Keyword, 1 => Name, 2 => Colon, 3 => Role, 4 => OptionalKeyword, 5 => DefaultValue, _ => null };
}

public sealed class DefaultValueClauseSyntax(SyntaxToken equalsToken, SyntaxToken value) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.DefaultValueClause;
    internal override SourceText? Source { get; } = SourceOf(equalsToken, value);
    private readonly TokenData _equalsToken = equalsToken.Data;
    public SyntaxToken EqualsToken => Token(_equalsToken);
    private readonly TokenData _value = value.Data;
    public SyntaxToken Value => Token(_value);
    public override int SlotCount => 2;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => EqualsToken, 1 => Value, _ => null };
}

public sealed class SayMemberSyntax(SyntaxToken keyword, TextBlockSyntax textBlock) : TemplateMemberSyntax
{
    public override SyntaxKind Kind => SyntaxKind.SayMember;
    internal override SourceText? Source { get; } = SourceOf(keyword);
    private readonly TokenData _keyword = keyword.Data;
    public override SyntaxToken Keyword => Token(_keyword);
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
    internal override SourceText? Source { get; } = SourceOf(keyword) ?? SourceOf(phrasesAndCommas.AsSpan());
    private readonly TokenData _keyword = keyword.Data;
    public override SyntaxToken Keyword => Token(_keyword);
    /// <summary>The phrase strings with the commas between them, in source order.</summary>
    private readonly ImmutableArray<TokenData> _phrasesAndCommas = [.. phrasesAndCommas.Select(t => t.Data)];
    public ImmutableArray<SyntaxToken> PhrasesAndCommas => [.. _phrasesAndCommas.Select(Token)];
    public IEnumerable<SyntaxToken> Phrases => PhrasesAndCommas.Where(t => t.Kind == SyntaxKind.StringLiteralToken);
    public override BecauseClauseSyntax Because { get; } = because;
    public override SeverityClauseSyntax? Severity { get; } = severity;

    public override int SlotCount => _phrasesAndCommas.Length + 3;

    public override SyntaxElement? GetSlot(int index)
    {
        if (index == 0) return Keyword;
        if (index <= _phrasesAndCommas.Length) return Token(_phrasesAndCommas[index - 1]);
        return index == _phrasesAndCommas.Length + 1 ? Because : Severity;
    }
}

/// <summary>`prefer "p" => "r" because "why" [as SEVERITY]`.</summary>
public sealed class PreferRuleSyntax(SyntaxToken keyword, SyntaxToken phrase, SyntaxToken arrow, SyntaxToken replacement,
    BecauseClauseSyntax because, SeverityClauseSyntax? severity) : RuleSyntax
{
    public override SyntaxKind Kind => SyntaxKind.PreferRule;
    internal override SourceText? Source { get; } = SourceOf(keyword, phrase, arrow, replacement);
    private readonly TokenData _keyword = keyword.Data;
    public override SyntaxToken Keyword => Token(_keyword);
    private readonly TokenData _phrase = phrase.Data;
    public SyntaxToken Phrase => Token(_phrase);
    private readonly TokenData _arrow = arrow.Data;
    public SyntaxToken Arrow => Token(_arrow);
    private readonly TokenData _replacement = replacement.Data;
    public SyntaxToken Replacement => Token(_replacement);
    public override BecauseClauseSyntax Because { get; } = because;
    public override SeverityClauseSyntax? Severity { get; } = severity;
    public override int SlotCount => 6;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => Keyword, 1 => Phrase, 2 => Arrow, 3 => Replacement, 4 => Because, 5 => Severity, _ => null };
}

public sealed class BecauseClauseSyntax(SyntaxToken keyword, SyntaxToken reason) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.BecauseClause;
    internal override SourceText? Source { get; } = SourceOf(keyword, reason);
    private readonly TokenData _keyword = keyword.Data;
    public SyntaxToken Keyword => Token(_keyword);
    private readonly TokenData _reason = reason.Data;
    public SyntaxToken Reason => Token(_reason);
    public override int SlotCount => 2;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => Keyword, 1 => Reason, _ => null };
}

public sealed class SeverityClauseSyntax(SyntaxToken asKeyword, SyntaxToken severity) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.SeverityClause;
    internal override SourceText? Source { get; } = SourceOf(asKeyword, severity);
    private readonly TokenData _asKeyword = asKeyword.Data;
    public SyntaxToken AsKeyword => Token(_asKeyword);
    private readonly TokenData _severity = severity.Data;
    public SyntaxToken Severity => Token(_severity);
    public override int SlotCount => 2;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => AsKeyword, 1 => Severity, _ => null };
}
