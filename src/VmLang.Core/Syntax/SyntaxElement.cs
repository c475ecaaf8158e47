using System.Text;
using VmLang.Text;

namespace VmLang.Syntax;

/// <summary>A node or a token: what a node's children are (Roslyn's <c>SyntaxNodeOrToken</c>).</summary>
public readonly struct SyntaxElement
{
    private readonly SyntaxNode? _node;
    private readonly SyntaxToken _token;

    public SyntaxElement(SyntaxNode node) => _node = node;

    public SyntaxElement(SyntaxToken token) => _token = token;

    public static implicit operator SyntaxElement(SyntaxNode node) => new(node);

    /// <summary>An absent optional node is an absent slot, not an element.</summary>
    public static implicit operator SyntaxElement?(SyntaxNode? node) => node is null ? default(SyntaxElement?) : new SyntaxElement(node);

    public static implicit operator SyntaxElement(SyntaxToken token) => new(token);

    public bool IsNode => _node is not null;

    public bool IsToken => _node is null;

    /// <summary>The node, or null when this is a token.</summary>
    public SyntaxNode? Node => _node;

    /// <summary>The token, or null when this is a node.</summary>
    public SyntaxToken? Token => _node is null ? _token : null;

    public SyntaxKind Kind => _node?.Kind ?? _token.Kind;

    /// <summary>The span including leading and trailing trivia.</summary>
    public TextSpan FullSpan => _node?.FullSpan ?? _token.FullSpan;

    /// <summary>The span of the element's own text, without trivia.</summary>
    public TextSpan Span => _node?.Span ?? _token.Span;

    public void WriteTo(StringBuilder builder)
    {
        if (_node is not null) _node.WriteTo(builder);
        else _token.WriteTo(builder);
    }

    public string ToFullString() => _node?.ToFullString() ?? _token.ToFullString();

    public override string ToString() => _node?.ToString() ?? _token.ToString();
}
