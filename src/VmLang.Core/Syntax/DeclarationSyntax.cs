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

    public override IEnumerable<SyntaxElement?> GetChildren()
    {
        foreach (var declaration in Declarations) yield return declaration;
        yield return EndOfFile;
    }
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

    public override IEnumerable<SyntaxElement?> GetChildren()
    {
        foreach (var element in Header) yield return element;
        yield return OpenBrace;
        foreach (var member in Body) yield return member;
        yield return CloseBrace;
    }

    protected virtual IEnumerable<SyntaxElement?> Header => [Keyword, Name];
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
    protected override IEnumerable<SyntaxElement?> Header => [Keyword, Name, ForKeyword, Channel];
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
    public override IEnumerable<SyntaxElement?> GetChildren() => [Keyword, Day, Template];
}
