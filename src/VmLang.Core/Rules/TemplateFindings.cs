using System.Collections.Immutable;
using VmLang.Binding;
using VmLang.Configuration;
using VmLang.Diagnostics;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.Rules;

/// <summary>
/// What the template rules found in each file of a compilation, so that the next compilation of an
/// edited workspace checks only the templates whose text changed: the language server makes a
/// compilation per keystroke, and a keystroke changes one template.
/// </summary>
/// <remarks>
/// A template's findings are keyed on exactly what <see cref="TemplateRuleContext"/> lets a rule read:
/// the template's text, the text of each ruleset it uses (in workspace order, the order equal phrase
/// matches come in), and the configuration (by reference: one set of findings holds under one). An
/// unchanged file whose templates' rulesets are unchanged keeps its findings as they are; in any other,
/// each template whose key is unchanged keeps its own, moved to where the template now is.
/// </remarks>
internal sealed class TemplateFindings
{
    private static readonly string[] NoRulesets = [];

    private readonly Dictionary<string, FileFindings> _byPath = new(StringComparer.Ordinal);

    // Each ruleset's text and place in the workspace; a text unchanged since the earlier findings is their
    // very string, so comparing keys of unchanged rulesets costs a reference check, not a read of the text.
    private readonly Dictionary<RulesetSymbol, (int Order, string Text)> _rulesets = [];
    private readonly Dictionary<string, string> _rulesetTexts = new(StringComparer.Ordinal);

    // What the sequence rules found, by sequence symbol (see TryReuseSequence).
    private readonly Dictionary<SequenceSymbol, Diagnostic[]> _sequences = new(ReferenceEqualityComparer.Instance);

    /// <summary>An empty set: nothing found yet under <paramref name="configuration"/>.</summary>
    public TemplateFindings(WorkspaceConfiguration configuration) => Configuration = configuration;

