using System.Collections.Immutable;
using VmLang.Diagnostics;
using VmLang.Syntax;

namespace VmLang.Binding;

/// <summary>
/// Binds every tree of a workspace at once: declares the global names, then resolves what each
/// declaration refers to. Records where each symbol is declared and named, for the semantic model.
/// Given the workspace it was edited from, it keeps what it found in the files it may (see
/// <see cref="BindingReuse"/>) and binds only the others.
/// </summary>
internal sealed partial class Binder
{
    private readonly ImmutableArray<SyntaxTree> _trees;
    // Not readonly: an edited binding lays its files' names over the earlier workspace's table (Binder.Edited).
    private IReadOnlyDictionary<string, List<Symbol>> _globals;

    // Diagnostics and occurrences go to the file being bound (or to the workspace's own list, for
    // duplicate names). Files are bound in parallel, each worker with a binder of its own that shares the
    // global names (only read by then) and binds its files one at a time, so one set of builders serves them.
    private readonly List<Diagnostic> _workspaceDiagnostics = [];
    private List<Diagnostic> _diagnostics;
    private readonly ImmutableArray<SymbolOccurrence>.Builder _occurrences = ImmutableArray.CreateBuilder<SymbolOccurrence>();
    private readonly HashSet<SyntaxTree> _referencedTrees = [];
    private SyntaxTree? _currentTree;

    private readonly SayBinder _sayBinder;

    private Binder(ImmutableArray<SyntaxTree> trees, IReadOnlyDictionary<string, List<Symbol>>? globals = null)
    {
        _trees = trees;
        _globals = globals ?? new Dictionary<string, List<Symbol>>(StringComparer.Ordinal);
        _diagnostics = _workspaceDiagnostics;
        _sayBinder = new SayBinder(this);
    }

    /// <param name="earlier">The binding of the workspace this one was edited from, if any.</param>
    public static BoundWorkspace Bind(ImmutableArray<SyntaxTree> trees, BoundWorkspace? earlier = null)
    {
        var binder = new Binder(trees);
        return binder.BindAll(earlier);
    }

    private BoundWorkspace BindAll(BoundWorkspace? earlier)
    {
        if (earlier is not null && TryBindEdited(earlier) is { } edited) return edited;
        var names = BindingReuse.DeclaredNames(_trees);
        var kept = BindingReuse.KeptTrees(_trees, names, earlier);

        // First every global name, so any file may refer to any other; then each file in turn.
        var templates = new List<TemplateSymbol>();
        var rulesets = new List<RulesetSymbol>();
        var sequences = new List<SequenceSymbol>();
        var declaredByTree = new ImmutableArray<Symbol>[_trees.Length];
        var globals = new Dictionary<string, List<Symbol>>(StringComparer.Ordinal);
        _globals = globals;
        for (var i = 0; i < _trees.Length; i++)
        {
            var tree = _trees[i];
            var declared = kept.Contains(tree) ? earlier!.Trees[tree].Declared : DeclareSymbols(tree);
            declaredByTree[i] = declared;
            foreach (var symbol in declared)
            {
                switch (symbol)
                {
                    case TemplateSymbol template: templates.Add(template); break;
                    case RulesetSymbol ruleset: rulesets.Add(ruleset); break;
                    default: sequences.Add((SequenceSymbol)symbol); break;
                }
                if (symbol.NameToken.IsMissing) continue;
                if (!globals.TryGetValue(symbol.Name, out var sameName)) globals[symbol.Name] = sameName = [];
                sameName.Add(symbol);
            }
        }
        var duplicateNames = ReportDuplicateNames();

        // Binding a file reads the global names and writes only to its own symbols, so files bind independently.
        var boundByIndex = new BoundTree[_trees.Length];
        Parallel.For(0, _trees.Length, ParallelWork.Options, () => new Binder(_trees, _globals), (i, _, binder) =>
        {
            var tree = _trees[i];
            boundByIndex[i] = kept.Contains(tree) ? earlier!.Trees[tree] : binder.BindTree(tree, declaredByTree[i]);
            return binder;
        }, _ => { });

        var diagnostics = new List<Diagnostic>(_workspaceDiagnostics);
        var boundTrees = new Dictionary<SyntaxTree, BoundTree>(_trees.Length);
        for (var i = 0; i < _trees.Length; i++)
        {
            var tree = _trees[i];
            var bound = boundByIndex[i];
            // The same tree given twice is bound twice, as two files that happen to be alike.
            if (boundTrees.TryGetValue(tree, out var first)) bound = first.Merge(bound);
            boundTrees[tree] = bound;
            diagnostics.AddRange(bound.Diagnostics);
        }
        return new BoundWorkspace([.. templates], [.. rulesets], [.. sequences], _globals, boundTrees, [.. diagnostics], names, _trees, duplicateNames);
    }

