using System.Collections.Immutable;
using VmLang.Binding;
using VmLang.Configuration;
using VmLang.Diagnostics;
using VmLang.Rules.Phrases;

namespace VmLang.Rules;

/// <summary>A phrase rule that matched, built-in or a ruleset's, with what to report.</summary>
public sealed class PhraseHit
{
    private readonly BuiltInPhraseRule? _builtIn;
    private readonly PhraseRule? _rulesetRule;

    internal PhraseHit(BuiltInPhraseRule rule, string said, int start, int length)
        : this(said, start, length) => _builtIn = rule;

    internal PhraseHit(PhraseRule rule, string said, int start, int length)
        : this(said, start, length) => _rulesetRule = rule;

    private PhraseHit(string said, int start, int length)
    {
        Said = said;
        Start = start;
        Length = length;
    }

    public DiagnosticDescriptor Descriptor => _builtIn is not null ? _builtIn.Descriptor : DiagnosticDescriptors.RulesetPhrase;

    public DiagnosticSeverity Severity => _builtIn?.Descriptor.DefaultSeverity ?? _rulesetRule!.Severity;

    public string Message => _builtIn is not null
        ? _builtIn.Descriptor.Message(Said)
        : DiagnosticDescriptors.RulesetPhrase.Message(_rulesetRule!, Said);

    /// <summary>The words matched, with their whitespace collapsed to single spaces.</summary>
    public string Said { get; }

    public int Start { get; }

    public int Length { get; }

    /// <summary>What to say instead, offered as a quick fix; null when the rule names nothing.</summary>
    public string? Replacement => _builtIn is not null ? _builtIn.Replacement : _rulesetRule!.Replacement;

    public Diagnostic CreateDiagnostic(Location location) => _builtIn is not null
        ? _builtIn.Descriptor.Create(location, Said)
        : DiagnosticDescriptors.RulesetPhrase.Create(location, _rulesetRule!, Said);
}

/// <summary>Where one of a rule's <see cref="TemplateRule.SayPhrases"/> occurs in a say block; <paramref name="Phrase"/> is its index there.</summary>
public readonly record struct SayPhraseMatch(int Start, int Length, int Phrase);

/// <summary>
/// Every phrase of every enabled built-in rule and of every ruleset, compiled into one automaton, so
/// checking costs the same with ten house phrases or a thousand. Building it is what costs (milliseconds
/// for a thousand phrases): an edited compilation keeps its earlier one's while the configuration and the
/// rulesets are the same (<see cref="PhraseCheckers"/>). The checker looks at
/// the literal text of a say block, and the renderer at each rendered script. The rule runner's checker
/// also holds the template rules' own <see cref="TemplateRule.SayPhrases"/>, so that a say block is
/// scanned once for all of them.
/// </summary>
public sealed class PhraseChecker
{
    private readonly PhraseMatcher<object> _matcher;

    private PhraseChecker(PhraseMatcher<object> matcher) => _matcher = matcher;

    /// <summary>
    /// The checker of rendered scripts for <paramref name="compilation"/>: the one its earlier compilations
    /// built while the configuration and rulesets are the same (see <see cref="PhraseCheckers"/>).
    /// </summary>
    public static PhraseChecker Create(Compilation compilation) => compilation.PhraseCheckers.ForRows;

    /// <summary>A checker of the phrase rules of <paramref name="configuration"/> and <paramref name="rulesets"/>, and the <paramref name="rules"/>' own phrases.</summary>
    internal static PhraseChecker Create(WorkspaceConfiguration configuration, ImmutableArray<RulesetSymbol> rulesets, IReadOnlyList<TemplateRule> rules)
    {
        var builder = new PhraseMatcher<object>.Builder();
        foreach (var rule in RuleCatalog.BuiltInPhraseRules)
        {
            if (configuration.EffectiveSeverity(rule.Descriptor.Code, rule.Descriptor.DefaultSeverity) is null) continue;
            foreach (var phrase in rule.Phrases) builder.Add(phrase, rule);
        }
        if (configuration.EffectiveSeverity(DiagnosticDescriptors.RulesetPhrase.Code, DiagnosticSeverity.Warning) is not null)
        {
            foreach (var rule in rulesets.SelectMany(r => r.Rules))
            {
                if (PhraseText.Normalize(rule.Phrase).Length > 0) builder.Add(rule.Phrase, rule);
            }
        }
        foreach (var rule in rules)
        {
            for (var i = 0; i < rule.SayPhrases.Count; i++) builder.Add(rule.SayPhrases[i], new RulePhrase(rule, i));
        }
        return new PhraseChecker(builder.Build());
    }

