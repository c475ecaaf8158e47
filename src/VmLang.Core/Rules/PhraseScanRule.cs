using VmLang.Diagnostics;
using VmLang.Text;

namespace VmLang.Rules;

/// <summary>
/// VML1001–VML1005 and VML1100 over the literal text of a template's say block. Every phrase is in the
/// one automaton (built once for a configuration and its rulesets), so a template is scanned once for all of them.
/// </summary>
public sealed class PhraseScanRule : TemplateRule
{
    public override IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } =
        [.. RuleCatalog.BuiltInPhraseRules.Select(r => r.Descriptor), DiagnosticDescriptors.RulesetPhrase];

    public override void Check(TemplateRuleContext context)
    {
        var template = context.Template;
        if (template.Say is null) return;
        foreach (var hit in context.FindPhrases(template.Say))
        {
            var location = context.LocationOf(new TextSpan(hit.Start, hit.Length));
            var diagnostic = hit.CreateDiagnostic(location);
            if (hit.Replacement is { } replacement)
            {
                diagnostic = diagnostic with { Fixes = [Fixes.ReplacePhrase(location, replacement)] };
            }
            context.Report(diagnostic);
        }
    }
}
