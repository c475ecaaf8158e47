using VmLang.Diagnostics;

namespace VmLang.Rules;

/// <summary>
/// A check with one job. Rules see what their context hands them, report through it, and never decide
/// severity or suppression: the compilation applies <c>allow</c> and <c>vmlang.json</c>.
/// </summary>
public abstract class Rule
{
    /// <summary>The codes this rule can report.</summary>
    public abstract IReadOnlyList<DiagnosticDescriptor> Descriptors { get; }
}

/// <summary>
/// A rule over one template. Its context holds the template, the rulesets it uses and the configuration,
/// and nothing else, because findings are reused for as long as those three are unchanged.
/// </summary>
public abstract class TemplateRule : Rule
{
    /// <summary>
    /// Phrases the rule looks for in the say block's literal text, matched as phrase rules match
    /// (spec §7). They are found in the one scan of the block that finds every phrase rule's phrases:
    /// <see cref="TemplateRuleContext.FindPhrases(TemplateRule, RuleSay)"/>.
    /// </summary>
    public virtual IReadOnlyList<string> SayPhrases => [];

    public abstract void Check(TemplateRuleContext context);
}

/// <summary>A rule over one sequence; its context holds the sequence and the templates its steps name.</summary>
public abstract class SequenceRule : Rule
{
    public abstract void Check(SequenceRuleContext context);
}
