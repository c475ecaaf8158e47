using VmLang.Diagnostics;

namespace VmLang.Rules;

/// <summary>VML0204: the estimated spoken length is over the template's <c>max</c> (or the workspace's).</summary>
public sealed class TooLongRule : TemplateRule
{
    public override IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticDescriptors.TooLong];

    public override void Check(TemplateRuleContext context)
    {
        var template = context.Template;
        if (template.Say is null || template.NameToken.IsMissing) return;
        var seconds = template.EstimateSeconds(context.Configuration);
        var budget = template.BudgetSeconds(context.Configuration);
        if (seconds <= budget) return;
        context.Report(DiagnosticDescriptors.TooLong.Create(context.LocationOf(template.NameToken), SpokenLength.Format(seconds), budgetSeconds: budget));
    }
}
