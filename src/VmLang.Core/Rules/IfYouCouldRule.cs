using VmLang.Binding;
using VmLang.Diagnostics;
using VmLang.Rules.Phrases;
using VmLang.Text;

namespace VmLang.Rules;

/// <summary>VML0207: "if you could …" asks a favour; the same sentence must promise something back.</summary>
public sealed class IfYouCouldRule : TemplateRule
{
    private static readonly PhraseMatcher<bool> Phrases = new(
    [
        ("if you could", false),
        ("I will", true), ("I'll", true), ("we will", true), ("we'll", true),
    ]);

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticDescriptors.IfYouCouldWithoutPromise];

    public override void Check(TemplateRuleContext context)
    {
        var template = context.Template;
        if (template.Say is null) return;
        foreach (var sentence in template.Say.Text.Sentences)
        {
            var matches = context.FindPhrases(Phrases, SayText.AsRanges(sentence.Text)).ToList();
            if (matches.Any(m => m.Payload)) continue;
            foreach (var ask in matches)
            {
                context.Report(DiagnosticDescriptors.IfYouCouldWithoutPromise.Create(context.LocationOf(new TextSpan(ask.Start, ask.Length))));
            }
        }
    }
}
