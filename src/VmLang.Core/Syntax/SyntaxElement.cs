using System.Text;
using VmLang.Text;

namespace VmLang.Syntax;

/// <summary>A node or a token: what a node's children are.</summary>
public abstract class SyntaxElement
{
    public abstract SyntaxKind Kind { get; }

    /// <summary>The node that holds this element; set once when that node is built.</summary>
    public SyntaxNode? Parent { get; internal set; }

    /// <summary>The span including leading and trailing trivia.</summary>
    public abstract TextSpan FullSpan { get; }

    /// <summary>The span of the element's own text, without trivia.</summary>
    public abstract TextSpan Span { get; }

    public abstract void WriteTo(StringBuilder builder);

    public string ToFullString()
    {
        var builder = new StringBuilder(FullSpan.Length);
        WriteTo(builder);
        return builder.ToString();
    }

    public IEnumerable<SyntaxNode> Ancestors()
    {
        for (var node = Parent; node is not null; node = node.Parent) yield return node;
    }
}
