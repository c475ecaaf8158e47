using System.Collections.Immutable;
using System.Text;
using VmLang.Text;

namespace VmLang.Syntax;

/// <summary>
/// A token with its leading and trailing trivia, as Roslyn's: a value, not an object. A workspace
/// holds hundreds of thousands of tokens for as long as it is open; as objects they were most of the
/// garbage collector's work. The token's data lives inline in the node that holds it, and this struct
/// pairs that data with the node (<see cref="Parent"/>), or with the source text while the parser
/// still holds the token.
/// </summary>
public readonly struct SyntaxToken : IEquatable<SyntaxToken>
{
    private readonly object? _owner;
    private readonly TokenData _data;

    internal SyntaxToken(object? owner, TokenData data)
    {
        _owner = owner;
        _data = data;
    }

    /// <summary>A token with its trivia given up front, outside any tree.</summary>
    public SyntaxToken(
        SyntaxKind kind,
        int position,
        string text,
        ImmutableArray<SyntaxTrivia> leadingTrivia,
        ImmutableArray<SyntaxTrivia> trailingTrivia,
        object? value = null,
        bool isMissing = false)
        : this(null, TokenData.WithTrivia(kind, position, text, leadingTrivia, trailingTrivia, value, isMissing))
    {
    }

    internal TokenData Data => _data;

    public SyntaxKind Kind => _data.Kind;

    /// <summary>Where <see cref="Text"/> starts (after the leading trivia).</summary>
    public int Position => _data.Position;

    public string Text => _data.Text ?? "";

    /// <summary>The decoded value: a string's content, a number, or a duration in seconds.</summary>
    public object? Value => _data.Value;

    /// <summary>A zero-width token the parser made up where the grammar required one; its error is reported once.</summary>
    public bool IsMissing => _data.IsMissing;

    /// <summary>The node that holds this token; null for a token the parser has not placed yet, or one in skipped-token trivia.</summary>
    public SyntaxNode? Parent => _owner as SyntaxNode;

    public ImmutableArray<SyntaxTrivia> LeadingTrivia => _data.GetLeadingTrivia(_owner);

    public ImmutableArray<SyntaxTrivia> TrailingTrivia => _data.GetTrailingTrivia(_owner);

    public TextSpan Span => new(Position, Text.Length);

    public TextSpan FullSpan => _data.FullSpan;

    public string ValueText => Value as string ?? Text;

    public SyntaxToken WithLeadingTrivia(ImmutableArray<SyntaxTrivia> trivia) =>
        new(Kind, Position, Text, trivia, TrailingTrivia, Value, IsMissing);

    public IEnumerable<SyntaxNode> Ancestors()
    {
        for (var node = Parent; node is not null; node = node.Parent) yield return node;
    }

    public void WriteTo(StringBuilder builder) => _data.WriteTo(builder, _owner);

    public string ToFullString()
    {
        var builder = new StringBuilder(FullSpan.Length);
        WriteTo(builder);
        return builder.ToString();
    }

    public override string ToString() => Text;

    /// <summary>Two tokens are equal when they are the same token of the same tree (or both parentless with equal data).</summary>
    public bool Equals(SyntaxToken other) =>
        ReferenceEquals(_owner, other._owner) && _data.Position == other._data.Position
        && _data.Kind == other._data.Kind && ReferenceEquals(_data.Text, other._data.Text);

    public override bool Equals(object? obj) => obj is SyntaxToken other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_owner, _data.Position, _data.Kind);

    public static bool operator ==(SyntaxToken left, SyntaxToken right) => left.Equals(right);

    public static bool operator !=(SyntaxToken left, SyntaxToken right) => !left.Equals(right);
}

