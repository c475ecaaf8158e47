using System.Collections.Immutable;
using VmLang.Binding;
using VmLang.Configuration;

namespace VmLang.Rules;

/// <summary>
/// A compilation's phrase checkers, each built on first use: the rule runner's (with the template rules'
/// own phrases) and the one rendered scripts are checked with. A checker reads only the configuration and
/// the workspace's rulesets, so the next compilation of an edited workspace takes these over while both are
/// the very same objects: a keystroke in a template keeps them, and the language server neither checks the
/// edit nor previews a row with a new automaton. A ruleset symbol outlives a compilation only when the
/// binder kept its file unchanged, so an edited ruleset, one added or taken away, or a new configuration
/// means new checkers.
/// </summary>
/// <remarks>Safe to share between threads, as the checkers are.</remarks>
internal sealed class PhraseCheckers
{
    private readonly WorkspaceConfiguration _configuration;
    private readonly ImmutableArray<RulesetSymbol> _rulesets;
    private readonly Lazy<PhraseChecker> _forRules;
    private readonly Lazy<PhraseChecker> _forRows;

    private PhraseCheckers(WorkspaceConfiguration configuration, ImmutableArray<RulesetSymbol> rulesets)
    {
        _configuration = configuration;
        _rulesets = rulesets;
        // Neither holds the compilation: checkers kept over many edits keep no old workspace alive.
        _forRules = new Lazy<PhraseChecker>(() => PhraseChecker.Create(configuration, rulesets, RuleCatalog.TemplateRules));
        _forRows = new Lazy<PhraseChecker>(() => PhraseChecker.Create(configuration, rulesets, []));
    }

    /// <summary><paramref name="earlier"/> when it was built for this very configuration and these very rulesets, in this order; else new checkers.</summary>
    public static PhraseCheckers For(WorkspaceConfiguration configuration, ImmutableArray<RulesetSymbol> rulesets, PhraseCheckers? earlier) =>
        earlier is not null && earlier.IsFor(configuration, rulesets) ? earlier : new PhraseCheckers(configuration, rulesets);

    /// <summary>The rule runner's: every phrase rule's phrases and the template rules' own.</summary>
    public PhraseChecker ForRules => _forRules.Value;

    /// <summary>For rendered scripts: the phrase rules' phrases only.</summary>
    public PhraseChecker ForRows => _forRows.Value;

    private bool IsFor(WorkspaceConfiguration configuration, ImmutableArray<RulesetSymbol> rulesets)
    {
        if (!ReferenceEquals(configuration, _configuration) || rulesets.Length != _rulesets.Length) return false;
        for (var i = 0; i < rulesets.Length; i++)
        {
            if (!ReferenceEquals(rulesets[i], _rulesets[i])) return false;
        }
        return true;
    }
}
