using System.Collections.Immutable;
using VmLang.Diagnostics;
using VmLang.Syntax;

namespace VmLang.Binding;

internal sealed partial class Binder
{
    /// <summary>
    /// The binding of a workspace edited from <paramref name="earlier"/> when it has the same files in the
    /// same order and every changed file declares the same names as before (a keystroke, nearly always):
    /// then the global names are the same, so the work is the changed files' and their dependents', not
    /// the workspace's. The rebound files' symbols are laid over the earlier name table
    /// (<see cref="LayeredNames"/>), which is not copied; the rest is what <see cref="BindAll"/> gives. Null when the edit is of another shape.
    /// </summary>
    private BoundWorkspace? TryBindEdited(BoundWorkspace earlier)
    {
        var before = earlier.SyntaxTrees;
        // A tree given twice is bound by the general path, which merges its two bindings.
        if (before.Length != _trees.Length || earlier.Trees.Count != before.Length) return null;
        var kept = new HashSet<SyntaxTree>(_trees.Length);
        var changed = new HashSet<SyntaxTree>();
        for (var i = 0; i < _trees.Length; i++)
        {
            var tree = _trees[i];
            if (tree == before[i])
            {
                kept.Add(tree);
                continue;
            }
            if (tree.FilePath != before[i].FilePath || earlier.Trees.ContainsKey(tree) || !changed.Add(tree)
                || !BindingReuse.SameDeclaredNames(before[i], tree))
            {
                return null;
            }
        }
        BindingReuse.DropDependents(kept, earlier);

        // Same names in the same places: each list of the name table is the earlier one, with the symbols of
        // rebound files (new objects) in the places of their earlier selves.
        var globals = LayeredNames.Over(earlier.Globals);
        _globals = globals;
        var declaredByTree = new ImmutableArray<Symbol>[_trees.Length];
        for (var i = 0; i < _trees.Length; i++)
        {
            var tree = _trees[i];
            var earlierDeclared = earlier.Trees[before[i]].Declared;
            if (kept.Contains(tree))
            {
                declaredByTree[i] = earlierDeclared;
                continue;
            }
            var declared = DeclareSymbols(tree);
            declaredByTree[i] = declared;
            for (var j = 0; j < declared.Length; j++)
            {
                if (earlierDeclared[j].NameToken.IsMissing) continue;
                var name = earlierDeclared[j].Name;
                var symbols = new List<Symbol>(_globals[name]);
                symbols[symbols.IndexOf(earlierDeclared[j])] = declared[j];
                globals.Set(name, symbols);
            }
        }
        foreach (var name in earlier.DuplicateNames) ReportDuplicates(name, _globals[name]);

        var templates = ImmutableArray.CreateBuilder<TemplateSymbol>(earlier.Templates.Length);
        var rulesets = ImmutableArray.CreateBuilder<RulesetSymbol>(earlier.Rulesets.Length);
        var sequences = ImmutableArray.CreateBuilder<SequenceSymbol>(earlier.Sequences.Length);
        var diagnostics = new List<Diagnostic>(_workspaceDiagnostics);
        var boundTrees = new Dictionary<SyntaxTree, BoundTree>(_trees.Length);
        for (var i = 0; i < _trees.Length; i++)
        {
            var tree = _trees[i];
            foreach (var symbol in declaredByTree[i])
            {
                switch (symbol)
                {
                    case TemplateSymbol template: templates.Add(template); break;
                    case RulesetSymbol ruleset: rulesets.Add(ruleset); break;
                    default: sequences.Add((SequenceSymbol)symbol); break;
                }
            }
            var bound = kept.Contains(tree) ? earlier.Trees[tree] : BindTree(tree, declaredByTree[i]);
            boundTrees[tree] = bound;
            diagnostics.AddRange(bound.Diagnostics);
        }
        return new BoundWorkspace(templates.DrainToImmutable(), rulesets.DrainToImmutable(), sequences.DrainToImmutable(), _globals, boundTrees,
            [.. diagnostics], earlier.Names, _trees, earlier.DuplicateNames);
    }
}
