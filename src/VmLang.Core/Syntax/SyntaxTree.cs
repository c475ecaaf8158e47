using System.Collections.Immutable;
using VmLang.Diagnostics;
using VmLang.Text;

namespace VmLang.Syntax;

/// <summary>One parsed <c>.vml</c> file. Parsing never throws; problems are in <see cref="Diagnostics"/>.</summary>
/// <remarks>
/// Nodes do not know their parents (see <see cref="SyntaxNode"/>): a node can be shared with the trees
/// made from this one by <see cref="WithChangedText"/>, so the tree owns the parent map, as Bicep's does.
/// The map is built on the first question, since most trees are never asked (binding and the rules walk
/// down from the root, and a token knows its own node).
/// </remarks>
public sealed class SyntaxTree
{
    // Built on first use and published whole (see Parents); never changed after.
    private Dictionary<SyntaxNode, SyntaxNode>? _parents;

    private SyntaxTree(string filePath, SourceText text, CompilationUnitSyntax root, ImmutableArray<Diagnostic> diagnostics)
    {
        FilePath = filePath;
        Text = text;
        Root = root;
        Diagnostics = diagnostics;
    }

    public string FilePath { get; }

    public SourceText Text { get; }

    public CompilationUnitSyntax Root { get; }

    /// <summary>File, lexical and syntax errors (VML0001–VML0003, VML0005), in source order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public static SyntaxTree Parse(string text, string filePath = "") => Parse(new SourceText(text), filePath);

    public static SyntaxTree Parse(SourceText text, string filePath = "")
    {
        var diagnostics = new List<Diagnostic>();
        AddEncodingProblem(diagnostics, text, filePath);
        var lexer = new Lexer(text, filePath, diagnostics);
        var root = new Parser(lexer, text, filePath, diagnostics).ParseCompilationUnit();
        return new SyntaxTree(filePath, text, root, Ordered(diagnostics));
    }

    /// <summary>
    /// The tree of <paramref name="newText"/>, an edited copy of this tree's text, as <see cref="Parse(SourceText, string)"/>
    /// gives it, but reusing the declarations that lie wholly before the first changed character: the
    /// language server reparses on every keystroke, and most of a file is usually before the caret.
    /// </summary>
    /// <remarks>
    /// A kept declaration is the same object in both trees, unchanged: it is shared, not moved, and each
    /// tree answers <see cref="GetParent"/> for it with its own root. It reads its trivia from the text it
    /// was parsed from, and that text agrees with <paramref name="newText"/> on everything the trivia's
    /// rules read: the declaration's full span and the character after it that ended its trailing trivia
    /// (and the one after that, when it is a <c>/</c> that could have begun a comment).
    /// </remarks>
    public SyntaxTree WithChangedText(SourceText newText)
    {
        var unchanged = Text.Text.AsSpan().CommonPrefixLength(newText.Text);
        var declarations = Root.Declarations;
        var kept = 0;
        // A declaration closed by its own `}` ends with the lexer back in declaration mode and the parser
        // at a fresh start, so parsing can resume right after it.
        while (kept < declarations.Length && declarations[kept].CloseBrace is { IsMissing: false }
               && ReadsOnlyUnchangedText(declarations[kept].FullSpan.End, unchanged))
        {
            kept++;
        }
        if (kept == 0 || TextsKeptAlive(declarations.AsSpan(0, kept)) >= MaxTextsKeptAlive) return Parse(newText, FilePath);

        var lastKept = declarations[kept - 1];
        var resumeAt = lastKept.FullSpan.End;
        var closeBrace = lastKept.CloseBrace;
        // Diagnostics inside the kept declarations stay; one just after a `}` came from what follows, which is parsed again.
        var diagnostics = new List<Diagnostic>();
        AddEncodingProblem(diagnostics, newText, FilePath);
        foreach (var diagnostic in Diagnostics)
        {
            // The old text's encoding problem belongs to its bytes, not to the declarations kept.
            if (diagnostic.Descriptor == DiagnosticDescriptors.NotUtf8) continue;
            if (diagnostic.Location.Span.Start < closeBrace.Span.End) diagnostics.Add(diagnostic with { Location = new Location(FilePath, newText, diagnostic.Location.Span) });
        }
        var lexer = new Lexer(newText, FilePath, diagnostics, resumeAt);
        var root = new Parser(lexer, newText, FilePath, diagnostics, previous: closeBrace).ParseCompilationUnit(declarations[..kept]);
        return new SyntaxTree(FilePath, newText, root, Ordered(diagnostics));
    }

