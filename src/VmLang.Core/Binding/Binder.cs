using System.Collections.Immutable;
using VmLang.Diagnostics;
using VmLang.Syntax;

namespace VmLang.Binding;

/// <summary>
/// Binds every tree of a workspace at once: declares the global names, then resolves what each
/// declaration refers to. Records where each symbol is declared and named, for the semantic model.
/// </summary>
internal sealed class Binder
{
    private readonly ImmutableArray<SyntaxTree> _trees;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<string, List<Symbol>> _globals = new(StringComparer.Ordinal);

    // The occurrences of the file being bound: files are bound one at a time, so one builder serves them all.
    private readonly ImmutableArray<SymbolOccurrence>.Builder _occurrences = ImmutableArray.CreateBuilder<SymbolOccurrence>();

    private readonly SayBinder _sayBinder;

    private Binder(ImmutableArray<SyntaxTree> trees)
    {
        _trees = trees;
        _sayBinder = new SayBinder(this);
    }

    public static BoundWorkspace Bind(ImmutableArray<SyntaxTree> trees)
    {
        var binder = new Binder(trees);
        return binder.BindAll();
    }

    private BoundWorkspace BindAll()
    {
        // First every global name, so any file may refer to any other; then each file in turn.
        var templates = new List<TemplateSymbol>();
        var rulesets = new List<RulesetSymbol>();
        var sequences = new List<SequenceSymbol>();
        var declared = new List<Symbol>();
        foreach (var tree in _trees)
        {
            foreach (var declaration in tree.Root.Declarations)
            {
                Symbol symbol = declaration switch
                {
                    TemplateDeclarationSyntax t => Add(templates, new TemplateSymbol(t, tree)),
                    RulesetDeclarationSyntax r => Add(rulesets, new RulesetSymbol(r, tree)),
                    _ => Add(sequences, new SequenceSymbol((SequenceDeclarationSyntax)declaration, tree)),
                };
                declared.Add(symbol);
                if (symbol.NameToken.IsMissing) continue;
                if (!_globals.TryGetValue(symbol.Name, out var sameName)) _globals[symbol.Name] = sameName = [];
                sameName.Add(symbol);
            }
        }
        ReportDuplicateNames();

        var occurrences = new Dictionary<SyntaxTree, ImmutableArray<SymbolOccurrence>>(_trees.Length);
        var next = 0;
        foreach (var tree in _trees)
        {
            for (var end = next + tree.Root.Declarations.Length; next < end; next++)
            {
                var symbol = declared[next];
                if (!symbol.NameToken.IsMissing) Declare(symbol, symbol.NameToken);
                switch (symbol)
                {
                    case TemplateSymbol template: BindTemplate(template); break;
                    case RulesetSymbol ruleset: BindRuleset(ruleset); break;
                    case SequenceSymbol sequence: BindSequence(sequence); break;
                }
            }
            // Declarations come in source order and references follow their declaration's name, so this is nearly sorted.
            if (occurrences.TryGetValue(tree, out var earlier)) _occurrences.AddRange(earlier); // the same tree given twice
            _occurrences.Sort(static (a, b) => a.Span.Start.CompareTo(b.Span.Start));
            occurrences[tree] = _occurrences.ToImmutable();
            _occurrences.Clear();
        }
        return new BoundWorkspace([.. templates], [.. rulesets], [.. sequences], _globals, occurrences, [.. _diagnostics]);
    }

    private static T Add<T>(List<T> list, T item)
    {
        list.Add(item);
        return item;
    }

    private void ReportDuplicateNames()
    {
        foreach (var (name, symbols) in _globals)
        {
            if (symbols.Count < 2) continue;
            foreach (var symbol in symbols)
            {
                var other = symbols.First(s => s != symbol);
                var where = other.Location.LineSpan.Start;
                var otherPlace = $"{DisplayName(other.SyntaxTree)}({where.Line + 1},{where.Character + 1})";
                Report(DiagnosticDescriptors.DuplicateName, symbol.SyntaxTree, symbol.NameToken, name, otherPlace);
            }
        }
    }

    private static string DisplayName(SyntaxTree tree) => Path.GetFileName(tree.FilePath);

