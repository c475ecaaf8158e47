using System.Collections.Immutable;
using VmLang.Binding;
using VmLang.Syntax;

namespace VmLang.Rules;

// What a rule sees of the workspace. Symbols lead to their SyntaxTree, and through it to every other
// declaration of the file, which TemplateFindings does not key on; these views hold the symbol privately
// and hand out only the declaration's own syntax and what was bound from it, so a rule cannot read
// anything its findings are not keyed on.

/// <summary>A template as a rule sees it: its own declaration, slots, say block, and the rulesets it uses.</summary>
public sealed class RuleTemplate
{
    private readonly TemplateSymbol _symbol;
    private ImmutableArray<RuleSlot> _slots;
    private ImmutableArray<RuleRuleset> _rulesets;
    private RuleSay? _say;

    internal RuleTemplate(TemplateSymbol symbol) => _symbol = symbol;

    public string Name => _symbol.Name;

    public SyntaxToken NameToken => _symbol.NameToken;

    public Channel Channel => _symbol.Channel;

    /// <summary>The template's own declaration.</summary>
    public TemplateDeclarationSyntax Syntax => _symbol.Syntax;

    /// <summary>The <c>max</c> budget in seconds, or null to use the workspace default.</summary>
    public int? MaxSeconds => _symbol.MaxSeconds;

    public ImmutableArray<AllowMemberSyntax> Allows => _symbol.Allows;

    public ImmutableArray<RuleSlot> Slots =>
        _slots.IsDefault ? _slots = [.. _symbol.Slots.Select(s => new RuleSlot(s))] : _slots;

    /// <summary>The rulesets named by <c>use</c> that exist.</summary>
    public ImmutableArray<RuleRuleset> Rulesets =>
        _rulesets.IsDefault ? _rulesets = [.. _symbol.Rulesets.Select(r => new RuleRuleset(r))] : _rulesets;

    /// <summary>The single <c>say</c> block, or null when there is none (VML0107).</summary>
    public RuleSay? Say => _say ??= _symbol.Say is { } say ? new RuleSay(say) : null;

    public RuleSlot? FindSlot(string name)
    {
        foreach (var slot in Slots)
        {
            if (slot.Name == name) return slot;
        }
        return null;
    }

    /// <summary>The spoken length estimate of <see cref="SpokenLength.EstimateSeconds"/>.</summary>
    public double EstimateSeconds(Configuration.WorkspaceConfiguration configuration) => SpokenLength.EstimateSeconds(_symbol, configuration);

    /// <summary>The template's <c>max</c>, else the workspace's <c>maxSeconds</c>.</summary>
    public int BudgetSeconds(Configuration.WorkspaceConfiguration configuration) => SpokenLength.BudgetSeconds(_symbol, configuration);

    /// <summary>The fix that adds a slot for <paramref name="role"/> (<see cref="Fixes.AddSlot"/>).</summary>
    public Diagnostics.CodeFix AddSlotFix(Role role) => Fixes.AddSlot(_symbol, role);
}

/// <summary>A slot of a template, as a rule sees it.</summary>
public sealed class RuleSlot
{
    private readonly SlotSymbol _symbol;

    internal RuleSlot(SlotSymbol symbol) => _symbol = symbol;

    public string Name => _symbol.Name;

    public SyntaxToken NameToken => _symbol.NameToken;

    public SlotMemberSyntax Syntax => _symbol.Syntax;

    /// <summary>Null when the role name is unknown (VML0105).</summary>
    public Role? Role => _symbol.Role;

    public bool IsOptional => _symbol.IsOptional;

    public string? DefaultValue => _symbol.DefaultValue;

    // Asked of the slot, so that nothing, not even a rule in this assembly, can get the symbol from a view.
    internal bool IsSaidIn(SaidSlots said, bool unconditionally) =>
        unconditionally ? said.IsSaidUnconditionally(_symbol) : said.IsSaid(_symbol);
}

/// <summary>A template's <c>say</c> block, as a rule sees it: its syntax, its literal text, and which slots it says.</summary>
public sealed class RuleSay
{
    private readonly BoundSay _say;

    internal RuleSay(BoundSay say) => _say = say;

    public SayMemberSyntax Syntax => _say.Syntax;

    /// <summary>The literal text and its sentences.</summary>
    public SayText Text => _say.Text;

    /// <summary>Said at least once outside every <c>if</c>: the message always carries it.</summary>
    public bool IsSaidUnconditionally(RuleSlot slot) => slot.IsSaidIn(_say.SaidSlots, unconditionally: true);

    public bool IsSaid(RuleSlot slot) => slot.IsSaidIn(_say.SaidSlots, unconditionally: false);
}

/// <summary>A ruleset a template uses, as a rule sees it: its own declaration.</summary>
public sealed class RuleRuleset
{
    private readonly RulesetSymbol _symbol;

    internal RuleRuleset(RulesetSymbol symbol) => _symbol = symbol;

    public string Name => _symbol.Name;

    public SyntaxToken NameToken => _symbol.NameToken;

    /// <summary>The ruleset's own declaration: its <c>forbid</c> and <c>prefer</c> lines.</summary>
    public RulesetDeclarationSyntax Syntax => _symbol.Syntax;
}

/// <summary>A sequence as a sequence rule sees it: its declaration and its steps.</summary>
public sealed class RuleSequence
{
    private readonly SequenceSymbol _symbol;
    private ImmutableArray<RuleSequenceStep> _steps;

    internal RuleSequence(SequenceSymbol symbol) => _symbol = symbol;

    public string Name => _symbol.Name;

    public SyntaxToken NameToken => _symbol.NameToken;

    public SequenceDeclarationSyntax Syntax => _symbol.Syntax;

    /// <summary>The <c>day N TEMPLATE</c> lines in order.</summary>
    public ImmutableArray<RuleSequenceStep> Steps =>
        _steps.IsDefault
            ? _steps = [.. _symbol.Steps.Select(s => new RuleSequenceStep(s.Day, s.Template is { } t ? new RuleTemplate(t) : null, s.Syntax))]
            : _steps;
}

/// <summary>A <c>day N TEMPLATE</c> line; <see cref="Template"/> is null when no template has the name.</summary>
public sealed class RuleSequenceStep
{
    internal RuleSequenceStep(int day, RuleTemplate? template, DayStepSyntax syntax)
    {
        Day = day;
        Template = template;
        Syntax = syntax;
    }

    public int Day { get; }

    public RuleTemplate? Template { get; }

    public DayStepSyntax Syntax { get; }
}
