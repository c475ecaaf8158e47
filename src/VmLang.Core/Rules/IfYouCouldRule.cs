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
        var say = context.Template.Say?.Text;
        if (say is null) return;

        // One scan of the whole block rather than one per sentence: no phrase holds a sentence mark, and a
        // sentence edge inside a segment is a mark or whitespace (a word boundary either way), so the block's
        // matches are exactly its sentences' matches, in sentence order. Most blocks ask nothing and stop here.
        var matches = context.FindPhrases(Phrases, SayText.AsRanges(say.Segments)).ToList();
        if (!matches.Exists(m => !m.Payload)) return;

        var next = 0;
        foreach (var sentence in say.Sentences)
        {
            if (sentence.Text.IsEmpty) continue;
            var end = sentence.Text[^1].End;
            var first = next;
            var promises = false;
            for (; next < matches.Count && matches[next].Start < end; next++) promises |= matches[next].Payload;
            if (promises) continue;
            for (var i = first; i < next; i++)
            {
                var ask = matches[i];
                context.Report(DiagnosticDescriptors.IfYouCouldWithoutPromise.Create(context.LocationOf(new TextSpan(ask.Start, ask.Length))));
            }
        }
    }
}
