using System.Collections.Immutable;
using VmLang.Diagnostics;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.Binding;

public enum SymbolKind
{
    Template,
    Ruleset,
    Sequence,
    Slot,
}

/// <summary>A named thing declared in the workspace.</summary>
public abstract class Symbol
{
    // Name and tree are read from the syntax or the owner, not stored: a workspace has tens of thousands of slots.
    public string Name => NameToken.Text;

    public abstract SymbolKind Kind { get; }

    public abstract SyntaxTree SyntaxTree { get; }

    /// <summary>The name where it is declared (read from the syntax, not stored: a workspace has many symbols).</summary>
    public abstract SyntaxToken NameToken { get; }

    public Location Location => SyntaxTree.GetLocation(NameToken);

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} {Name}";
}

/// <summary>A template, ruleset or sequence: it holds its declaration and tree, and reads its name from the declaration.</summary>
public abstract class DeclarationSymbol : Symbol
{
    private protected DeclarationSymbol(DeclarationSyntax declaration, SyntaxTree tree)
    {
        Declaration = declaration;
        SyntaxTree = tree;
    }

    public DeclarationSyntax Declaration { get; }

    public override SyntaxTree SyntaxTree { get; }

    public override SyntaxToken NameToken => Declaration.Name;
}

public sealed class TemplateSymbol : DeclarationSymbol
{
    internal TemplateSymbol(TemplateDeclarationSyntax syntax, SyntaxTree tree)
        : base(syntax, tree)
    {
        Channel = syntax.Channel.Kind == SyntaxKind.GatekeeperKeyword ? Channel.Gatekeeper : Channel.Voicemail;
    }

    public override SymbolKind Kind => SymbolKind.Template;

    public TemplateDeclarationSyntax Syntax => (TemplateDeclarationSyntax)Declaration;

    public Channel Channel { get; }

    public ImmutableArray<SlotSymbol> Slots { get; internal set; } = ImmutableArray<SlotSymbol>.Empty;

    /// <summary>The rulesets named by <c>use</c> that exist.</summary>
    public ImmutableArray<RulesetSymbol> Rulesets { get; internal set; } = ImmutableArray<RulesetSymbol>.Empty;

    /// <summary>The <c>max</c> budget in seconds, or null to use the workspace default.</summary>
    public int? MaxSeconds { get; internal set; }

    public ImmutableArray<AllowMemberSyntax> Allows { get; internal set; } = ImmutableArray<AllowMemberSyntax>.Empty;

    /// <summary>The single <c>say</c> block, or null when there is none (VML0107).</summary>
    public BoundSay? Say { get; internal set; }

    public SlotSymbol? FindSlot(string name)
    {
        foreach (var slot in Slots)
        {
            if (slot.Name == name) return slot;
        }
        return null;
    }
}

public sealed class SlotSymbol : Symbol
{
    internal SlotSymbol(SlotMemberSyntax syntax, TemplateSymbol template)
    {
        Syntax = syntax;
        Template = template;
        Role = Role.Find(syntax.Role.Text);
    }

    public override SymbolKind Kind => SymbolKind.Slot;

    public override SyntaxTree SyntaxTree => Template.SyntaxTree;

    public override SyntaxToken NameToken => Syntax.Name;

    public SlotMemberSyntax Syntax { get; }

    public TemplateSymbol Template { get; }

    /// <summary>Null when the role name is unknown (VML0105).</summary>
    public Role? Role { get; }

    public bool IsOptional => Syntax.OptionalKeyword is not null;

    public string? DefaultValue => Syntax.DefaultValue is { Value.IsMissing: false } clause ? clause.Value.ValueText : null;
}

public sealed class RulesetSymbol : DeclarationSymbol
{
    internal RulesetSymbol(RulesetDeclarationSyntax syntax, SyntaxTree tree)
        : base(syntax, tree)
    {
    }

    public override SymbolKind Kind => SymbolKind.Ruleset;

    public RulesetDeclarationSyntax Syntax => (RulesetDeclarationSyntax)Declaration;

    public ImmutableArray<PhraseRule> Rules { get; internal set; } = ImmutableArray<PhraseRule>.Empty;
}

/// <summary>One phrase of a <c>forbid</c> line, or the phrase of a <c>prefer</c> line.</summary>
public sealed record PhraseRule(
    RulesetSymbol Ruleset,
    string Phrase,
    string? Replacement,
    string Reason,
    DiagnosticSeverity Severity,
    SyntaxToken PhraseToken)
{
    public bool IsPrefer => Replacement is not null;
}

public sealed class SequenceSymbol : DeclarationSymbol
{
    internal SequenceSymbol(SequenceDeclarationSyntax syntax, SyntaxTree tree)
        : base(syntax, tree)
    {
    }

    public override SymbolKind Kind => SymbolKind.Sequence;

    public SequenceDeclarationSyntax Syntax => (SequenceDeclarationSyntax)Declaration;

    public ImmutableArray<SequenceStep> Steps { get; internal set; } = ImmutableArray<SequenceStep>.Empty;
}

/// <summary>A <c>day N TEMPLATE</c> line; <see cref="Template"/> is null when the name is unknown.</summary>
public sealed record SequenceStep(int Day, TemplateSymbol? Template, DayStepSyntax Syntax);

/// <summary>A place in a file where a symbol is declared or named.</summary>
public readonly record struct SymbolOccurrence(Symbol Symbol, SyntaxTree SyntaxTree, TextSpan Span, bool IsDeclaration)
{
    public Location Location => SyntaxTree.GetLocation(Span);
}
