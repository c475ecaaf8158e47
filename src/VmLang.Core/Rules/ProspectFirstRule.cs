using VmLang.Binding;
using VmLang.Diagnostics;

namespace VmLang.Rules;

/// <summary>VML0205: the prospect's name belongs in the first sentence, so they know the message is for them.</summary>
public sealed class ProspectFirstRule : TemplateRule
{
    public override IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticDescriptors.ProspectNotFirst];

    public override void Check(TemplateRuleContext context)
    {
        var template = context.Template;
        if (template.Say is null) return;
        var prospects = template.Slots.Where(s => s.Role == Role.Prospect).ToList();
        if (prospects.Count == 0) return;
        var said = template.Say;
        // A prospect never said at all is VML0202's business.
        if (!prospects.Any(said.IsSaid)) return;

        var first = template.Say.Text.Sentences.FirstOrDefault();
        var namedFirst = first is not null && first.SaidPaths.Any(p => template.FindSlot(p.Slot.Text)?.Role == Role.Prospect);
        if (namedFirst) return;
        var slot = prospects[0];
        context.Report(DiagnosticDescriptors.ProspectNotFirst.Create(context.LocationOf(slot.NameToken), slot.Name));
    }
}
