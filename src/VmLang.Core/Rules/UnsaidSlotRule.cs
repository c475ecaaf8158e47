using VmLang.Diagnostics;

namespace VmLang.Rules;

/// <summary>
/// VML0202 and VML0203. A slot must be said outside every <c>if</c> when it is not optional, or when it
/// is the only kind of value its required role could be carried by; an optional slot should be said somewhere.
/// </summary>
public sealed class UnsaidSlotRule : TemplateRule
{
    public override IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticDescriptors.RequiredSlotNotSaid, DiagnosticDescriptors.OptionalSlotNotSaid];

    public override void Check(TemplateRuleContext context)
    {
        var template = context.Template;
        if (template.Say is null) return; // VML0107 already says what is wrong.
        var said = template.Say;
        foreach (var slot in template.Slots)
        {
            if (said.IsSaidUnconditionally(slot)) continue;
            var roleStillUnsaid = slot.Role is { } role && role.IsRequiredIn(template.Channel)
                && !template.Slots.Any(other => other.Role == role && said.IsSaidUnconditionally(other));
            if (!slot.IsOptional || roleStillUnsaid)
            {
                var how = said.IsSaid(slot) ? "is said only inside an 'if'" : "is never said";
                context.Report(DiagnosticDescriptors.RequiredSlotNotSaid.Create(context.LocationOf(slot.NameToken),
                    slotName: slot.Name, role: slot.Role?.Name ?? slot.Syntax.Role.Text, how: how));
            }
            else if (!said.IsSaid(slot))
            {
                context.Report(DiagnosticDescriptors.OptionalSlotNotSaid.Create(context.LocationOf(slot.NameToken), slot.Name));
            }
        }
    }
}
