using System.Collections.Immutable;

namespace VmLang.Syntax;

public sealed class CompilationUnitSyntax : SyntaxNode
{
    public CompilationUnitSyntax(ImmutableArray<DeclarationSyntax> declarations, SyntaxToken endOfFile)
    {
        Declarations = declarations;
        EndOfFile = endOfFile;
    }

    public override SyntaxKind Kind => SyntaxKind.CompilationUnit;
    public ImmutableArray<DeclarationSyntax> Declarations { get; }
    public SyntaxToken EndOfFile { get; }

    public override int SlotCount => Declarations.Length + 1;
    public override SyntaxElement? GetSlot(int index) => index < Declarations.Length ? Declarations[index] : EndOfFile;
}

/// <summary>A top-level, named declaration: template, ruleset or sequence.</summary>
public abstract class DeclarationSyntax : SyntaxNode
{
    protected DeclarationSyntax(SyntaxToken keyword, SyntaxToken name, SyntaxToken openBrace, SyntaxToken closeBrace)
    {
        Keyword = keyword;
        Name = name;
        OpenBrace = openBrace;
        CloseBrace = closeBrace;
    }

    public SyntaxToken Keyword { get; }
    public SyntaxToken Name { get; }
    public SyntaxToken OpenBrace { get; }
    public SyntaxToken CloseBrace { get; }
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
        ForKeyword = forKeyword;
        Channel = channel;
        Members = members;
    }

    public override SyntaxKind Kind => SyntaxKind.TemplateDeclaration;
    public SyntaxToken ForKeyword { get; }
    /// <summary>`voicemail` or `gatekeeper`.</summary>
    public SyntaxToken Channel { get; }
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
    }

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
    }

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
        Keyword = keyword;
        Day = day;
        Template = template;
    }

    public override SyntaxKind Kind => SyntaxKind.DayStep;
    public SyntaxToken Keyword { get; }
    public SyntaxToken Day { get; }
    public SyntaxToken Template { get; }
    public override int SlotCount => 3;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => Keyword, 1 => Day, 2 => Template, _ => null };
}
