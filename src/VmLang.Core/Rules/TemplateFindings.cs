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

    /// <summary>An empty set: nothing found yet under <paramref name="configuration"/>.</summary>
    public TemplateFindings(WorkspaceConfiguration configuration) => Configuration = configuration;

    public TemplateFindings(WorkspaceConfiguration configuration, ImmutableArray<RulesetSymbol> rulesets, TemplateFindings? earlier)
        : this(configuration)
    {
        for (var i = 0; i < rulesets.Length; i++)
        {
            var ruleset = rulesets[i];
            var text = ruleset.SyntaxTree.Text.ToString(ruleset.Syntax.Span);
            if (earlier is not null && earlier._rulesetTexts.TryGetValue(text, out var same)) text = same;
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

    /// <summary><see cref="RulesetsKeyOf"/> compared without making the key, as every template of every unchanged file is.</summary>
    private bool HasRulesetsKey(TemplateSymbol template, string[] key)
    {
        var used = template.Rulesets;
        if (used.Length != key.Length) return false;
        if (used.Length == 0) return true;
        if (used.Length == 1) return Find(used[0]).Text == key[0];
        return SameKey(key, RulesetsKeyOf(template));
    }

    private static bool SameKey(string[] earlier, string[] now) => earlier.AsSpan().SequenceEqual(now);

    /// <summary>Adds the findings of <paramref name="tree"/> when it is the very tree they were found in, and hands them on.</summary>
    public bool TryReuseFile(SyntaxTree tree, ReadOnlySpan<TemplateSymbol> templates, List<Diagnostic> into, TemplateFindings next)
    {
        if (!_byPath.TryGetValue(tree.FilePath, out var file) || file.Tree != tree || file.Keys.Count != templates.Length) return false;
        for (var i = 0; i < templates.Length; i++)
        {
            if (!next.HasRulesetsKey(templates[i], file.Keys[i])) return false;
        }
        into.AddRange(file.All);
        next._byPath[tree.FilePath] = file;
        return true;
    }

    /// <summary>The findings of the file at <paramref name="path"/> as it was, to reuse template by template.</summary>
    public FileFindings? EarlierFile(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>Starts recording the findings of <paramref name="tree"/>.</summary>
    public FileFindings StartFile(SyntaxTree tree) => _byPath[tree.FilePath] = new FileFindings(tree);

    /// <summary>One file's findings: all of them in order, each template's rulesets key in order, and each template's findings by its text.</summary>
    public sealed class FileFindings
    {
        private readonly record struct Entry(int TemplateStart, string[] RulesetsKey, Diagnostic[] Findings);

        private readonly Dictionary<string, Entry> _byText = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly List<Diagnostic> _all = [];
        private readonly List<string[]> _keys = [];

        public FileFindings(SyntaxTree tree)
        {
            Tree = tree;
            _lookup = _byText.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public SyntaxTree Tree { get; }

        public IReadOnlyList<Diagnostic> All => _all;

        /// <summary>The rulesets key of each template of the file, in order.</summary>
        public IReadOnlyList<string[]> Keys => _keys;

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
            _keys.Add(rulesetsKey);
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
