using System.Collections.Immutable;
using VmLang.Text;

namespace VmLang.Syntax;

public sealed class CompilationUnitSyntax : SyntaxNode
{
    private readonly TokenData _endOfFile;

    internal CompilationUnitSyntax(ImmutableArray<DeclarationSyntax> declarations, SyntaxToken endOfFile, SourceText source)
    {
        Declarations = declarations;
        _endOfFile = endOfFile.Data;
        Source = source;
    }

    public override SyntaxKind Kind => SyntaxKind.CompilationUnit;
    public ImmutableArray<DeclarationSyntax> Declarations { get; }
    public SyntaxToken EndOfFile => Token(_endOfFile);

    /// <summary>The text the tree was parsed from (the end-of-file token's trivia is read there).</summary>
    internal override SourceText Source { get; }

    public override int SlotCount => Declarations.Length + 1;
    public override SyntaxElement? GetSlot(int index) => index < Declarations.Length ? Declarations[index] : EndOfFile;
}

/// <summary>A top-level, named declaration: template, ruleset or sequence.</summary>
public abstract class DeclarationSyntax : SyntaxNode
{
    private readonly TokenData _keyword;
    private readonly TokenData _name;
    private readonly TokenData _openBrace;
    private readonly TokenData _closeBrace;

    private protected DeclarationSyntax(SyntaxToken keyword, SyntaxToken name, SyntaxToken openBrace, SyntaxToken closeBrace)
    {
        _keyword = keyword.Data;
        _name = name.Data;
        _openBrace = openBrace.Data;
        _closeBrace = closeBrace.Data;
    }

    public SyntaxToken Keyword => Token(_keyword);
    public SyntaxToken Name => Token(_name);
    public SyntaxToken OpenBrace => Token(_openBrace);
    public SyntaxToken CloseBrace => Token(_closeBrace);
    public abstract IEnumerable<SyntaxNode> Body { get; }

    /// <summary>Keyword, name, and for a template `for CHANNEL`; then the brace, the body and the brace.</summary>
    public override int SlotCount => HeaderCount + BodyCount + 2;

    public override SyntaxElement? GetSlot(int index)
    {
        if (index < HeaderCount) return GetHeader(index);
        index -= HeaderCount;
        if (index == 0) return OpenBrace;
        return index <= BodyCount ? GetBody(index - 1) : CloseBrace;
    }

    protected virtual int HeaderCount => 2;

    protected virtual SyntaxElement? GetHeader(int index) => index == 0 ? Keyword : Name;

    protected abstract int BodyCount { get; }

    protected abstract SyntaxNode GetBody(int index);
}

public sealed class TemplateDeclarationSyntax : DeclarationSyntax
{
    public TemplateDeclarationSyntax(SyntaxToken keyword, SyntaxToken name, SyntaxToken forKeyword, SyntaxToken channel,
        SyntaxToken openBrace, ImmutableArray<TemplateMemberSyntax> members, SyntaxToken closeBrace)
        : base(keyword, name, openBrace, closeBrace)
    {
        _forKeyword = forKeyword.Data;
        _channel = channel.Data;
        Source = SourceOf(keyword, name, forKeyword, channel, openBrace, closeBrace);
        Members = members;
    }

    internal override SourceText? Source { get; }

    private readonly TokenData _forKeyword;
    private readonly TokenData _channel;

    public override SyntaxKind Kind => SyntaxKind.TemplateDeclaration;
    public SyntaxToken ForKeyword => Token(_forKeyword);
    /// <summary>`voicemail` or `gatekeeper`.</summary>
    public SyntaxToken Channel => Token(_channel);
    public ImmutableArray<TemplateMemberSyntax> Members { get; }
    public override IEnumerable<SyntaxNode> Body => Members;
    protected override int HeaderCount => 4;
    protected override SyntaxElement? GetHeader(int index) => index switch { 0 => Keyword, 1 => Name, 2 => ForKeyword, _ => Channel };
    protected override int BodyCount => Members.Length;
    protected override SyntaxNode GetBody(int index) => Members[index];
}

public sealed class RulesetDeclarationSyntax : DeclarationSyntax
{
    public RulesetDeclarationSyntax(SyntaxToken keyword, SyntaxToken name, SyntaxToken openBrace,
        ImmutableArray<RuleSyntax> rules, SyntaxToken closeBrace)
        : base(keyword, name, openBrace, closeBrace)
    {
        Rules = rules;
        Source = SourceOf(keyword, name, openBrace, closeBrace);
    }

    internal override SourceText? Source { get; }

    public override SyntaxKind Kind => SyntaxKind.RulesetDeclaration;
    public ImmutableArray<RuleSyntax> Rules { get; }
    public override IEnumerable<SyntaxNode> Body => Rules;
    protected override int BodyCount => Rules.Length;
    protected override SyntaxNode GetBody(int index) => Rules[index];
}

public sealed class SequenceDeclarationSyntax : DeclarationSyntax
{
    public SequenceDeclarationSyntax(SyntaxToken keyword, SyntaxToken name, SyntaxToken openBrace,
        ImmutableArray<DayStepSyntax> steps, SyntaxToken closeBrace)
        : base(keyword, name, openBrace, closeBrace)
    {
        Steps = steps;
        Source = SourceOf(keyword, name, openBrace, closeBrace);
    }

    internal override SourceText? Source { get; }

    public override SyntaxKind Kind => SyntaxKind.SequenceDeclaration;
    public ImmutableArray<DayStepSyntax> Steps { get; }
    public override IEnumerable<SyntaxNode> Body => Steps;
    protected override int BodyCount => Steps.Length;
    protected override SyntaxNode GetBody(int index) => Steps[index];
}

/// <summary>`day N TEMPLATE`.</summary>
public sealed class DayStepSyntax : SyntaxNode
{
    public DayStepSyntax(SyntaxToken keyword, SyntaxToken day, SyntaxToken template)
    {
        _keyword = keyword.Data;
        _day = day.Data;
        _template = template.Data;
        Source = SourceOf(keyword, day, template);
    }

    internal override SourceText? Source { get; }

    private readonly TokenData _keyword;
    private readonly TokenData _day;
    private readonly TokenData _template;

    public override SyntaxKind Kind => SyntaxKind.DayStep;
    public SyntaxToken Keyword => Token(_keyword);
    public SyntaxToken Day => Token(_day);
    public SyntaxToken Template => Token(_template);
    public override int SlotCount => 3;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => Keyword, 1 => Day, 2 => Template, _ => null };
}
