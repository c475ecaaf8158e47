using System.Collections.Immutable;
using System.Text;
using VmLang.Text;

namespace VmLang.Syntax;

/// <summary>
/// <c>"""</c>, content lines of literal text and holes, and a closing line of whitespace and <c>"""</c>.
/// The closing line's whitespace is the indentation removed from every content line.
/// </summary>
public sealed class TextBlockSyntax(SyntaxToken start, ImmutableArray<TextBlockPartSyntax> parts, SyntaxToken end) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.TextBlock;
    internal override SourceText? Source { get; } = SourceOf(start, end);
    private readonly TokenData _start = start.Data;
    public SyntaxToken Start => Token(_start);
    public ImmutableArray<TextBlockPartSyntax> Parts { get; } = parts;
    private readonly TokenData _end = end.Data;
    public SyntaxToken End => Token(_end);

    /// <summary>The whitespace before the closing <c>"""</c>.</summary>
    public string Indentation => IndentationText.ToString();

    /// <summary>
    /// <see cref="Indentation"/>, read for every literal part: straight from the source, since the
    /// node keeps no cache (no node field changes after it is made).
    /// </summary>
    private ReadOnlySpan<char> IndentationText
    {
        get
        {
            var closing = End;
            if (!closing.TryGetScannedLeadingText(out var leading))
            {
                return end.LeadingTrivia is [.., { Kind: SyntaxKind.WhitespaceTrivia } whitespace] ? whitespace.Text : "";
            }
            // The lexer takes a line break, then the whitespace before the quotes (Lexer.ScanTextBlockClosingTrivia).
            var lineBreak = leading.StartsWith("\r\n") ? 2 : leading is ['\n' or '\r', ..] ? 1 : 0;
            return leading[lineBreak..];
        }
    }

    public override int SlotCount => Parts.Length + 2;
    public override SyntaxElement? GetSlot(int index) => index == 0 ? Start : index <= Parts.Length ? Parts[index - 1] : End;

    /// <summary>
    /// The value of one literal part: the indentation is removed from the start of each line it begins.
    /// A part begins a line when it is the first part, or when the text before it ends with a line break.
    /// </summary>
    public string GetLiteralValue(TextSyntax text)
    {
        var indentation = IndentationText;
        var token = text.Token;
        var raw = token.TextAsSpan;
        var atLineStart = ReferenceEquals(Parts[0], text);
        if (indentation.Length == 0 && !raw.Contains('\r')) return token.Text;
        var builder = BuilderForThread ?? new StringBuilder();
        BuilderForThread = null;
        builder.Clear();
        var i = 0;
        while (i < raw.Length)
        {
            if (atLineStart)
            {
                var strip = 0;
                while (strip < indentation.Length && i + strip < raw.Length && raw[i + strip] == indentation[strip]) strip++;
                i += strip;
                atLineStart = false;
                continue;
            }
            var c = raw[i++];
            if (c == '\r' && i < raw.Length && raw[i] == '\n')
            {
                // Scripts are read aloud or written per platform by the host; inside the tree, a line break is '\n'.
                continue;
            }
            builder.Append(c == '\r' ? '\n' : c);
            if (c is '\n' or '\r') atLineStart = true;
        }
        var value = builder.ToString();
        if (builder.Capacity <= 4096) BuilderForThread = builder;
        return value;
    }

    // Every text part of every template is unindented while binding: one builder per thread, not one per part.
    [ThreadStatic]
    private static StringBuilder? BuilderForThread;
}

public abstract class TextBlockPartSyntax : SyntaxNode;

/// <summary>Literal text between holes.</summary>
public sealed class TextSyntax(SyntaxToken token) : TextBlockPartSyntax
{
    public override SyntaxKind Kind => SyntaxKind.Text;
    // Its trivia is never read from a text: the lexer gives text tokens none (skipped tokens before one are given up front).
    internal override SourceText? Source => null;
    private readonly TokenData _token = token.Data;
    public new SyntaxToken Token => Token(_token);
    public override int SlotCount => 1;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => Token, _ => null };
}

/// <summary><c>{{ … }}</c> in a text block.</summary>
public abstract class HoleSyntax(SyntaxToken open, SyntaxToken close) : TextBlockPartSyntax
{
    private readonly TokenData _open = open.Data;
    public SyntaxToken Open => Token(_open);
    private readonly TokenData _close = close.Data;
    public SyntaxToken Close => Token(_close);
    protected abstract int BodyCount { get; }
    protected abstract SyntaxElement? GetBody(int index);
    public override int SlotCount => BodyCount + 2;
    public override SyntaxElement? GetSlot(int index) => index == 0 ? Open : index <= BodyCount ? GetBody(index - 1) : Close;
}

/// <summary><c>{{ expr }}</c>: says a value.</summary>
public sealed class ExpressionHoleSyntax(SyntaxToken open, HoleExpressionSyntax expression, SyntaxToken close) : HoleSyntax(open, close)
{
    public override SyntaxKind Kind => SyntaxKind.ExpressionHole;
    internal override SourceText? Source { get; } = SourceOf(open, close);
    public HoleExpressionSyntax Expression { get; } = expression;
    protected override int BodyCount => 1;
    protected override SyntaxElement? GetBody(int index) => index switch { 0 => Expression, _ => null };
}

