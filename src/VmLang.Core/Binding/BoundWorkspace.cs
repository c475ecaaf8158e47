using System.Collections.Immutable;
using VmLang.Diagnostics;
using VmLang.Syntax;

namespace VmLang.Binding;

/// <summary>
/// Everything the binder found: symbols, where they occur (per file, in source order), and binding
/// diagnostics; also the trees it bound, in order, and the names declared more than once, for the
/// binding of the next edit. Nothing here is changed after binding; plain dictionaries are used because building
/// immutable ones for every keystroke costs more than the binding itself.
/// </summary>
internal sealed record BoundWorkspace(
    ImmutableArray<TemplateSymbol> Templates,
    ImmutableArray<RulesetSymbol> Rulesets,
    ImmutableArray<SequenceSymbol> Sequences,
    IReadOnlyDictionary<string, List<Symbol>> Globals,
    IReadOnlyDictionary<SyntaxTree, BoundTree> Trees,
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<DeclaredName> Names,
    ImmutableArray<SyntaxTree> SyntaxTrees,
    ImmutableArray<string> DuplicateNames)
{
    /// <summary>The first symbol of kind <typeparamref name="T"/> declared as <paramref name="name"/>.</summary>
    public T? LookUp<T>(string name) where T : Symbol => LookUp<T>(Globals, name);

    /// <summary>As the instance method, over the global names while the binder is still collecting them.</summary>
    internal static T? LookUp<T>(IReadOnlyDictionary<string, List<Symbol>> globals, string name) where T : Symbol
    {
        if (!globals.TryGetValue(name, out var symbols)) return null;
        foreach (var symbol in symbols)
        {
            if (symbol is T found) return found;
        }
        return null;
    }
}

/// <summary>
/// What binding found in one file: the symbols of its declarations, where symbols occur in it, its
/// binding diagnostics (duplicate names, which involve other files, are the workspace's), and the other
/// files whose symbols it names.
/// </summary>
internal sealed record BoundTree(
    ImmutableArray<Symbol> Declared,
    ImmutableArray<SymbolOccurrence> Occurrences,
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<SyntaxTree> ReferencedTrees)
{
    public BoundTree Merge(BoundTree other) => new(
        [.. Declared, .. other.Declared],
        [.. Occurrences.Concat(other.Occurrences).OrderBy(o => o.Span.Start)],
        [.. Diagnostics, .. other.Diagnostics],
        [.. ReferencedTrees.Union(other.ReferencedTrees)]);
}

/// <summary>One declaration's kind and name, or (as a compilation unit and its path) the start of a file, in workspace order.</summary>
internal readonly record struct DeclaredName(SyntaxKind Kind, string Name);

/// <summary>
/// Which files of an edited workspace keep what binding found in them last time. A file's binding
/// depends on its own text and on the symbols its names resolve to. So it is kept when the file is
/// unchanged, every declared name of the workspace is the same (so each name still resolves to the
/// same place, or to nothing), and no symbol it names is in a file that is bound again (those are new
/// objects, and the kept binding would point at the old ones).
/// </summary>
internal static class BindingReuse
{
    public static ImmutableArray<DeclaredName> DeclaredNames(ImmutableArray<SyntaxTree> trees)
    {
        // Sized up front: a workspace declares thousands of names, and a growing builder copies them each time it doubles.
        var count = 0;
        foreach (var tree in trees) count += 1 + tree.Root.Declarations.Length;
        var names = ImmutableArray.CreateBuilder<DeclaredName>(count);
        foreach (var tree in trees)
        {
            names.Add(new DeclaredName(SyntaxKind.CompilationUnit, tree.FilePath));
            foreach (var declaration in tree.Root.Declarations) names.Add(new DeclaredName(declaration.Kind, declaration.Name.Text));
        }
        return names.MoveToImmutable();
    }

    public static HashSet<SyntaxTree> KeptTrees(ImmutableArray<SyntaxTree> trees, ImmutableArray<DeclaredName> names, BoundWorkspace? earlier)
    {
        var kept = new HashSet<SyntaxTree>();
        if (earlier is null || !earlier.Names.AsSpan().SequenceEqual(names.AsSpan())) return kept;
        foreach (var tree in trees)
        {
            // A tree given twice is bound afresh: its two bindings are merged, and a merged one cannot be split again.
            if (earlier.Trees.ContainsKey(tree) && !kept.Add(tree)) return [];
        }
        DropDependents(kept, earlier);
        return kept;
    }

    /// <summary>Drops from <paramref name="kept"/> every tree that names a symbol of a tree not kept, until none does.</summary>
    public static void DropDependents(HashSet<SyntaxTree> kept, BoundWorkspace earlier)
    {
        bool dropped;
        do
        {
            dropped = kept.RemoveWhere(tree => earlier.Trees[tree].ReferencedTrees.Any(other => !kept.Contains(other))) > 0;
        }
        while (dropped);
    }

    /// <summary>Whether two versions of a file declare the same kinds and names, in the same order.</summary>
    public static bool SameDeclaredNames(SyntaxTree before, SyntaxTree after)
    {
        var a = before.Root.Declarations;
        var b = after.Root.Declarations;
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i].Kind != b[i].Kind || !string.Equals(a[i].Name.Text, b[i].Name.Text, StringComparison.Ordinal)) return false;
        }
        return true;
    }
}