    private T? LookUp<T>(string name) where T : Symbol
    {
        if (!_globals.TryGetValue(name, out var symbols)) return null;
        foreach (var symbol in symbols)
        {
            if (symbol is T found) return found;
        }
        return null;
    }

    private void BindRuleset(RulesetSymbol ruleset)
    {
        var rules = ImmutableArray.CreateBuilder<PhraseRule>();
        foreach (var rule in ruleset.Syntax.Rules)
        {
            var severity = rule.Severity?.Severity.Kind switch
            {
                SyntaxKind.ErrorKeyword => DiagnosticSeverity.Error,
                SyntaxKind.InfoKeyword => DiagnosticSeverity.Info,
                _ => DiagnosticSeverity.Warning,
            };
            var reason = rule.Because.Reason.ValueText;
            switch (rule)
            {
                case ForbidRuleSyntax forbid:
                    foreach (var phrase in forbid.Phrases.Where(p => !p.IsMissing))
                    {
                        if (IsBlank(ruleset, phrase)) continue;
                        rules.Add(new PhraseRule(ruleset, phrase.ValueText, null, reason, severity, phrase));
                    }
                    break;
                case PreferRuleSyntax prefer when !prefer.Phrase.IsMissing && !IsBlank(ruleset, prefer.Phrase):
                    rules.Add(new PhraseRule(ruleset, prefer.Phrase.ValueText, prefer.Replacement.ValueText, reason, severity, prefer.Phrase));
                    break;
            }
        }
        ruleset.Rules = rules.ToImmutable();
    }

    /// <summary>A phrase with no words would match nothing; say so rather than drop it.</summary>
    private bool IsBlank(RulesetSymbol ruleset, SyntaxToken phrase)
    {
        if (Rules.Phrases.PhraseText.Normalize(phrase.ValueText).Length > 0) return false;
        Report(DiagnosticDescriptors.SyntaxError, ruleset.SyntaxTree, phrase, "a phrase of at least one word", "an empty phrase");
        return true;
    }

    private void BindTemplate(TemplateSymbol template)
    {
        var tree = template.SyntaxTree;
        var slots = ListBuilder<SlotSymbol>.Rent();
        var rulesets = ListBuilder<RulesetSymbol>.Rent();
        var allows = ListBuilder<AllowMemberSyntax>.Rent();
        var says = ListBuilder<SayMemberSyntax>.Rent();
        foreach (var member in template.Syntax.Members)
        {
            switch (member)
            {
                case SlotMemberSyntax slotSyntax:
                    BindSlot(template, slotSyntax, slots);
                    break;
                case UseMemberSyntax use when !use.Ruleset.IsMissing:
                    if (LookUp<RulesetSymbol>(use.Ruleset.Text) is { } ruleset)
                    {
                        rulesets.Add(ruleset);
                        Reference(ruleset, tree, use.Ruleset);
                    }
                    else
                    {
                        Report(DiagnosticDescriptors.UnknownRuleset, tree, use.Ruleset, use.Ruleset.Text);
                    }
                    break;
                case MaxMemberSyntax { Duration: { IsMissing: false, Value: int seconds } }:
                    template.MaxSeconds = seconds;
                    break;
                case SayMemberSyntax say:
                    says.Add(say);
                    break;
                case AllowMemberSyntax allow:
                    allows.Add(allow);
                    break;
            }
        }
        template.Slots = ListBuilder<SlotSymbol>.ToImmutableAndReturn(slots);
        template.Rulesets = ListBuilder<RulesetSymbol>.ToImmutableAndReturn(rulesets);
        template.Allows = ListBuilder<AllowMemberSyntax>.ToImmutableAndReturn(allows);
        BindAllows(template);

        if (says.Count == 0 && !template.NameToken.IsMissing)
        {
            Report(DiagnosticDescriptors.SayCount, tree, template.NameToken, template.Name, "it has none");
        }
        for (var i = 1; i < says.Count; i++)
        {
            Report(DiagnosticDescriptors.SayCount, tree, says[i].Keyword, template.Name, "this is a second one");
        }
        // A `say` whose text block is missing has a syntax error already; binding it would only report every slot as unsaid.
        if (says.Count > 0 && !says[0].TextBlock.Start.IsMissing)
        {
            template.Say = _sayBinder.Bind(template, says[0]);
        }
        ListBuilder<SayMemberSyntax>.Return(says);
    }