/// <summary>
/// What a node stores for each of its tokens: 24 bytes. Trivia is two widths, scanned again from the
/// source when read (with the same rules, so it is the same trivia). A plain token's one reference is
/// its text; the few with more (a decoded value, trivia the lexer or parser composed itself) point to
/// an <see cref="Extra"/> instead. The default value is "no token".
/// </summary>
internal readonly struct TokenData
{
    private readonly object? _body;
    private readonly int _position;
    private readonly int _leadingWidth;
    private readonly int _trailingWidth;
    private readonly ushort _kind;
    private readonly Flags _flags;

    [System.Flags]
    private enum Flags : byte
    {
        None = 0,
        Missing = 1,
        InHole = 2,
        ExplicitTrivia = 4,
    }

    /// <summary>The text with what a plain token does not have: a decoded value, or trivia given up front.</summary>
    private sealed record Extra(string Text, object? Value, ImmutableArray<SyntaxTrivia> Leading, ImmutableArray<SyntaxTrivia> Trailing);

    private TokenData(SyntaxKind kind, int position, object body, int leadingWidth, int trailingWidth, Flags flags)
    {
        _kind = (ushort)kind;
        _position = position;
        _body = body;
        _leadingWidth = leadingWidth;
        _trailingWidth = trailingWidth;
        _flags = flags;
    }

    /// <summary>A token whose trivia is the text of [fullStart, position) and [end of text, fullEnd), scanned when read.</summary>
    public static TokenData Scanned(SyntaxKind kind, int position, string text, int fullStart, int fullEnd, bool inHole, object? value) =>
        new(kind, position, value is null ? text : new Extra(text, value, default, default),
            position - fullStart, fullEnd - (position + text.Length), inHole ? Flags.InHole : Flags.None);

    public static TokenData WithTrivia(SyntaxKind kind, int position, string text, ImmutableArray<SyntaxTrivia> leading,
        ImmutableArray<SyntaxTrivia> trailing, object? value, bool isMissing)
    {
        var leadingWidth = leading.IsEmpty ? 0 : position - leading[0].Position;
        var trailingWidth = trailing.IsEmpty ? 0 : trailing[^1].Span.End - (position + text.Length);
        var flags = isMissing ? Flags.Missing : Flags.None;
        if (leading.IsEmpty && trailing.IsEmpty)
        {
            return new(kind, position, value is null ? text : new Extra(text, value, default, default), 0, 0, flags);
        }
        return new(kind, position, new Extra(text, value, leading, trailing), leadingWidth, trailingWidth, flags | Flags.ExplicitTrivia);
    }

    /// <summary>False for the default value: an optional token that is not there.</summary>
    public bool IsPresent => _body is not null;

    public SyntaxKind Kind => (SyntaxKind)_kind;

    public int Position => _position;

    public string? Text => _body as string ?? ((Extra?)_body)?.Text;

    public object? Value => (_body as Extra)?.Value;

    public bool IsMissing => (_flags & Flags.Missing) != 0;

    public TextSpan FullSpan => TextSpan.FromBounds(_position - _leadingWidth, _position + (Text?.Length ?? 0) + _trailingWidth);

    private Extra? Explicit => (_flags & Flags.ExplicitTrivia) != 0 ? (Extra)_body! : null;

    public ImmutableArray<SyntaxTrivia> GetLeadingTrivia(object? owner) =>
        Explicit is { } given ? given.Leading
        : _leadingWidth == 0 ? ImmutableArray<SyntaxTrivia>.Empty
        : Lexer.RescanTrivia(SourceOf(owner), _position - _leadingWidth, (_flags & Flags.InHole) != 0 ? TriviaMode.Hole : TriviaMode.Leading);

    public ImmutableArray<SyntaxTrivia> GetTrailingTrivia(object? owner) =>
        Explicit is { } given ? given.Trailing
        : _trailingWidth == 0 ? ImmutableArray<SyntaxTrivia>.Empty
        : Lexer.RescanTrivia(SourceOf(owner), _position + Text!.Length, (_flags & Flags.InHole) != 0 ? TriviaMode.Hole : TriviaMode.Trailing);

    public void WriteTo(StringBuilder builder, object? owner)
    {
        if (Explicit is { } given)
        {
            foreach (var item in given.Leading) builder.Append(item.Text);
            builder.Append(given.Text);
            foreach (var item in given.Trailing) builder.Append(item.Text);
            return;
        }
        if (_leadingWidth == 0 && _trailingWidth == 0)
        {
            builder.Append(Text);
            return;
        }
        // Unscanned trivia is exactly the source text around the token: copy it without building trivia.
        var fullSpan = FullSpan;
        builder.Append(SourceOf(owner).Text, fullSpan.Start, fullSpan.Length);
    }

    /// <summary>The text a token was lexed from: held directly before the parser places it, else the tree's.</summary>
    private static SourceText SourceOf(object? owner)
    {
        if (owner is SourceText text) return text;
        var node = (SyntaxNode)owner!;
        while (node.Parent is { } parent) node = parent;
        return ((CompilationUnitSyntax)node).Source;
    }
}
