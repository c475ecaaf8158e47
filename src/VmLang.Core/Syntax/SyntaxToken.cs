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

    /// <summary>The text the token was lexed from; null for one that was not lexed (missing, or with trivia given up front).</summary>
    internal SourceText? Source => _owner as SourceText ?? (_owner as SyntaxNode)?.Source;

    public ImmutableArray<SyntaxTrivia> LeadingTrivia => _data.GetLeadingTrivia(_owner);

    /// <summary>The leading trivia's text, read from the source without building trivia; false when the trivia was given up front.</summary>
    internal bool TryGetScannedLeadingText(out ReadOnlySpan<char> text) => _data.TryGetScannedLeadingText(_owner, out text);

    public ImmutableArray<SyntaxTrivia> TrailingTrivia => _data.GetTrailingTrivia(_owner);

    public TextSpan Span => new(Position, _data.TextLength);

    /// <summary><see cref="Text"/> without making a string of it: a long run of text-block prose stays in the source.</summary>
    internal ReadOnlySpan<char> TextAsSpan => _data.TextAsSpan;

    public TextSpan FullSpan => _data.GetFullSpan(_owner);

    /// <summary>Where <see cref="FullSpan"/> starts, without scanning the trailing trivia again.</summary>
    internal int FullStart => _data.FullStart;

    public string ValueText => Value as string ?? Text;

    public SyntaxToken WithLeadingTrivia(ImmutableArray<SyntaxTrivia> trivia) =>
        new(Kind, Position, Text, trivia, TrailingTrivia, Value, IsMissing);

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
        && _data.Kind == other._data.Kind && _data.HasSameText(other._data);

    public override bool Equals(object? obj) => obj is SyntaxToken other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_owner, _data.Position, _data.Kind);

    public static bool operator ==(SyntaxToken left, SyntaxToken right) => left.Equals(right);

    public static bool operator !=(SyntaxToken left, SyntaxToken right) => !left.Equals(right);
}

