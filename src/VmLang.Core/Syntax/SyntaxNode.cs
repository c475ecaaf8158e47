using System.Text;
using VmLang.Text;

namespace VmLang.Syntax;

/// <summary>
/// An immutable node. Its children are numbered slots in source order, as in Roslyn, so walking a
/// tree allocates nothing; a null slot is an absent optional part and every walker skips it.
/// </summary>
public abstract class SyntaxNode : SyntaxElement
{
    private TextSpan? _fullSpan;

    public abstract int SlotCount { get; }

    public abstract SyntaxElement? GetSlot(int index);

    public IEnumerable<SyntaxElement?> GetChildren()
    {
        for (var i = 0; i < SlotCount; i++) yield return GetSlot(i);
    }

    public IEnumerable<SyntaxElement> Children => GetChildren().OfType<SyntaxElement>();

    public override TextSpan FullSpan => _fullSpan ??= ComputeFullSpan();

    public override TextSpan Span
    {
        get
        {
            var first = FirstToken(includeMissing: false);
            var last = LastToken(includeMissing: false);
            if (first is null || last is null)
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
            var found = GetSlot(i) switch
            {
                SyntaxToken token => includeMissing || !token.IsMissing ? token : null,
                SyntaxNode node => node.FirstToken(includeMissing),
                _ => null,
            };
            if (found is not null) return found;
        }
        return null;
    }

    public SyntaxToken? LastToken(bool includeMissing = true)
    {
        for (var i = SlotCount - 1; i >= 0; i--)
        {
            var found = GetSlot(i) switch
            {
                SyntaxToken token => includeMissing || !token.IsMissing ? token : null,
                SyntaxNode node => node.LastToken(includeMissing),
                _ => null,
            };
            if (found is not null) return found;
        }
        return null;
    }

    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        foreach (var child in Children)
        {
            if (child is SyntaxToken token)
            {
                yield return token;
            }
            else
            {
                foreach (var nested in ((SyntaxNode)child).DescendantTokens()) yield return nested;
            }
        }
    }

    public IEnumerable<SyntaxNode> DescendantNodes()
    {
        foreach (var child in Children)
        {
            if (child is SyntaxNode node)
            {
                yield return node;
                foreach (var nested in node.DescendantNodes()) yield return nested;
            }
        }
    }

    /// <summary>The innermost token whose full span holds <paramref name="position"/>; the end-of-file token past the end.</summary>
    public SyntaxToken? FindToken(int position)
    {
        SyntaxNode node = this;
        while (true)
        {
            SyntaxElement? next = null;
            for (var i = 0; i < node.SlotCount; i++)
            {
                if (node.GetSlot(i) is not { } child) continue;
                if (child.FullSpan.Contains(position) || (child.FullSpan.Length == 0 && child.FullSpan.Start == position && next is null))
                {
                    next = child;
                    if (child.FullSpan.Length > 0) break;
                }
            }
            switch (next)
            {
                case SyntaxToken token: return token;
                case SyntaxNode inner: node = inner; break;
                default: return node.LastToken();
            }
        }
    }

    public override void WriteTo(StringBuilder builder)
    {
        for (var i = 0; i < SlotCount; i++) GetSlot(i)?.WriteTo(builder);
    }

    public override string ToString() => ToFullString();

    /// <summary>Links every descendant to its parent; the parser calls it once on the root it returns.</summary>
    internal void AssignParents()
    {
        for (var i = 0; i < SlotCount; i++)
        {
            if (GetSlot(i) is not { } child) continue;
            child.Parent = this;
            if (child is SyntaxNode node) node.AssignParents();
        }
    }

    private TextSpan ComputeFullSpan()
    {
        SyntaxElement? first = null, last = null;
        for (var i = 0; i < SlotCount && first is null; i++) first = GetSlot(i);
        for (var i = SlotCount - 1; i >= 0 && last is null; i--) last = GetSlot(i);
        return first is null || last is null ? default : TextSpan.FromBounds(first.FullSpan.Start, last.FullSpan.End);
    }
}
