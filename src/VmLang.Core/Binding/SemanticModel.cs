using System.Collections.Immutable;
using VmLang.Syntax;

namespace VmLang.Binding;

/// <summary>Answers questions about one file of a compilation: what is at this offset, where is it used.</summary>
public sealed class SemanticModel
{
    internal SemanticModel(Compilation compilation, SyntaxTree tree)
    {
        Compilation = compilation;
        SyntaxTree = tree;
    }

    public Compilation Compilation { get; }

    public SyntaxTree SyntaxTree { get; }

    /// <summary>The declaration or reference under the caret; a caret just after a name still finds it.</summary>
    public SymbolOccurrence? GetOccurrenceAt(int position)
    {
        var occurrences = Compilation.GetOccurrences(SyntaxTree);
        SymbolOccurrence? touching = null;
        foreach (var occurrence in occurrences)
        {
            if (occurrence.Span.Contains(position)) return occurrence;
            if (occurrence.Span.Touches(position)) touching = occurrence;
            if (occurrence.Span.Start > position) break;
        }
        return touching;
    }

    public Symbol? GetSymbolAt(int position) => GetOccurrenceAt(position)?.Symbol;

    /// <summary>Where the symbol is declared and every place that names it, across the workspace.</summary>
    public ImmutableArray<SymbolOccurrence> FindOccurrences(Symbol symbol) => [.. Compilation.GetOccurrences(symbol)];

    /// <summary>The template whose text holds the position; at the boundary between two, the one that starts there.</summary>
    public TemplateSymbol? GetEnclosingTemplate(int position) =>
        Compilation.GetTemplateAt(SyntaxTree.Text, position)
        ?? (position > 0 ? Compilation.GetTemplateAt(SyntaxTree.Text, position - 1) : null);

    /// <summary>The file's diagnostics; while the workspace's are not computed, found for this file alone.</summary>
    public ImmutableArray<Diagnostics.Diagnostic> GetDiagnostics() => Compilation.GetDiagnostics(SyntaxTree);
}
