using VmLang.Binding;
using VmLang.Diagnostics;
using VmLang.Syntax;

namespace VmLang.Rules;

/// <summary>VML0206: a gatekeeper message that pitches (says a reason or benefit) instead of asking for voicemail.</summary>
public sealed class GatekeeperPitchRule : TemplateRule
{
    public override IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticDescriptors.GatekeeperPitch];

    public override void Check(TemplateRuleContext context)
    {
        var template = context.Template;
        if (template.Channel != Channel.Gatekeeper || template.Say is null) return;
        foreach (var hole in template.Say.Syntax.TextBlock.Parts.OfType<ExpressionHoleSyntax>())
        {
            if (hole.Expression.Primary is not PathSyntax path) continue;
            if (template.FindSlot(path.Slot.Text) is { Role: { } role } slot && (role == Role.Reason || role == Role.Benefit))
            {
                context.Report(DiagnosticDescriptors.GatekeeperPitch.Create(context.LocationOf(path), role: role.Name, slotName: slot.Name));
            }
        }
    }
}