    public TemplateFindings(WorkspaceConfiguration configuration, ImmutableArray<RulesetSymbol> rulesets, TemplateFindings? earlier)
        : this(configuration)
    {
        // A ruleset kept from the earlier compilation is the same symbol, so its text is the earlier string;
        // another is looked up by span, so an unchanged text is neither copied nor hashed again per keystroke.
        var earlierTexts = earlier?._rulesetTexts.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < rulesets.Length; i++)
        {
            var ruleset = rulesets[i];
            string text;
            if (earlier is not null && earlier._rulesets.TryGetValue(ruleset, out var kept))
            {
                text = kept.Text;
            }
            else
            {
                var span = ruleset.Syntax.Span;
                var source = ruleset.SyntaxTree.Text.Text.AsSpan(span.Start, span.Length);
                text = earlierTexts is { } lookup && lookup.TryGetValue(source, out var same) ? same : source.ToString();
            }
            _rulesetTexts.TryAdd(text, text);
            _rulesets.TryAdd(ruleset, (i, text));
        }
    }

    public WorkspaceConfiguration Configuration { get; }

    public bool AppliesTo(WorkspaceConfiguration configuration) => ReferenceEquals(Configuration, configuration);

    /// <summary>The part of a template's key beyond its own text: the text of each ruleset it uses, in workspace order.</summary>
    public string[] RulesetsKeyOf(TemplateSymbol template)
    {
        var used = template.Rulesets;
        if (used.IsEmpty) return NoRulesets;
        if (used.Length == 1) return [Find(used[0]).Text];
        return [.. used.Select(Find).OrderBy(r => r.Order).Select(r => r.Text)];
    }

    // Every ruleset a template uses is one of the compilation's; the fallback keeps a slip from throwing.
    private (int Order, string Text) Find(RulesetSymbol ruleset) =>
        _rulesets.TryGetValue(ruleset, out var known) ? known : (int.MaxValue, ruleset.SyntaxTree.Text.ToString(ruleset.Syntax.Span));

    private static bool SameKey(string[] earlier, string[] now) => earlier.AsSpan().SequenceEqual(now);

    /// <summary>
    /// Adds the findings of <paramref name="tree"/> when its templates are the very symbols they were found
    /// for, and hands them on. A template symbol outlives a compilation only when the binder kept its file
    /// (<see cref="BindingReuse"/>): then its text is unchanged, and so is every ruleset it uses (a file
    /// naming a ruleset whose file is bound again is bound again too, making new symbols), with the same
    /// workspace order (every declared name of the workspace is the same). So its key is unchanged without
    /// being read: this costs a reference check per template, not a key per template.
    /// </summary>
    public bool TryReuseFile(SyntaxTree tree, ReadOnlySpan<TemplateSymbol> templates, List<Diagnostic> into, TemplateFindings? next)
    {
        if (!_byPath.TryGetValue(tree.FilePath, out var file) || file.Tree != tree || !file.IsFor(templates)) return false;
        into.AddRange(file.All);
        if (next is not null) next._byPath[tree.FilePath] = file;
        return true;
    }

    /// <summary>
    /// Adds what the sequence rules found in <paramref name="sequence"/> when it is the very symbol they were
    /// found for, and hands them on: as with templates, a kept sequence names the same, unchanged templates.
    /// </summary>
    public bool TryReuseSequence(SequenceSymbol sequence, List<Diagnostic> into, TemplateFindings? next)
    {
        if (!_sequences.TryGetValue(sequence, out var found)) return false;
        into.AddRange(found);
        if (next is not null) next._sequences[sequence] = found;
        return true;
    }

    /// <summary>Keeps what the sequence rules found in <paramref name="sequence"/>.</summary>
    public void RecordSequence(SequenceSymbol sequence, ReadOnlySpan<Diagnostic> findings) => _sequences[sequence] = findings.ToArray();

    /// <summary>The findings of the file at <paramref name="path"/> as it was, to reuse template by template.</summary>
    public FileFindings? EarlierFile(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>Starts recording the findings of <paramref name="tree"/>.</summary>
    public FileFindings StartFile(SyntaxTree tree) => _byPath[tree.FilePath] = new FileFindings(tree);

    /// <summary>One file's findings: all of them in order, the template symbols they were found for, and each template's findings by its text.</summary>
    public sealed class FileFindings
    {
        private readonly record struct Entry(int TemplateStart, string[] RulesetsKey, Diagnostic[] Findings);

        private readonly Dictionary<string, Entry> _byText = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly List<Diagnostic> _all = [];
        private readonly List<TemplateSymbol> _templates = [];

        public FileFindings(SyntaxTree tree)
        {
            Tree = tree;
            _lookup = _byText.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public SyntaxTree Tree { get; }

        public IReadOnlyList<Diagnostic> All => _all;

        /// <summary>Whether these findings were found for exactly <paramref name="templates"/>, the same symbols in the same order.</summary>
        public bool IsFor(ReadOnlySpan<TemplateSymbol> templates)
        {
            if (templates.Length != _templates.Count) return false;
            for (var i = 0; i < templates.Length; i++)
            {
                if (!ReferenceEquals(templates[i], _templates[i])) return false;
            }
            return true;
        }

        /// <summary>Adds the findings recorded for a template with the same text and rulesets key, moved to this one; false when there are none.</summary>
        public bool TryReuse(TemplateSymbol template, string[] rulesetsKey, List<Diagnostic> into, FileFindings? next)
        {
            var span = template.Syntax.Span;
            var text = template.SyntaxTree.Text;
            if (!_lookup.TryGetValue(text.Text.AsSpan(span.Start, span.Length), out var entry) || !SameKey(entry.RulesetsKey, rulesetsKey)) return false;
            var delta = span.Start - entry.TemplateStart;
            var moved = new Diagnostic[entry.Findings.Length];
            for (var i = 0; i < moved.Length; i++) moved[i] = Move(entry.Findings[i], template.SyntaxTree.FilePath, text, delta);
            into.AddRange(moved);
            next?.Record(template, rulesetsKey, moved);
            return true;
        }

        /// <summary>Keeps what the rules found in <paramref name="template"/>; by its text only when no finding reaches outside it.</summary>
        public void Record(TemplateSymbol template, string[] rulesetsKey, ReadOnlySpan<Diagnostic> findings)
        {
            _all.AddRange(findings);
            _templates.Add(template);
            var span = template.Syntax.Span;
            foreach (var finding in findings)
            {
                if (!Within(finding.Location.Span, span)) return;
                foreach (var fix in finding.Fixes)
                {
                    foreach (var edit in fix.Edits)
                    {
                        if (edit.FilePath != template.SyntaxTree.FilePath || !Within(edit.Span, span)) return;
                    }
                }
            }
            _byText.TryAdd(template.SyntaxTree.Text.ToString(span), new Entry(span.Start, rulesetsKey, findings.ToArray()));
        }

        private static bool Within(TextSpan inner, TextSpan outer) => inner.Start >= outer.Start && inner.End <= outer.End;

        private static Diagnostic Move(Diagnostic finding, string filePath, SourceText text, int delta)
        {
            var moved = finding with { Location = new Location(filePath, text, Shift(finding.Location.Span, delta)) };
            if (finding.Fixes.IsEmpty) return moved;
            return moved with
            {
                Fixes = [.. finding.Fixes.Select(fix => fix with
                {
                    Edits = [.. fix.Edits.Select(edit => edit with { FilePath = filePath, Span = Shift(edit.Span, delta) })],
                })],
            };
        }

        private static TextSpan Shift(TextSpan span, int delta) => new(span.Start + delta, span.Length);
    }
}
