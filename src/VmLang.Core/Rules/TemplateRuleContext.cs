using System.Collections.Immutable;
using VmLang.Binding;
using VmLang.Configuration;
using VmLang.Diagnostics;
using VmLang.Rules.Phrases;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.Rules;

/// <summary>
/// Everything a template rule may read: its template, the rulesets the template uses, and the workspace
/// configuration. <see cref="TemplateFindings"/> reuses a template's findings while exactly these are
/// unchanged, so a member added here must be added to its key. The template and rulesets are views
/// (<see cref="RuleTemplate"/>) that reach no tree, compilation or other declaration, and text is read
/// through the context, only within the template.
/// </summary>
public sealed class TemplateRuleContext
{
    private readonly TemplateSymbol _template;
    private readonly List<Diagnostic> _diagnostics;
    private readonly Lazy<PhraseChecker> _phrases;

    // The say block's phrases, found once for every rule that asks (FindPhrases(RuleSay) and FindPhrases(TemplateRule, RuleSay)).
    private IReadOnlyList<PhraseHit>? _sayHits;
    private List<(TemplateRule Rule, SayPhraseMatch Match)>? _sayRuleMatches;

    internal TemplateRuleContext(TemplateSymbol template, WorkspaceConfiguration configuration, Lazy<PhraseChecker> phrases, List<Diagnostic> diagnostics)
    {
        _template = template;
        Template = new RuleTemplate(template);
        Configuration = configuration;
        _phrases = phrases;
        _diagnostics = diagnostics;
    }

    public RuleTemplate Template { get; }

    /// <summary>The rulesets the template's <c>use</c> lines name that exist.</summary>
    public ImmutableArray<RuleRuleset> Rulesets => Template.Rulesets;

    public WorkspaceConfiguration Configuration { get; }

    /// <summary>False when vmlang.json turns the code off, so a rule can skip work nobody will see.</summary>
    public bool IsEnabled(DiagnosticDescriptor descriptor) =>
        Configuration.EffectiveSeverity(descriptor.Code, descriptor.DefaultSeverity) is not null;

    /// <summary>
    /// The enabled built-in phrases, and the phrases of the rulesets the template uses, found in the given
    /// ranges of the template (one automaton for the configuration and rulesets, built when a rule first asks, kept across edits).
    /// </summary>
    public IEnumerable<PhraseHit> FindPhrases(IEnumerable<(int Start, int Length)> ranges) =>
        _phrases.Value.Find(_template, _template.SyntaxTree.Text.Text, WithinTemplate(ranges));

    /// <summary>
    /// As <see cref="FindPhrases(IEnumerable{ValueTuple{int, int}})"/> over spans (a say block's segments):
    /// spans inside the template, as a say block's always are, are scanned as they are, with no copy.
    /// </summary>
    public IReadOnlyList<PhraseHit> FindPhrases(ImmutableArray<TextSpan> spans)
    {
        var template = _template.Syntax.Span;
        foreach (var span in spans)
        {
            if (span.Start < template.Start || span.End > template.End) return [.. FindPhrases(Binding.SayText.AsRanges(spans))];
        }
        return _phrases.Value.Find(_template, _template.SyntaxTree.Text.Text, spans.AsSpan());
    }

    /// <summary>
    /// The phrase hits in the say block's literal text (as <see cref="FindPhrases(ImmutableArray{TextSpan})"/>
    /// over its segments finds them), from the one scan of the block that also finds the rules' own
    /// <see cref="TemplateRule.SayPhrases"/>.
    /// </summary>
    public IReadOnlyList<PhraseHit> FindPhrases(RuleSay say)
    {
        ScanSay(say);
        return _sayHits!;
    }

    /// <summary>
    /// Where the <paramref name="rule"/>'s own <see cref="TemplateRule.SayPhrases"/> occur in the say block's
    /// literal text, in the order they end (overlapping ones too), from the block's one scan.
    /// </summary>
    /// <exception cref="ArgumentException">The rule is not one of <see cref="RuleCatalog.TemplateRules"/>, whose phrases the scan holds.</exception>
    public IReadOnlyList<SayPhraseMatch> FindPhrases(TemplateRule rule, RuleSay say)
    {
        if (!RuleCatalog.TemplateRules.Contains(rule)) throw new ArgumentException("Only the catalog's template rules have their phrases in the scan of a say block.", nameof(rule));
        ScanSay(say);
        if (_sayRuleMatches is null) return [];
        var found = new List<SayPhraseMatch>();
        foreach (var (owner, match) in _sayRuleMatches)
        {
            if (owner == rule) found.Add(match);
        }
        return found;
    }

    private void ScanSay(RuleSay say)
    {
        if (_sayHits is not null) return;
        // The template's own say block, and so inside the template: its segments are scanned as they are.
        if (!ReferenceEquals(say.Syntax, _template.Say?.Syntax)) throw new ArgumentException("The say block is not the template's.", nameof(say));
        _sayHits = _phrases.Value.Find(_template, _template.SyntaxTree.Text.Text, say.Text.Segments.AsSpan(), ref _sayRuleMatches);
    }

    /// <summary>A rule's own phrases found in the given ranges of the template.</summary>
    public IEnumerable<PhraseMatch<TPayload>> FindPhrases<TPayload>(PhraseMatcher<TPayload> phrases, IEnumerable<(int Start, int Length)> ranges) =>
        phrases.Find(_template.SyntaxTree.Text.Text, WithinTemplate(ranges));

    public Location LocationOf(SyntaxElement element) => _template.SyntaxTree.GetLocation(element);

    public Location LocationOf(TextSpan span) => _template.SyntaxTree.GetLocation(span);

    public void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    // The ranges cut to the template's own text: what lies outside it is not in the findings' key.
    private IEnumerable<(int Start, int Length)> WithinTemplate(IEnumerable<(int Start, int Length)> ranges)
    {
        var template = _template.Syntax.Span;
        foreach (var (start, length) in ranges)
        {
            var from = Math.Max(start, template.Start);
            var to = Math.Min(start + length, template.End);
            if (to > from) yield return (from, to - from);
        }
    }
}