    /// <summary>
    /// How many texts one tree may keep alive. Each shared declaration keeps the text it was parsed
    /// from, so typing that moves through a file would otherwise keep one copy of the whole file per
    /// declaration typed in; past this many, the edit parses afresh and the tree holds one text again.
    /// </summary>
    internal const int MaxTextsKeptAlive = 4;

    /// <summary>The texts <paramref name="declarations"/> were parsed from, counted up to <see cref="MaxTextsKeptAlive"/>; the new text is one more.</summary>
    private static int TextsKeptAlive(ReadOnlySpan<DeclarationSyntax> declarations)
    {
        Span<SourceText?> seen = new SourceText?[MaxTextsKeptAlive];
        var count = 1;
        foreach (var declaration in declarations)
        {
            var source = declaration.Source;
            if (source is null || seen[..count].Contains(source)) continue;
            if (count == MaxTextsKeptAlive) return count;
            seen[count++] = source;
        }
        return count;
    }

    /// <summary>
    /// True when the trivia that ends at <paramref name="end"/> was decided by unchanged text: the
    /// character at <paramref name="end"/> stopped it, and a <c>/</c> there was looked past for a second
    /// one (<c>//</c> or <c>/*</c> would have continued it as a comment).
    /// </summary>
    private bool ReadsOnlyUnchangedText(int end, int unchanged) =>
        end < unchanged && (Text.Text[end] != '/' || end + 1 < unchanged);

    /// <summary>The node that holds <paramref name="node"/> in this tree; null for <see cref="Root"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="node"/> is not in this tree.</exception>
    public SyntaxNode? GetParent(SyntaxNode node)
    {
        if (ReferenceEquals(node, Root)) return null;
        return Parents.TryGetValue(node, out var parent) ? parent : throw new ArgumentException("The node is not in this tree.", nameof(node));
    }

    /// <summary>The nodes that hold <paramref name="node"/> in this tree, innermost first, up to <see cref="Root"/>.</summary>
    public IEnumerable<SyntaxNode> GetAncestors(SyntaxNode node)
    {
        for (var parent = GetParent(node); parent is not null; parent = GetParent(parent)) yield return parent;
    }

    /// <summary>The token's node (<see cref="SyntaxToken.Parent"/>) and the nodes that hold it in this tree, innermost first.</summary>
    public IEnumerable<SyntaxNode> GetAncestors(SyntaxToken token)
    {
        if (token.Parent is not { } node) yield break;
        yield return node;
        foreach (var ancestor in GetAncestors(node)) yield return ancestor;
    }

    /// <summary>
    /// The parent map. Requests may ask on several threads at once: each may build a map, all equal, and
    /// the first one published is kept. Reads of a dictionary no one writes are safe on any thread.
    /// </summary>
    private Dictionary<SyntaxNode, SyntaxNode> Parents =>
        Volatile.Read(ref _parents) ?? Interlocked.CompareExchange(ref _parents, BuildParents(), null) ?? _parents!;

    private Dictionary<SyntaxNode, SyntaxNode> BuildParents()
    {
        var parents = new Dictionary<SyntaxNode, SyntaxNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<SyntaxNode>();
        pending.Push(Root);
        while (pending.TryPop(out var node))
        {
            for (var i = 0; i < node.SlotCount; i++)
            {
                if (node.GetSlot(i)?.Node is not { } child) continue;
                parents.Add(child, node);
                pending.Push(child);
            }
        }
        return parents;
    }

    /// <summary>VML0005, once, at the first byte that is not UTF-8 (or at the start, for a UTF-16/32 mark).</summary>
    private static void AddEncodingProblem(List<Diagnostic> diagnostics, SourceText text, string filePath)
    {
        if (text.EncodingProblem is { } problem)
        {
            diagnostics.Add(DiagnosticDescriptors.NotUtf8.Create(new Location(filePath, text, problem.Span), problem.Description));
        }
    }

    // Most files have no syntax error: no sort (and its iterators) for an empty list.
    private static ImmutableArray<Diagnostic> Ordered(List<Diagnostic> diagnostics) =>
        diagnostics.Count == 0 ? []
        : [.. diagnostics.OrderBy(d => d.Location.Span.Start).ThenBy(d => d.Code, StringComparer.Ordinal)];

    public Location GetLocation(TextSpan span) => new(FilePath, Text, span);

    public Location GetLocation(SyntaxElement element) => GetLocation(element.Span);
}