    private void BindSlot(TemplateSymbol template, SlotMemberSyntax syntax, ImmutableArray<SlotSymbol>.Builder slots)
    {
        if (syntax.Name.IsMissing) return;
        var tree = template.SyntaxTree;
        var slot = new SlotSymbol(syntax, template);
        if (IsDeclared(slots, slot.Name))
        {
            Report(DiagnosticDescriptors.DuplicateSlot, tree, syntax.Name, slot.Name, template.Name);
        }
        else
        {
            slots.Add(slot);
            Declare(slot, syntax.Name);
        }
        if (slot.Role is null && !syntax.Role.IsMissing)
        {
            Report(DiagnosticDescriptors.UnknownRole, tree, syntax.Role, syntax.Role.Text, Role.NameList);
        }
    }

    private static bool IsDeclared(ImmutableArray<SlotSymbol>.Builder slots, string name)
    {
        // Indexed: a builder's enumerator is an object, and this runs for every slot of the workspace.
        for (var i = 0; i < slots.Count; i++)
        {
            if (slots[i].Name == name) return true;
        }
        return false;
    }

    private void BindAllows(TemplateSymbol template)
    {
        foreach (var allow in template.Allows)
        {
            if (!allow.Code.IsMissing && !DiagnosticDescriptors.TryGet(allow.Code.Text, out _))
            {
                Report(DiagnosticDescriptors.UnknownAllowCode, template.SyntaxTree, allow.Code, allow.Code.Text);
            }
        }
    }

    private void BindSequence(SequenceSymbol sequence)
    {
        var tree = sequence.SyntaxTree;
        var steps = ImmutableArray.CreateBuilder<SequenceStep>();
        int? previousDay = null;
        foreach (var step in sequence.Syntax.Steps)
        {
            TemplateSymbol? template = null;
            if (!step.Template.IsMissing)
            {
                template = LookUp<TemplateSymbol>(step.Template.Text);
                if (template is null)
                {
                    Report(DiagnosticDescriptors.InvalidSequence, tree, step.Template, sequence.Name, $"there is no template named '{step.Template.Text}'");
                }
                else
                {
                    Reference(template, tree, step.Template);
                }
            }
            if (step.Day is { IsMissing: false, Value: int day })
            {
                if (day < 1)
                {
                    Report(DiagnosticDescriptors.InvalidSequence, tree, step.Day, sequence.Name, "days count from 1");
                }
                else if (previousDay is { } previous && day <= previous)
                {
                    Report(DiagnosticDescriptors.InvalidSequence, tree, step.Day, sequence.Name, $"day {day} is not after day {previous}; days must ascend");
                }
                previousDay = day;
                steps.Add(new SequenceStep(day, template, step));
            }
        }
        sequence.Steps = steps.ToImmutable();
    }

    internal void Declare(Symbol symbol, SyntaxToken name) =>
        _occurrences.Add(new SymbolOccurrence(symbol, symbol.SyntaxTree, name.Span, IsDeclaration: true));

    internal void Reference(Symbol symbol, SyntaxTree tree, SyntaxToken name) =>
        _occurrences.Add(new SymbolOccurrence(symbol, tree, name.Span, IsDeclaration: false));

    internal void Report(DiagnosticDescriptor descriptor, SyntaxTree tree, SyntaxElement at, params object?[] args) =>
        _diagnostics.Add(Diagnostic.Create(descriptor, tree.GetLocation(at), args));
}

/// <summary>
/// Everything the binder found: symbols, where they occur (per file, in source order), and binding
/// diagnostics. Nothing here is changed after binding; plain dictionaries are used because building
/// immutable ones for every keystroke costs more than the binding itself.
/// </summary>
internal sealed record BoundWorkspace(
    ImmutableArray<TemplateSymbol> Templates,
    ImmutableArray<RulesetSymbol> Rulesets,
    ImmutableArray<SequenceSymbol> Sequences,
    IReadOnlyDictionary<string, List<Symbol>> Globals,
    IReadOnlyDictionary<SyntaxTree, ImmutableArray<SymbolOccurrence>> OccurrencesByTree,
    ImmutableArray<Diagnostic> Diagnostics);
