using System.Collections.Immutable;
using VmLang.Binding;
using VmLang.Diagnostics;
using VmLang.Syntax;

namespace VmLang.Rules;

/// <summary>
/// Everything a sequence rule may read: the sequence, and through its steps the templates it names, as
/// views (<see cref="RuleSequence"/>, <see cref="RuleTemplate"/>) that reach no tree, compilation or
/// other declaration.
/// </summary>
public sealed class SequenceRuleContext
{
    private readonly SequenceSymbol _sequence;
    private readonly List<Diagnostic> _diagnostics;

    internal SequenceRuleContext(SequenceSymbol sequence, List<Diagnostic> diagnostics)
    {
        _sequence = sequence;
        Sequence = new RuleSequence(sequence);
        _diagnostics = diagnostics;
    }

    public RuleSequence Sequence { get; }

    /// <summary>The <c>day N TEMPLATE</c> lines in order; a step's template is null when no template has its name.</summary>
    public ImmutableArray<RuleSequenceStep> Steps => Sequence.Steps;

    public Location LocationOf(SyntaxElement element) => _sequence.SyntaxTree.GetLocation(element);

    public void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);
}