public sealed class IfHoleSyntax(SyntaxToken open, SyntaxToken ifKeyword, PathSyntax condition, SyntaxToken close) : HoleSyntax(open, close)
{
    public override SyntaxKind Kind => SyntaxKind.IfHole;
    internal override SourceText? Source { get; } = SourceOf(open, ifKeyword, close);
    private readonly TokenData _ifKeyword = ifKeyword.Data;
    public SyntaxToken IfKeyword => Token(_ifKeyword);
    public PathSyntax Condition { get; } = condition;
    protected override int BodyCount => 2;
    protected override SyntaxElement? GetBody(int index) => index switch { 0 => IfKeyword, 1 => Condition, _ => null };
}

public sealed class ElseHoleSyntax(SyntaxToken open, SyntaxToken elseKeyword, SyntaxToken close) : HoleSyntax(open, close)
{
    public override SyntaxKind Kind => SyntaxKind.ElseHole;
    internal override SourceText? Source { get; } = SourceOf(open, elseKeyword, close);
    private readonly TokenData _elseKeyword = elseKeyword.Data;
    public SyntaxToken ElseKeyword => Token(_elseKeyword);
    protected override int BodyCount => 1;
    protected override SyntaxElement? GetBody(int index) => index switch { 0 => ElseKeyword, _ => null };
}

public sealed class EndHoleSyntax(SyntaxToken open, SyntaxToken endKeyword, SyntaxToken close) : HoleSyntax(open, close)
{
    public override SyntaxKind Kind => SyntaxKind.EndHole;
    internal override SourceText? Source { get; } = SourceOf(open, endKeyword, close);
    private readonly TokenData _endKeyword = endKeyword.Data;
    public SyntaxToken EndKeyword => Token(_endKeyword);
    protected override int BodyCount => 1;
    protected override SyntaxElement? GetBody(int index) => index switch { 0 => EndKeyword, _ => null };
}

/// <summary><c>primary ("|" IDENT)*</c>.</summary>
public sealed class HoleExpressionSyntax(PrimarySyntax primary, ImmutableArray<FilterSyntax> filters) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.HoleExpression;
    // No token of its own.
    internal override SourceText? Source => null;
    public PrimarySyntax Primary { get; } = primary;
    public ImmutableArray<FilterSyntax> Filters { get; } = filters;

    public override int SlotCount => Filters.Length + 1;
    public override SyntaxElement? GetSlot(int index) => index == 0 ? Primary : Filters[index - 1];
}

public sealed class FilterSyntax(SyntaxToken pipe, SyntaxToken name) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.Filter;
    internal override SourceText? Source { get; } = SourceOf(pipe, name);
    private readonly TokenData _pipe = pipe.Data;
    public SyntaxToken Pipe => Token(_pipe);
    private readonly TokenData _name = name.Data;
    public SyntaxToken Name => Token(_name);
    public override int SlotCount => 2;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => Pipe, 1 => Name, _ => null };
}

public abstract class PrimarySyntax : SyntaxNode;

/// <summary>A string literal said as is: <c>{{ "{{" }}</c>.</summary>
public sealed class StringExpressionSyntax(SyntaxToken literal) : PrimarySyntax
{
    public override SyntaxKind Kind => SyntaxKind.StringExpression;
    internal override SourceText? Source { get; } = SourceOf(literal);
    private readonly TokenData _literal = literal.Data;
    public SyntaxToken Literal => Token(_literal);
    public override int SlotCount => 1;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => Literal, _ => null };
}

/// <summary><c>IDENT ("." IDENT)*</c>: a slot, optionally with <c>.first</c> or <c>.last</c>.</summary>
public sealed class PathSyntax(SyntaxToken slot, ImmutableArray<MemberAccessSyntax> members) : PrimarySyntax
{
    public override SyntaxKind Kind => SyntaxKind.Path;
    internal override SourceText? Source { get; } = SourceOf(slot);
    private readonly TokenData _slot = slot.Data;
    public SyntaxToken Slot => Token(_slot);
    public ImmutableArray<MemberAccessSyntax> Members { get; } = members;

    public override int SlotCount => Members.Length + 1;
    public override SyntaxElement? GetSlot(int index) => index == 0 ? Slot : Members[index - 1];
}

public sealed class MemberAccessSyntax(SyntaxToken dot, SyntaxToken name) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.MemberAccess;
    internal override SourceText? Source { get; } = SourceOf(dot, name);
    private readonly TokenData _dot = dot.Data;
    public SyntaxToken Dot => Token(_dot);
    private readonly TokenData _name = name.Data;
    public SyntaxToken Name => Token(_name);
    public override int SlotCount => 2;
    public override SyntaxElement? GetSlot(int index) => index switch { 0 => Dot, 1 => Name, _ => null };
}
