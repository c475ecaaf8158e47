using System.Collections.Immutable;
using VmLang.Binding;
using VmLang.Configuration;
using VmLang.Diagnostics;
using VmLang.Rules;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang;

/// <summary>
/// An immutable workspace: its syntax trees and its configuration. Binding, rules and diagnostics are
/// computed once, on first use; editing a file means a new compilation that reuses the other trees.
/// </summary>
public sealed class Compilation
{
    private readonly Lazy<BoundWorkspace> _bound;
    private readonly Lazy<ImmutableArray<Diagnostic>> _diagnostics;
    // Shared by GetDiagnostics and a file's diagnostics asked for while those are being computed.
    private readonly Lazy<RuleRunner> _rules;
    // Built per file when first asked about: a keystroke's diagnostics are in one file of many.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SourceText, TemplatesOfText> _templatesByText = new();

    /// <summary>A file's templates in source order, with their full spans (computing one walks the tree's edge).</summary>
    private sealed record TemplatesOfText(TemplateSymbol[] Templates, TextSpan[] FullSpans);

    // Rule findings by template text: from the compilation this one was edited from, and this one's own
    // once its diagnostics are computed. Only edited compilations keep them; a one-off check has no use for them.
    private readonly TemplateFindings? _earlierFindings;
    private TemplateFindings? _findings;

    // The binding of the compilation this one was edited from: files it can keep are not bound again.
    private readonly BoundWorkspace? _earlierBound;

    // The phrase automatons, and the earlier compilation's, which this one takes over when they still hold.
    private readonly Lazy<PhraseCheckers> _phrases;
    private readonly PhraseCheckers? _earlierPhrases;

    private Compilation(ImmutableArray<SyntaxTree> trees, WorkspaceConfiguration configuration, Compilation? edited = null)
    {
        SyntaxTrees = trees;
        Configuration = configuration;
        if (edited is not null)
        {
            _earlierBound = edited._bound.IsValueCreated ? edited._bound.Value : edited._earlierBound;
            _earlierPhrases = edited._phrases.IsValueCreated ? edited._phrases.Value : edited._earlierPhrases;
            // Findings hold under one configuration: after a change to it, this compilation starts a new set.
            _earlierFindings = ReferenceEquals(configuration, edited.Configuration) ? edited.FindingsForNext : new TemplateFindings(configuration);
        }
        _bound = new Lazy<BoundWorkspace>(() => Binder.Bind(SyntaxTrees, _earlierBound));
        _diagnostics = new Lazy<ImmutableArray<Diagnostic>>(ComputeDiagnostics);
        _rules = new Lazy<RuleRunner>(() => new RuleRunner(this));
        _phrases = new Lazy<PhraseCheckers>(() => PhraseCheckers.For(Configuration, Rulesets, _earlierPhrases));
    }

    public static Compilation Create(IEnumerable<SyntaxTree> trees, WorkspaceConfiguration? configuration = null) =>
        new([.. trees], configuration ?? WorkspaceConfiguration.Default);

    public ImmutableArray<SyntaxTree> SyntaxTrees { get; }

    public WorkspaceConfiguration Configuration { get; }

    public ImmutableArray<TemplateSymbol> Templates => Bound.Templates;

    public ImmutableArray<RulesetSymbol> Rulesets => Bound.Rulesets;

    public ImmutableArray<SequenceSymbol> Sequences => Bound.Sequences;

    internal BoundWorkspace Bound => _bound.Value;

    /// <summary>The phrase checkers of this configuration and these rulesets, kept from earlier compilations while both are the same.</summary>
    internal PhraseCheckers PhraseCheckers => _phrases.Value;

    private RuleRunner Rules => _rules.Value;

    /// <summary>The first declaration of <paramref name="name"/>, of any kind.</summary>
    public Symbol? GetGlobal(string name) => Bound.Globals.TryGetValue(name, out var symbols) ? symbols[0] : null;

    public TemplateSymbol? GetTemplate(string name) => Bound.LookUp<TemplateSymbol>(name);

    /// <summary>
    /// The template whose declaration, trivia included, holds the start of <paramref name="location"/>;
    /// null outside every template. Templates of a file are in source order, so this is a binary search.
    /// </summary>
    public TemplateSymbol? GetTemplateAt(Location location) => GetTemplateAt(location.Text, location.Span.Start);

