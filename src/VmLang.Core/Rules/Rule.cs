using VmLang.Binding;
using VmLang.Diagnostics;

namespace VmLang.Rules;

/// <summary>
/// A check with one job. Rules see bound templates and sequences, report through the context, and
/// never decide severity or suppression: the compilation applies <c>allow</c> and <c>vmlang.json</c>.
/// </summary>
public abstract class Rule
{
    /// <summary>The codes this rule can report.</summary>
    public abstract IReadOnlyList<DiagnosticDescriptor> Descriptors { get; }
}

public abstract class TemplateRule : Rule
{
    public abstract void Check(TemplateSymbol template, RuleContext context);
}

public abstract class SequenceRule : Rule
{
    public abstract void Check(SequenceSymbol sequence, RuleContext context);
}
