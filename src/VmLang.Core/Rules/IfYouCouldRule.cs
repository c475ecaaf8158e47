using VmLang.Diagnostics;
using VmLang.Text;

namespace VmLang.Rules;

/// <summary>VML0207: "if you could …" asks a favour; the same sentence must promise something back.</summary>
public sealed class IfYouCouldRule : TemplateRule
{
    /// <summary>The ask (index 0), then the promises.</summary>
    public override IReadOnlyList<string> SayPhrases { get; } = ["if you could", "I will", "I'll", "we will", "we'll"];

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticDescriptors.IfYouCouldWithoutPromise];

    public override void Check(TemplateRuleContext context)
    {
        if (context.Template.Say is not { } say) return;

        // The block's matches rather than each sentence's: no phrase holds a sentence mark, and a sentence
        // edge inside a segment is a mark or whitespace (a word boundary either way), so the block's matches
        // are exactly its sentences' matches, in sentence order. Most blocks ask nothing and stop here.
        var matches = context.FindPhrases(this, say);
        if (!matches.Any(m => m.Phrase == 0)) return;

        var next = 0;
        foreach (var sentence in say.Text.Sentences)
        {
            if (sentence.Text.IsEmpty) continue;
            var end = sentence.Text[^1].End;
            var first = next;
            var promises = false;
            for (; next < matches.Count && matches[next].Start < end; next++) promises |= matches[next].Phrase != 0;
            if (promises) continue;
            for (var i = first; i < next; i++)
            {
                var ask = matches[i];
                context.Report(DiagnosticDescriptors.IfYouCouldWithoutPromise.Create(context.LocationOf(new TextSpan(ask.Start, ask.Length))));
            }
        }
    }
}
