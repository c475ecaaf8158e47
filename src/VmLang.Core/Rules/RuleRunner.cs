using VmLang.Binding;
using VmLang.Configuration;
using VmLang.Diagnostics;

namespace VmLang.Rules;

/// <summary>
/// Runs the catalog's rules for one compilation, each over a context that holds only what the rule may
/// read. Safe to share between threads when each thread reports into its own list.
/// </summary>
internal sealed class RuleRunner
{
    private readonly WorkspaceConfiguration _configuration;
    private readonly Lazy<PhraseChecker> _phrases;

    public RuleRunner(Compilation compilation)
    {
        _configuration = compilation.Configuration;
        _phrases = new Lazy<PhraseChecker>(() => compilation.PhraseCheckers.ForRules);
    }

    public void Check(TemplateSymbol template, List<Diagnostic> into)
    {
        var context = new TemplateRuleContext(template, _configuration, _phrases, into);
        foreach (var rule in RuleCatalog.TemplateRules) rule.Check(context);
    }

    public static void Check(SequenceSymbol sequence, List<Diagnostic> into)
    {
        var context = new SequenceRuleContext(sequence, into);
        foreach (var rule in RuleCatalog.SequenceRules) rule.Check(context);
    }
}
