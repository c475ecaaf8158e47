using VmLang.Binding;
using VmLang.Diagnostics;

namespace VmLang.Rules;

/// <summary>VML0208: voicemails on consecutive days read as stalking; leave at least a day between them.</summary>
public sealed class StepsTooCloseRule : SequenceRule
{
    public override IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticDescriptors.StepsTooClose];

    public override void Check(SequenceRuleContext context)
    {
        RuleSequenceStep? previous = null;
        foreach (var step in context.Steps.Where(s => s.Template?.Channel == Channel.Voicemail))
        {
            // A day that does not ascend is VML0108 already.
            if (previous is not null && step.Day - previous.Day == 1)
            {
                context.Report(DiagnosticDescriptors.StepsTooClose.Create(context.LocationOf(step.Syntax.Day), earlierDay: previous.Day, laterDay: step.Day));
            }
            previous = step;
        }
    }
}
