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
        // A slot whose role is misspelled (VML0105) is most likely the missing role; wait for that fix.
        if (template.NameToken.IsMissing || template.Slots.Any(s => s.Role is null)) return;
        foreach (var role in Role.All.Where(r => r.IsRequiredIn(template.Channel)))
        {
            if (template.Slots.Any(s => s.Role == role)) continue;
            var channel = template.Channel.ToString().ToLowerInvariant();
            var diagnostic = DiagnosticDescriptors.MissingRole.Create(context.LocationOf(template.NameToken),
                templateName: template.Name, role: role.Name, channel: channel, purpose: role.Purpose);
            context.Report(diagnostic with { Fixes = [template.AddSlotFix(role)] });
        }
    }
}
