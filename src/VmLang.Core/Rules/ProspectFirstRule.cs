using VmLang.Binding;
using VmLang.Diagnostics;
using VmLang.Syntax;

namespace VmLang.Rules;

/// <summary>VML0205: the prospect's name belongs in the first sentence, so they know the message is for them.</summary>
public sealed class ProspectFirstRule : TemplateRule
{
    public override IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticDescriptors.ProspectNotFirst];

    public override void Check(TemplateRuleContext context)
    {
        var template = context.Template;
        if (template.Say is not { } said) return;
        RuleSlot? prospect = null;
        var saidAtAll = false;
        foreach (var slot in template.Slots)
        {
            if (slot.Role != Role.Prospect) continue;
            prospect ??= slot;
            saidAtAll |= said.IsSaid(slot);
        }
        // A prospect never said at all is VML0202's business.
        if (prospect is null || !saidAtAll) return;

        if (said.Text.FirstSentence is { } first)
        {
            foreach (var hole in first.Holes)
            {
                if (hole is ExpressionHoleSyntax { Expression.Primary: PathSyntax path } && template.FindSlot(path.Slot.Text)?.Role == Role.Prospect) return;
            }
        }
        context.Report(DiagnosticDescriptors.ProspectNotFirst.Create(context.LocationOf(prospect.NameToken), prospect.Name));
    }
}
