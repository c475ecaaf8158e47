using System.Collections.Immutable;
using VmLang.Binding;
using VmLang.Diagnostics;
using VmLang.Text;

namespace VmLang.Rules;

/// <summary>VML1001–VML1005 and VML1100 over the literal text of every template's say block, in one automaton.</summary>
public sealed class PhraseScanRule : CompilationRule
{
    public override IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } =
        [.. RuleCatalog.BuiltInPhraseRules.Select(r => r.Descriptor), DiagnosticDescriptors.RulesetPhrase];

    public override void Check(Compilation compilation, RuleContext context)
    {
        var checker = PhraseChecker.Create(compilation);
        foreach (var template in compilation.Templates)
        {
            if (template.Say is null) continue;
            var tree = template.SyntaxTree;
            var ranges = SayText.AsRanges(template.Say.Text.Segments);
            foreach (var hit in checker.Find(template, tree.Text.Text, ranges))
            {
                var location = tree.GetLocation(new TextSpan(hit.Start, hit.Length));
                var diagnostic = new Diagnostic(hit.Descriptor, location, hit.Severity, hit.Message);
                if (hit.Replacement is { } replacement)
                {
                    diagnostic = diagnostic with { Fixes = [Fixes.Replace($"Say \"{replacement}\" instead", location, replacement)] };
                }
                context.Report(diagnostic);
            }
        }
    }
}
