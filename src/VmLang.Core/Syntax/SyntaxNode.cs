using System.Collections.Immutable;
using System.Text;
using VmLang.Text;

namespace VmLang.Syntax;

/// <summary>
/// An immutable node. Its children are numbered slots in source order, as in Roslyn, so walking a
/// tree allocates nothing; a null slot is an absent optional part and every walker skips it.
/// </summary>
public abstract class SyntaxNode
{
    public abstract SyntaxKind Kind { get; }

    /// <summary>The node that holds this node; set once when the tree is complete.</summary>
    public SyntaxNode? Parent { get; private set; }

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

    public IEnumerable<SyntaxNode> Ancestors()
    {
        for (var node = Parent; node is not null; node = node.Parent) yield return node;
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

    /// <summary>
    /// Links every descendant node to its parent; the parser calls it once on the root it returns.
    /// Each node type names its child nodes itself (<see cref="LinkChildren"/>): going through
    /// <see cref="GetSlot"/> would build an element for every token of the tree only to skip it.
    /// </summary>
    internal void AssignParents() => LinkChildren();

    /// <summary>Calls <see cref="Link"/> for each child node; node types without child nodes keep the default.</summary>
    private protected virtual void LinkChildren()
    {
    }

    private protected void Link(SyntaxNode? child)
    {
        if (child is null) return;
        child.Parent = this;
        child.LinkChildren();
    }

    private protected void Link<T>(ImmutableArray<T> children) where T : SyntaxNode
    {
        foreach (var child in children) Link(child);
    }

    private TextSpan ComputeFullSpan()
    {
        SyntaxElement? first = null, last = null;
        for (var i = 0; i < SlotCount && first is null; i++) first = GetSlot(i);
        for (var i = SlotCount - 1; i >= 0 && last is null; i--) last = GetSlot(i);
        return first is { } f && last is { } l ? TextSpan.FromBounds(f.FullSpan.Start, l.FullSpan.End) : default;
    }

    /// <summary>The token this node stores in <paramref name="data"/>, with this node as its parent.</summary>
    private protected SyntaxToken Token(TokenData data) => new(this, data);

    /// <summary>As <see cref="Token"/>, for an optional token: null when it is not there.</summary>
    private protected SyntaxToken? OptionalToken(TokenData data) => data.IsPresent ? new SyntaxToken(this, data) : null;
}
