using System.Collections.Immutable;
using VmLang.Binding;
using VmLang.Configuration;
using VmLang.Diagnostics;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.Rules;

/// <summary>
/// Everything a template rule may read: its template, the rulesets the template uses, and the workspace
/// configuration. <see cref="TemplateFindings"/> reuses a template's findings while exactly these are
/// unchanged, so a member added here must be added to its key.
/// </summary>
public sealed class TemplateRuleContext
{
    private readonly List<Diagnostic> _diagnostics;
    private readonly Lazy<PhraseChecker> _phrases;

    internal TemplateRuleContext(TemplateSymbol template, WorkspaceConfiguration configuration, Lazy<PhraseChecker> phrases, List<Diagnostic> diagnostics)
    {
        Template = template;
        Configuration = configuration;
        _phrases = phrases;
        _diagnostics = diagnostics;
    }

    public TemplateSymbol Template { get; }

    /// <summary>The rulesets the template's <c>use</c> lines name that exist.</summary>
    public ImmutableArray<RulesetSymbol> Rulesets => Template.Rulesets;

    public WorkspaceConfiguration Configuration { get; }

    /// <summary>False when vmlang.json turns the code off, so a rule can skip work nobody will see.</summary>
    public bool IsEnabled(DiagnosticDescriptor descriptor) =>
        Configuration.EffectiveSeverity(descriptor.Code, descriptor.DefaultSeverity) is not null;

    /// <summary>
    /// The enabled built-in phrases, and the phrases of the rulesets the template uses, found in the given
    /// ranges of the template's file (one automaton per compilation, built when a rule first asks).
    /// </summary>
    public IEnumerable<PhraseHit> FindPhrases(IEnumerable<(int Start, int Length)> ranges) =>
        _phrases.Value.Find(Template, Template.SyntaxTree.Text.Text, ranges);

    public Location LocationOf(SyntaxElement element) => Template.SyntaxTree.GetLocation(element);

    public Location LocationOf(TextSpan span) => Template.SyntaxTree.GetLocation(span);

    public void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);
}