    private static ImmutableArray<Symbol> DeclareSymbols(SyntaxTree tree)
    {
        var declarations = tree.Root.Declarations;
        var symbols = new Symbol[declarations.Length];
        for (var i = 0; i < symbols.Length; i++)
        {
            symbols[i] = declarations[i] switch
            {
                TemplateDeclarationSyntax t => new TemplateSymbol(t, tree),
                RulesetDeclarationSyntax r => new RulesetSymbol(r, tree),
                var other => new SequenceSymbol((SequenceDeclarationSyntax)other, tree),
            };
        }
        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(symbols);
    }

    private BoundTree BindTree(SyntaxTree tree, ImmutableArray<Symbol> declared)
    {
        _currentTree = tree;
        _diagnostics = [];
        foreach (var symbol in declared)
        {
            if (!symbol.NameToken.IsMissing) Declare(symbol, symbol.NameToken);
            switch (symbol)
            {
                case TemplateSymbol template: BindTemplate(template); break;
                case RulesetSymbol ruleset: BindRuleset(ruleset); break;
                case SequenceSymbol sequence: BindSequence(sequence); break;
            }
        }
        // Declarations come in source order and references follow their declaration's name, so this is nearly sorted.
        OccurrenceOrder.SortByStart(_occurrences);
        var bound = new BoundTree(declared, _occurrences.ToImmutable(), [.. _diagnostics], [.. _referencedTrees]);
        _occurrences.Clear();
        _referencedTrees.Clear();
        _diagnostics = _workspaceDiagnostics;
        _currentTree = null;
        return bound;
    }

    /// <summary>Reports every name declared more than once, and returns those names.</summary>
    private ImmutableArray<string> ReportDuplicateNames()
    {
        var duplicates = ImmutableArray.CreateBuilder<string>();
        foreach (var (name, symbols) in _globals)
        {
            if (symbols.Count < 2) continue;
            duplicates.Add(name);
            ReportDuplicates(name, symbols);
        }
        return duplicates.ToImmutable();
    }

    private void ReportDuplicates(string name, List<Symbol> symbols)
    {
        foreach (var symbol in symbols)
        {
            var other = symbols.First(s => s != symbol);
            var where = other.Location.LineSpan.Start;
            var otherPlace = $"{DisplayName(other.SyntaxTree)}({where.Line + 1},{where.Character + 1})";
            Report(DiagnosticDescriptors.DuplicateName.Create(symbol.SyntaxTree.GetLocation(symbol.NameToken), name, otherPlace));
        }
    }

    private static string DisplayName(SyntaxTree tree) => Path.GetFileName(tree.FilePath);

    private T? LookUp<T>(string name) where T : Symbol => BoundWorkspace.LookUp<T>(_globals, name);

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
        Report(DiagnosticDescriptors.SyntaxError.Create(ruleset.SyntaxTree.GetLocation(phrase), expected: "a phrase of at least one word", found: "an empty phrase"));
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
                        Report(DiagnosticDescriptors.UnknownRuleset.Create(tree.GetLocation(use.Ruleset), use.Ruleset.Text));
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
            Report(DiagnosticDescriptors.SayCount.Create(tree.GetLocation(template.NameToken), template.Name, problem: "it has none"));
        }
        for (var i = 1; i < says.Count; i++)
        {
            Report(DiagnosticDescriptors.SayCount.Create(tree.GetLocation(says[i].Keyword), template.Name, problem: "this is a second one"));
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
            Report(DiagnosticDescriptors.DuplicateSlot.Create(tree.GetLocation(syntax.Name), templateName: template.Name, slotName: slot.Name));
        }
        else
        {
            slots.Add(slot);
            Declare(slot, syntax.Name);
        }
        if (slot.Role is null && !syntax.Role.IsMissing)
        {
            Report(DiagnosticDescriptors.UnknownRole.Create(tree.GetLocation(syntax.Role), role: syntax.Role.Text, roles: Role.NameList));
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
                Report(DiagnosticDescriptors.UnknownAllowCode.Create(template.SyntaxTree.GetLocation(allow.Code), allow.Code.Text));
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
                    Report(DiagnosticDescriptors.InvalidSequence.Create(tree.GetLocation(step.Template), sequence.Name, problem: $"there is no template named '{step.Template.Text}'"));
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
                    Report(DiagnosticDescriptors.InvalidSequence.Create(tree.GetLocation(step.Day), sequence.Name, problem: "days count from 1"));
                }
                else if (previousDay is { } previous && day <= previous)
                {
                    Report(DiagnosticDescriptors.InvalidSequence.Create(tree.GetLocation(step.Day), sequence.Name, problem: $"day {day} is not after day {previous}; days must ascend"));
                }
                previousDay = day;
                steps.Add(new SequenceStep(day, template, step));
            }
        }
        sequence.Steps = steps.ToImmutable();
    }

    internal void Declare(Symbol symbol, SyntaxToken name) =>
        _occurrences.Add(new SymbolOccurrence(symbol, symbol.SyntaxTree, name.Span, IsDeclaration: true));

    internal void Reference(Symbol symbol, SyntaxTree tree, SyntaxToken name)
    {
        _occurrences.Add(new SymbolOccurrence(symbol, tree, name.Span, IsDeclaration: false));
        if (symbol.SyntaxTree != _currentTree) _referencedTrees.Add(symbol.SyntaxTree);
    }

    internal void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);
}