    /// <summary>A phrase of a template rule's own: the rule, and the phrase's index in its <see cref="TemplateRule.SayPhrases"/>.</summary>
    private sealed record RulePhrase(TemplateRule Rule, int Index);

    /// <summary>Hits anywhere in <paramref name="text"/> (a rendered script).</summary>
    public IReadOnlyList<PhraseHit> Find(TemplateSymbol template, string text) => Find(template, text, [new Text.TextSpan(0, text.Length)]);

    /// <summary>
    /// Hits in the given ranges of <paramref name="text"/>; ruleset phrases only count where the template
    /// uses the ruleset. Built-in phrases of one rule that overlap ("please call me back at your earliest
    /// convenience" holds two) are one finding: the longest is kept.
    /// </summary>
    public IEnumerable<PhraseHit> Find(TemplateSymbol template, string text, IEnumerable<(int Start, int Length)> ranges) =>
        Find(template, text, [.. ranges.Select(range => new Text.TextSpan(range.Start, range.Length))]);

    /// <summary>As <see cref="Find(TemplateSymbol, string, IEnumerable{ValueTuple{int, int}})"/>, over spans of the text.</summary>
    public IReadOnlyList<PhraseHit> Find(TemplateSymbol template, string text, ReadOnlySpan<Text.TextSpan> ranges)
    {
        List<(TemplateRule, SayPhraseMatch)>? ruleMatches = null;
        return Find(template, text, ranges, ref ruleMatches);
    }

    /// <summary>
    /// As <see cref="Find(TemplateSymbol, string, ReadOnlySpan{Text.TextSpan})"/>, and the matches of the rules'
    /// own phrases, in the order they end, into <paramref name="ruleMatches"/> (made when there is one).
    /// </summary>
    internal IReadOnlyList<PhraseHit> Find(TemplateSymbol template, string text, ReadOnlySpan<Text.TextSpan> ranges, ref List<(TemplateRule Rule, SayPhraseMatch Match)>? ruleMatches)
    {
        // One list of matches per thread: the renderer scans every rendered script, and nearly every one
        // holds no phrase, so that scan allocates nothing.
        var matches = MatchesForThread ?? [];
        MatchesForThread = null;
        try
        {
            _matcher.FindInto(text, ranges, matches);
            if (matches.Count == 0) return [];
            var hits = FindAll(template, text, matches, ref ruleMatches);
            if (hits.Count < 2) return hits;
            return [.. hits.Where(hit => hit.Descriptor == DiagnosticDescriptors.RulesetPhrase || !hits.Any(other =>
                other != hit && other.Descriptor == hit.Descriptor
                && other.Start < hit.Start + hit.Length && hit.Start < other.Start + other.Length
                && (other.Length > hit.Length || (other.Length == hit.Length && other.Start < hit.Start))))];
        }
        finally
        {
            matches.Clear();
            MatchesForThread = matches;
        }
    }

    [ThreadStatic]
    private static List<PhraseMatch<object>>? MatchesForThread;

    private static List<PhraseHit> FindAll(TemplateSymbol template, string text, List<PhraseMatch<object>> matches, ref List<(TemplateRule, SayPhraseMatch)>? ruleMatches)
    {
        var hits = new List<PhraseHit>();
        foreach (var match in matches)
        {
            switch (match.Payload)
            {
                case BuiltInPhraseRule rule:
                    hits.Add(new PhraseHit(rule, Collapse(text.AsSpan(match.Start, match.Length)), match.Start, match.Length));
                    break;
                case PhraseRule rule when template.Rulesets.Contains(rule.Ruleset):
                    hits.Add(new PhraseHit(rule, Collapse(text.AsSpan(match.Start, match.Length)), match.Start, match.Length));
                    break;
                case RulePhrase own:
                    (ruleMatches ??= []).Add((own.Rule, new SayPhraseMatch(match.Start, match.Length, own.Index)));
                    break;
            }
        }
        return hits;
    }

    private static string Collapse(ReadOnlySpan<char> text) =>
        string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
