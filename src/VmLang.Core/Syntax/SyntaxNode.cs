using System.Text;
using VmLang.Text;

namespace VmLang.Syntax;

/// <summary>
/// An immutable node. Children are listed in source order by <see cref="GetChildren"/>; null entries
/// (absent optional parts) are skipped by every walker.
/// </summary>
public abstract class SyntaxNode : SyntaxElement
{
    private TextSpan? _fullSpan;

    public abstract IEnumerable<SyntaxElement?> GetChildren();

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

    public SyntaxToken? FirstToken(bool includeMissing = true) =>
        DescendantTokens().FirstOrDefault(t => includeMissing || !t.IsMissing);

    public SyntaxToken? LastToken(bool includeMissing = true) =>
        DescendantTokens().LastOrDefault(t => includeMissing || !t.IsMissing);

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
            foreach (var child in node.Children)
            {
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
        foreach (var child in Children) child.WriteTo(builder);
    }

    public override string ToString() => ToFullString();

    /// <summary>Links every descendant to its parent; the parser calls it once on the root it returns.</summary>
    internal void AssignParents()
    {
        foreach (var child in Children)
        {
            child.Parent = this;
            if (child is SyntaxNode node) node.AssignParents();
        }
    }

    private TextSpan ComputeFullSpan()
    {
        var first = Children.FirstOrDefault();
        var last = Children.LastOrDefault();
        return first is null || last is null ? default : TextSpan.FromBounds(first.FullSpan.Start, last.FullSpan.End);
    }
}
