using System.Collections.Immutable;
using VmLang.Binding;
using VmLang.Diagnostics;
using VmLang.Syntax;

namespace VmLang.Rules;

/// <summary>Everything a sequence rule may read: the sequence, and through its steps the templates it names.</summary>
public sealed class SequenceRuleContext
{
    private readonly List<Diagnostic> _diagnostics;

    internal SequenceRuleContext(SequenceSymbol sequence, List<Diagnostic> diagnostics)
    {
        Sequence = sequence;
        _diagnostics = diagnostics;
    }

    public SequenceSymbol Sequence { get; }

    /// <summary>The <c>day N TEMPLATE</c> lines in order; a step's template is null when no template has its name.</summary>
    public ImmutableArray<SequenceStep> Steps => Sequence.Steps;

    public Location LocationOf(SyntaxElement element) => Sequence.SyntaxTree.GetLocation(element);

    public void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);
}