/// <summary>
/// What a node stores for each of its tokens: 16 bytes. Trivia is scanned again from the source when
/// read, with the same rules, so it is the same trivia: the leading trivia's width is kept (it depends
/// on the token before), the trailing trivia's is not (it is whatever the rules take after the text).
/// A plain token's one reference is its text; the few with more (a decoded value that the text does not
/// give back, trivia the parser composed, leading trivia wider than 64K) point to an <see cref="Extra"/>.
/// A long run of text-block prose keeps no copy of its text: its reference is the source it was read
/// from (<see cref="Flags.TextInSource"/>). The default value is "no token".
/// </summary>
internal readonly struct TokenData
{
    private readonly object? _body;
    private readonly int _position;

    // The leading trivia's width; for a token whose text is in the source, which has no trivia, the text's length.
    private readonly ushort _leadingWidth;
    private readonly byte _kind;
    private readonly Flags _flags;

    [System.Flags]
    private enum Flags : byte
    {
        None = 0,
        Missing = 1,
        InHole = 2,

        /// <summary>The trivia is in <see cref="Extra"/>, given up front rather than scanned.</summary>
        ExplicitTrivia = 4,

        /// <summary>The lexer read the token from the source, so its trailing trivia can be scanned again.</summary>
        Scanned = 8,

        /// <summary>The leading trivia is too wide for the inline field; its width is in <see cref="Extra"/>.</summary>
        WideLeading = 16,

        /// <summary>
        /// The body is the <see cref="SourceText"/> the text was read from, and the inline width is the text's
        /// length. Prose is most of a workspace, and a copy of it in the tree doubled what a parse allocates.
        /// </summary>
        TextInSource = 32,
    }

    /// <summary>What a plain token does not have: a decoded value, given trivia, or a wide leading width.</summary>
    private sealed record Extra(string Text, object? Value, ImmutableArray<SyntaxTrivia> Leading, ImmutableArray<SyntaxTrivia> Trailing,
        int LeadingWidth, int TrailingWidth);

    private TokenData(SyntaxKind kind, int position, object body, int leadingWidth, Flags flags)
    {
        _kind = checked((byte)kind);
        _position = position;
        _body = body;
        _leadingWidth = (ushort)leadingWidth;
        _flags = flags;
    }

    /// <summary>A token whose trivia is the text of [fullStart, position) and what the lexer's rules take after its text.</summary>
    public static TokenData Scanned(SyntaxKind kind, int position, string text, int fullStart, bool inHole, object? value)
    {
        var leadingWidth = position - fullStart;
        var flags = Flags.Scanned | (inHole ? Flags.InHole : Flags.None);
        var storedValue = value is null || IsDerivable(kind, text, value) ? null : value;
        if (leadingWidth > ushort.MaxValue)
        {
            return new(kind, position, new Extra(text, storedValue, default, default, leadingWidth, 0), 0, flags | Flags.WideLeading);
        }
        return new(kind, position, storedValue is null ? text : new Extra(text, storedValue, default, default, 0, 0), leadingWidth, flags);
    }

    /// <summary>
    /// True when <see cref="DeriveValue"/> gives the value back from the text, so it need not be stored:
    /// every number, and a string without escapes (its text is its value in quotes). Escapes make the value shorter.
    /// </summary>
    private static bool IsDerivable(SyntaxKind kind, string text, object value) => kind switch
    {
        SyntaxKind.IntegerLiteralToken or SyntaxKind.DurationLiteralToken => true,
        SyntaxKind.StringLiteralToken => value is string s && text.Length == s.Length + 2 && text[0] == '"' && text[^1] == '"',
        _ => false,
    };

    private static object? DeriveValue(SyntaxKind kind, string text)
    {
        switch (kind)
        {
            case SyntaxKind.IntegerLiteralToken or SyntaxKind.DurationLiteralToken when text.Length > 0 && char.IsAsciiDigit(text[0]):
                SyntaxFacts.TryReadNumber(text, out var number);
                return number;
            case SyntaxKind.StringLiteralToken when text.Length >= 2 && text[0] == '"' && text[^1] == '"':
                return StringTable.ForCurrentThread().Get(text.AsSpan(1, text.Length - 2));
            default:
                return null;
        }
    }

    /// <summary>A text-block run of <paramref name="length"/> characters (at most 64K) whose text is read from <paramref name="source"/> when asked for.</summary>
    public static TokenData InSource(SourceText source, SyntaxKind kind, int position, int length) =>
        new(kind, position, source, checked((ushort)length), Flags.Scanned | Flags.TextInSource);

    public static TokenData WithTrivia(SyntaxKind kind, int position, string text, ImmutableArray<SyntaxTrivia> leading,
        ImmutableArray<SyntaxTrivia> trailing, object? value, bool isMissing)
    {
        var flags = isMissing ? Flags.Missing : Flags.None;
        if (leading.IsEmpty && trailing.IsEmpty)
        {
            return new(kind, position, value is null ? text : new Extra(text, value, default, default, 0, 0), 0, flags);
        }
        var leadingWidth = leading.IsEmpty ? 0 : position - leading[0].Position;
        var trailingWidth = trailing.IsEmpty ? 0 : trailing[^1].Span.End - (position + text.Length);
        return new(kind, position, new Extra(text, value, leading, trailing, leadingWidth, trailingWidth), 0, flags | Flags.ExplicitTrivia);
    }

    /// <summary>False for the default value: an optional token that is not there.</summary>
    public bool IsPresent => _body is not null;

    public SyntaxKind Kind => (SyntaxKind)_kind;

    public int Position => _position;

    public string? Text => _body switch
    {
        string text => text,
        Extra extra => extra.Text,
        SourceText source => source.Text.Substring(_position, _leadingWidth),
        _ => null,
    };

    public int TextLength => IsTextInSource ? _leadingWidth : Text?.Length ?? 0;

    public ReadOnlySpan<char> TextAsSpan => _body is SourceText source ? source.Text.AsSpan(_position, _leadingWidth) : Text;

    private bool IsTextInSource => (_flags & Flags.TextInSource) != Flags.None;

    /// <summary>The same text, by reference: the same string, or the same run of the same source.</summary>
    public bool HasSameText(TokenData other) =>
        IsTextInSource || other.IsTextInSource
            ? ReferenceEquals(_body, other._body) && _leadingWidth == other._leadingWidth
            : ReferenceEquals(Text, other.Text);

    public object? Value => _body switch
    {
        Extra extra => extra.Value,
        string text => DeriveValue(Kind, text),
        _ => null,
    };

    public bool IsMissing => (_flags & Flags.Missing) != Flags.None;

    private int TextEnd => _position + TextLength;

    private int LeadingWidth =>
        IsTextInSource ? 0
        : (_flags & (Flags.ExplicitTrivia | Flags.WideLeading)) != Flags.None ? ((Extra)_body!).LeadingWidth
        : _leadingWidth;

    public int FullStart => _position - LeadingWidth;

    public TextSpan GetFullSpan(object? owner) => FullSpanIn(Explicit is null && TrailingMode is not null ? SourceOf(owner) : null);

    /// <param name="source">The tree's text; needed only when the trailing trivia is measured again.</param>
    private TextSpan FullSpanIn(SourceText? source)
    {
        var trailingWidth = Explicit is { } given ? given.TrailingWidth
            : TrailingMode is { } mode ? Lexer.MeasureTrivia(source!, TextEnd, mode)
            : 0;
        return TextSpan.FromBounds(FullStart, TextEnd + trailingWidth);
    }

    private Extra? Explicit => (_flags & Flags.ExplicitTrivia) != Flags.None ? (Extra)_body! : null;

    public bool TryGetScannedLeadingText(object? owner, out ReadOnlySpan<char> text)
    {
        if (Explicit is not null)
        {
            text = default;
            return false;
        }
        text = LeadingWidth == 0 ? default : SourceOf(owner).Text.AsSpan(FullStart, LeadingWidth);
        return true;
    }

    public ImmutableArray<SyntaxTrivia> GetLeadingTrivia(object? owner) =>
        Explicit is { } given ? given.Leading
        : LeadingWidth == 0 ? ImmutableArray<SyntaxTrivia>.Empty
        : Lexer.RescanTrivia(SourceOf(owner), FullStart, LeadingMode);

    public ImmutableArray<SyntaxTrivia> GetTrailingTrivia(object? owner) =>
        Explicit is { } given ? given.Trailing
        : TrailingMode is { } mode ? Lexer.RescanTrivia(SourceOf(owner), TextEnd, mode)
        : ImmutableArray<SyntaxTrivia>.Empty;

    // The text-block quotes are the only tokens whose trivia follows rules of its own on one side.
    private TriviaMode LeadingMode =>
        (_flags & Flags.InHole) != Flags.None ? TriviaMode.Hole
        : Kind == SyntaxKind.TextBlockEndToken ? TriviaMode.TextBlockClosing
        : TriviaMode.Leading;

    /// <summary>The rules the lexer took trailing trivia by; null when it took none (text, <c>}}</c>, tokens it did not scan).</summary>
    private TriviaMode? TrailingMode =>
        (_flags & Flags.Scanned) == Flags.None || Kind is SyntaxKind.TextToken or SyntaxKind.HoleCloseToken ? null
        : (_flags & Flags.InHole) != Flags.None ? TriviaMode.Hole
        : Kind == SyntaxKind.TextBlockStartToken ? TriviaMode.TextBlockOpening
        : TriviaMode.Trailing;

    public void WriteTo(StringBuilder builder, object? owner)
    {
        if (Explicit is { } given)
        {
            foreach (var item in given.Leading) builder.Append(item.Text);
            builder.Append(given.Text);
            foreach (var item in given.Trailing) builder.Append(item.Text);
            return;
        }
        // Trivia that was not given is exactly the source text around the token: copy it without building trivia.
        if (LeadingWidth == 0 && TrailingMode is null)
        {
            builder.Append(TextAsSpan);
            return;
        }
        var source = SourceOf(owner);
        var fullSpan = FullSpanIn(source);
        builder.Append(source.Text, fullSpan.Start, fullSpan.Length);
    }

    /// <summary>The text a token was lexed from: held directly before the parser places it, else its node's.</summary>
    private static SourceText SourceOf(object? owner) => owner as SourceText ?? ((SyntaxNode)owner!).Source!;
}
