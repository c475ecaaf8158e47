using System.Text;
using VmLang.Text;

namespace VmLang.Syntax;

/// <summary>
/// An immutable node. Its children are numbered slots in source order, as in Roslyn, so walking a
/// tree allocates nothing; a null slot is an absent optional part and every walker skips it.
/// </summary>
/// <remarks>
/// A node knows its children but not its parent, and no field is written after its constructor
/// returns: <see cref="SyntaxTree.WithChangedText"/> shares the declarations before an edit between
/// the old tree and the new one, so a node can be in several trees at once, and a parent stored in it
/// would be right for one of them only. Each tree answers for its own nodes instead
/// (<see cref="SyntaxTree.GetParent"/>), as Bicep's does.
/// </remarks>
public abstract class SyntaxNode
{
    public abstract SyntaxKind Kind { get; }

    /// <summary>
    /// The text this node's own tokens were lexed from, where their trivia is read again; null when
    /// none of them needs it (no token, missing tokens, trivia given up front). Each node type keeps it
    /// only if its tokens can need it: a node is in memory for as long as its tree, and a workspace has
    /// hundreds of thousands of them.
    /// </summary>
    /// <remarks>
    /// A node shared with a later tree keeps the text it was parsed from. That text and every later
    /// one agree on the node's full span and on the characters after it that its trivia's rules read
    /// (see <see cref="SyntaxTree.WithChangedText"/>), so every tree reads the same trivia through it.
    /// A tree keeps at most <see cref="SyntaxTree.MaxTextsKeptAlive"/> texts alive this way.
    /// </remarks>
    internal abstract SourceText? Source { get; }

    public abstract int SlotCount { get; }

    public abstract SyntaxElement? GetSlot(int index);

    public IEnumerable<SyntaxElement> Children
    {
        get
        {
            for (var i = 0; i < SlotCount; i++)
            {
                if (GetSlot(i) is { } child) yield return child;
            }
        }
    }

    /// <summary>
    /// The span including leading and trailing trivia: from the first child's to the last child's.
    /// Not cached: it costs a walk down the tree's edge, and a cache field in every node costs more.
    /// </summary>
    public TextSpan FullSpan => ComputeFullSpan();

    /// <summary>The span of the node's own text, without the trivia around it.</summary>
    public TextSpan Span
    {
        get
        {
            if (FirstToken(includeMissing: false) is not { } first || LastToken(includeMissing: false) is not { } last)
            {
                return new TextSpan(FullSpan.Start, 0);
            }
            return TextSpan.FromBounds(first.Span.Start, last.Span.End);
        }
    }

    public SyntaxToken? FirstToken(bool includeMissing = true)
    {
        for (var i = 0; i < SlotCount; i++)
        {
            if (GetSlot(i) is not { } child) continue;
            var found = child.Node is { } node ? node.FirstToken(includeMissing) : Accept(child.Token!.Value, includeMissing);
            if (found is not null) return found;
        }
        return null;
    }

    public SyntaxToken? LastToken(bool includeMissing = true)
    {
        for (var i = SlotCount - 1; i >= 0; i--)
        {
            if (GetSlot(i) is not { } child) continue;
            var found = child.Node is { } node ? node.LastToken(includeMissing) : Accept(child.Token!.Value, includeMissing);
            if (found is not null) return found;
        }
        return null;
    }

    private static SyntaxToken? Accept(SyntaxToken token, bool includeMissing) => includeMissing || !token.IsMissing ? token : null;

    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        foreach (var child in Children)
        {
            if (child.Node is { } node)
            {
                foreach (var nested in node.DescendantTokens()) yield return nested;
            }
            else
            {
                yield return child.Token!.Value;
            }
        }
    }

    public IEnumerable<SyntaxNode> DescendantNodes()
    {
        foreach (var child in Children)
        {
            if (child.Node is { } node)
            {
                yield return node;
                foreach (var nested in node.DescendantNodes()) yield return nested;
            }
        }
    }

    /// <summary>The innermost token whose full span holds <paramref name="position"/>; the end-of-file token past the end.</summary>
    public SyntaxToken? FindToken(int position)
    {
        var node = this;
        while (true)
        {
            SyntaxElement? next = null;
            for (var i = 0; i < node.SlotCount; i++)
            {
                if (node.GetSlot(i) is not { } child) continue;
                var span = child.FullSpan;
                if (span.Contains(position) || (span.Length == 0 && span.Start == position && next is null))
                {
                    next = child;
                    if (span.Length > 0) break;
                }
            }
            if (next is not { } found) return node.LastToken();
            if (found.Node is not { } inner) return found.Token;
            node = inner;
        }
    }

    public void WriteTo(StringBuilder builder)
    {
        for (var i = 0; i < SlotCount; i++) GetSlot(i)?.WriteTo(builder);
    }

    public string ToFullString()
    {
        var builder = new StringBuilder(FullSpan.Length);
        WriteTo(builder);
        return builder.ToString();
    }

    public override string ToString() => ToFullString();

    private TextSpan ComputeFullSpan()
    {
        SyntaxElement? last = null;
        for (var i = SlotCount - 1; i >= 0 && last is null; i--) last = GetSlot(i);
        return last is { } l ? TextSpan.FromBounds(FullStart, l.FullSpan.End) : default;
    }

    /// <summary>
    /// Where <see cref="FullSpan"/> starts, found without the end: a token keeps its leading trivia's width,
    /// but its trailing trivia is scanned again from the text, and a text long unread is a cache miss.
    /// </summary>
    internal int FullStart
    {
        get
        {
            for (var i = 0; i < SlotCount; i++)
            {
                if (GetSlot(i) is not { } child) continue;
                return child.Node is { } node ? node.FullStart : child.Token!.Value.FullStart;
            }
            return 0;
        }
    }

    /// <summary>The token this node stores in <paramref name="data"/>, with this node as its parent.</summary>
    private protected SyntaxToken Token(TokenData data) => new(this, data);

    /// <summary>As <see cref="Token"/>, for an optional token: null when it is not there.</summary>
    private protected SyntaxToken? OptionalToken(TokenData data) => data.IsPresent ? new SyntaxToken(this, data) : null;

    /// <summary>
    /// The text that the first lexed one of <paramref name="tokens"/> came from: the source of a node
    /// made of them. A node's lexed tokens all come from one lexer; the others need no text.
    /// </summary>
    private protected static SourceText? SourceOf(params ReadOnlySpan<SyntaxToken> tokens)
    {
        foreach (var token in tokens)
        {
            if (token.Source is { } source) return source;
        }
        return null;
    }
}
