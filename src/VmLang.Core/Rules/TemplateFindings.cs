using VmLang.Binding;
using VmLang.Configuration;
using VmLang.Diagnostics;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.Rules;

/// <summary>
/// What the template rules found in each file of a compilation, so that the next compilation of an
/// edited workspace checks only the templates whose text changed: the language server makes a
/// compilation per keystroke, and a keystroke changes one template. Template rules read nothing but
/// their template, the configuration and the rulesets, so findings hold while the last two are the
/// same. An unchanged file keeps its findings as they are; in an edited one, each template whose text
/// is unchanged keeps its own, moved to where the template now is.
/// </summary>
internal sealed class TemplateFindings
{
    private readonly Dictionary<string, FileFindings> _byPath = new(StringComparer.Ordinal);

    public TemplateFindings(WorkspaceConfiguration configuration, string rulesetsText)
    {
        Configuration = configuration;
        RulesetsText = rulesetsText;
    }

    public WorkspaceConfiguration Configuration { get; }

    /// <summary>The text of every ruleset, in order: phrase findings depend on each word of it.</summary>
    public string RulesetsText { get; }

    public static string RulesetsTextOf(IEnumerable<RulesetSymbol> rulesets) =>
        string.Join('\0', rulesets.Select(r => r.SyntaxTree.Text.ToString(r.Syntax.Span)));

    public bool AppliesTo(WorkspaceConfiguration configuration, string rulesetsText) =>
        ReferenceEquals(Configuration, configuration) && RulesetsText == rulesetsText;

    /// <summary>Adds the findings of <paramref name="tree"/> when it is the very tree they were found in, and hands them on.</summary>
    public bool TryReuseFile(SyntaxTree tree, List<Diagnostic> into, TemplateFindings next)
    {
        if (!_byPath.TryGetValue(tree.FilePath, out var file) || file.Tree != tree) return false;
        into.AddRange(file.All);
        next._byPath[tree.FilePath] = file;
        return true;
    }

    /// <summary>The findings of the file at <paramref name="path"/> as it was, to reuse template by template.</summary>
    public FileFindings? EarlierFile(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>Starts recording the findings of <paramref name="tree"/>.</summary>
    public FileFindings StartFile(SyntaxTree tree) => _byPath[tree.FilePath] = new FileFindings(tree);

    /// <summary>One file's findings: all of them in order, and each template's by its text.</summary>
    public sealed class FileFindings
    {
        private readonly record struct Entry(int TemplateStart, Diagnostic[] Findings);

        private readonly Dictionary<string, Entry> _byText = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly List<Diagnostic> _all = [];

        public FileFindings(SyntaxTree tree)
        {
            Tree = tree;
            _lookup = _byText.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public SyntaxTree Tree { get; }

        public IReadOnlyList<Diagnostic> All => _all;

        /// <summary>Adds the findings recorded for a template with the same text, moved to this one; false when there are none.</summary>
        public bool TryReuse(TemplateSymbol template, List<Diagnostic> into, FileFindings? next)
        {
            var span = template.Syntax.Span;
            var text = template.SyntaxTree.Text;
            if (!_lookup.TryGetValue(text.Text.AsSpan(span.Start, span.Length), out var entry)) return false;
            var delta = span.Start - entry.TemplateStart;
            var moved = new Diagnostic[entry.Findings.Length];
            for (var i = 0; i < moved.Length; i++) moved[i] = Move(entry.Findings[i], template.SyntaxTree.FilePath, text, delta);
            into.AddRange(moved);
            next?.Record(template, moved);
            return true;
        }

        /// <summary>Keeps what the rules found in <paramref name="template"/>; by its text only when no finding reaches outside it.</summary>
        public void Record(TemplateSymbol template, ReadOnlySpan<Diagnostic> findings)
        {
            _all.AddRange(findings);
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
            _byText.TryAdd(template.SyntaxTree.Text.ToString(span), new Entry(span.Start, findings.ToArray()));
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