    public TemplateSymbol? GetTemplateAt(SourceText text, int position)
    {
        var inText = GetTemplatesOf(text);
        var spans = inText.FullSpans;
        int low = 0, high = spans.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var span = spans[middle];
            if (position < span.Start) high = middle - 1;
            else if (position >= span.End) low = middle + 1;
            else return inText.Templates[middle];
        }
        return null;
    }

    private TemplatesOfText GetTemplatesOf(SourceText text) =>
        _templatesByText.TryGetValue(text, out var inText) ? inText : _templatesByText.GetOrAdd(text, TemplatesIn(text));

    /// <summary>The templates of the file with this text (by reference, as a location carries it), in source order.</summary>
    private TemplatesOfText TemplatesIn(SourceText text)
    {
        var templates = new List<TemplateSymbol>();
        var seen = new HashSet<SyntaxTree>();
        foreach (var tree in SyntaxTrees)
        {
            // A tree given twice has one binding holding both copies' symbols.
            if (tree.Text != text || !seen.Add(tree) || !Bound.Trees.TryGetValue(tree, out var bound)) continue;
            foreach (var symbol in bound.Declared)
            {
                if (symbol is TemplateSymbol template) templates.Add(template);
            }
        }
        return new TemplatesOfText([.. templates], [.. templates.Select(t => t.Syntax.FullSpan)]);
    }

    public Compilation WithConfiguration(WorkspaceConfiguration configuration) => new(SyntaxTrees, configuration, edited: this);

    /// <summary>Replaces the tree with the same file path, or adds it.</summary>
    public Compilation WithSyntaxTree(SyntaxTree tree)
    {
        for (var i = 0; i < SyntaxTrees.Length; i++)
        {
            if (SyntaxTrees[i].FilePath == tree.FilePath) return new(SyntaxTrees.SetItem(i, tree), Configuration, edited: this);
        }
        return new(SyntaxTrees.Add(tree), Configuration, edited: this);
    }

    /// <summary>
    /// Replaces the file's tree with one for its new text, or adds it. The new tree keeps the old one's
    /// declarations before the first change (<see cref="SyntaxTree.WithChangedText"/>).
    /// </summary>
    public Compilation WithText(string filePath, SourceText text) =>
        WithSyntaxTree(GetSyntaxTree(filePath) is { } earlier ? earlier.WithChangedText(text) : SyntaxTree.Parse(text, filePath));

    public Compilation RemoveSyntaxTree(string filePath) =>
        new(SyntaxTrees.RemoveAll(t => t.FilePath == filePath), Configuration, edited: this);

    /// <summary>
    /// What the next compilation may reuse: this one's findings, or, when its diagnostics were never asked
    /// for (a keystroke in a burst), those it was given. An empty set starts the first edit of a workspace.
    /// </summary>
    private TemplateFindings FindingsForNext =>
        Volatile.Read(ref _findings) ?? _earlierFindings ?? new TemplateFindings(Configuration);

    public SyntaxTree? GetSyntaxTree(string filePath) => SyntaxTrees.FirstOrDefault(t => t.FilePath == filePath);

    public SemanticModel GetSemanticModel(SyntaxTree tree) => new(this, tree);

    /// <summary>
    /// Every diagnostic of the workspace with <c>allow</c> and <c>vmlang.json</c> applied, ordered by
    /// file, line, column and code.
    /// </summary>
    public ImmutableArray<Diagnostic> GetDiagnostics() => _diagnostics.Value;

    internal ImmutableArray<SymbolOccurrence> GetOccurrences(SyntaxTree tree) =>
        Bound.Trees.TryGetValue(tree, out var bound) ? bound.Occurrences : ImmutableArray<SymbolOccurrence>.Empty;

    /// <summary>Every occurrence of <paramref name="symbol"/>, file by file in workspace order.</summary>
    internal IEnumerable<SymbolOccurrence> GetOccurrences(Symbol symbol) =>
        SyntaxTrees.SelectMany(tree => GetOccurrences(tree)).Where(o => o.Symbol == symbol);

    /// <summary>
    /// The diagnostics of one file, as <see cref="GetDiagnostics()"/> has them, without checking the rest of
    /// the workspace when those are not computed yet: a hover while typing waits for one file's rules, most
    /// of them reused, not the workspace's. Every diagnostic located in a file comes from the file's own
    /// parse, binding (duplicate names included) and rules, and its <c>allow</c>s are its templates', so
    /// this is exact; it records nothing, leaving the findings the next compilation reuses to GetDiagnostics.
    /// </summary>
    internal ImmutableArray<Diagnostic> GetDiagnostics(SyntaxTree tree)
    {
        if (_diagnostics.IsValueCreated || !Bound.Trees.TryGetValue(tree, out var bound) || HasRepeatedPaths())
        {
            return [.. GetDiagnostics().Where(d => ReferenceEquals(d.Location.Text, tree.Text))];
        }
        var raw = new List<Diagnostic>(tree.Diagnostics);
        raw.AddRange(Configuration.Diagnostics);
        raw.AddRange(Bound.Diagnostics.Where(d => ReferenceEquals(d.Location.Text, tree.Text)));
        var keys = _earlierFindings is null ? null : new TemplateFindings(Configuration, Rulesets, _earlierFindings);
        var reusable = keys is not null && _earlierFindings!.AppliesTo(Configuration) ? _earlierFindings : null;
        var templates = GetTemplatesOf(tree.Text).Templates;
        if (templates.Length > 0) CheckFile(templates, Rules, raw, keys, reusable, record: false);
        foreach (var symbol in bound.Declared)
        {
            if (symbol is not SequenceSymbol sequence || (reusable is not null && reusable.TryReuseSequence(sequence, raw, next: null))) continue;
            RuleRunner.Check(sequence, raw);
        }
        return [.. DiagnosticFilter.Apply(this, raw, templates).Where(d => ReferenceEquals(d.Location.Text, tree.Text))];
    }

    /// <summary>Runs the template rules over one file's templates, keeping what the earlier findings allow.</summary>
    /// <param name="record">Whether to record the findings in <paramref name="findings"/> for the next compilation; without, it only makes rulesets keys.</param>
    private static void CheckFile(ReadOnlySpan<TemplateSymbol> templates, RuleRunner rules, List<Diagnostic> diagnostics,
        TemplateFindings? findings, TemplateFindings? reusable, bool record = true)
    {
        var tree = templates[0].SyntaxTree;
        if (reusable is not null && reusable.TryReuseFile(tree, templates, diagnostics, record ? findings : null)) return;
        var earlier = reusable?.EarlierFile(tree.FilePath);
        var file = record ? findings?.StartFile(tree) : null;
        foreach (var template in templates)
        {
            var key = findings?.RulesetsKeyOf(template);
            if (earlier is not null && earlier.TryReuse(template, key!, diagnostics, file)) continue;
            var first = diagnostics.Count;
            rules.Check(template, diagnostics);
            file?.Record(template, key!, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(diagnostics)[first..]);
        }
    }

    private bool HasRepeatedPaths()
    {
        var paths = new HashSet<string>(SyntaxTrees.Length, StringComparer.Ordinal);
        foreach (var tree in SyntaxTrees)
        {
            if (!paths.Add(tree.FilePath)) return true;
        }
        return false;
    }

    private ImmutableArray<Diagnostic> ComputeDiagnostics()
    {
        var raw = new List<Diagnostic>();
        foreach (var tree in SyntaxTrees) raw.AddRange(tree.Diagnostics);
        raw.AddRange(Configuration.Diagnostics);
        raw.AddRange(Bound.Diagnostics);
        raw.AddRange(RunRules());
        return DiagnosticFilter.Apply(this, raw);
    }

    private List<Diagnostic> RunRules()
    {
        var diagnostics = new List<Diagnostic>();
        var rules = Rules;
        // Findings are kept by file path; two trees with one path (which no host makes) keep none.
        var findings = _earlierFindings is null || HasRepeatedPaths() ? null : new TemplateFindings(Configuration, Rulesets, _earlierFindings);
        var reusable = findings is not null && _earlierFindings!.AppliesTo(Configuration) ? _earlierFindings : null;
        var templates = Templates;
        // Templates come file by file, in the order of the trees.
        var files = new List<(int Start, int End)>();
        for (var start = 0; start < templates.Length;)
        {
            var end = start + 1;
            while (end < templates.Length && templates[end].SyntaxTree == templates[start].SyntaxTree) end++;
            files.Add((start, end));
            start = end;
        }
        if (findings is null && files.Count > 1)
        {
            // A template's rules read only their context and write only their own file's list, so files are
            // checked in parallel and their lists joined in file order: the same list one thread makes.
            var byFile = new List<Diagnostic>[files.Count];
            Parallel.For(0, files.Count, ParallelWork.Options, i =>
            {
                var own = new List<Diagnostic>();
                var (start, end) = files[i];
                CheckFile(templates.AsSpan()[start..end], rules, own, null, null);
                byFile[i] = own;
            });
            foreach (var own in byFile) diagnostics.AddRange(own);
        }
        else
        {
            // An edited compilation records and reuses findings file by file, on this thread.
            foreach (var (start, end) in files) CheckFile(templates.AsSpan()[start..end], rules, diagnostics, findings, reusable);
        }
        foreach (var sequence in Sequences)
        {
            if (reusable is not null && reusable.TryReuseSequence(sequence, diagnostics, findings!)) continue;
            var first = diagnostics.Count;
            RuleRunner.Check(sequence, diagnostics);
            findings?.RecordSequence(sequence, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(diagnostics)[first..]);
        }
        // Published whole: another thread may be making the next compilation from this one.
        Volatile.Write(ref _findings, findings);
        return diagnostics;
    }
}
