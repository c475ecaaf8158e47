using VmLang.Binding;
using VmLang.Diagnostics;

namespace VmLang.Rules;

/// <summary>VML0201: a role the channel requires has no slot at all.</summary>
public sealed class MissingRoleRule : TemplateRule
{
    public override IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticDescriptors.MissingRole];

    public override void Check(TemplateRuleContext context)
    {
        var template = context.Template;
        if (template.NameToken.IsMissing) return;
        var slots = template.Slots;
        foreach (var slot in slots)
        {
            // A slot whose role is misspelled (VML0105) is most likely the missing role; wait for that fix.
            if (slot.Role is null) return;
        }
        foreach (var role in Role.All)
        {
            if (!role.IsRequiredIn(template.Channel) || HasSlotFor(slots, role)) continue;
            var channel = template.Channel.ToString().ToLowerInvariant();
            var diagnostic = DiagnosticDescriptors.MissingRole.Create(context.LocationOf(template.NameToken),
                templateName: template.Name, role: role.Name, channel: channel, purpose: role.Purpose);
            context.Report(diagnostic with { Fixes = [template.AddSlotFix(role)] });
        }
    }

    private static bool HasSlotFor(System.Collections.Immutable.ImmutableArray<RuleSlot> slots, Role role)
    {
        foreach (var slot in slots)
        {
            if (slot.Role == role) return true;
        }
        return false;
    }
}
