using System.Collections.Immutable;
using System.Text;
using VmLang.Text;

namespace VmLang.Syntax;

/// <summary>
/// A token with its leading and trailing trivia. A workspace holds hundreds of thousands of tokens for
/// as long as it is open, so a token is kept small: its trivia is stored as two widths and scanned
/// from the source text when first read (the same rules, so the same trivia), and the rarely used
/// parts (a decoded value, trivia the parser built itself) share one field.
/// </summary>
public sealed class SyntaxToken : SyntaxElement
{
    private readonly SourceText? _source;
    private readonly object? _extra;
    private readonly int _leadingWidth;
    private readonly int _trailingWidth;
    private readonly ushort _kind;
    private readonly Flags _flags;

    [Flags]
    private enum Flags : byte
    {
        None = 0,
        Missing = 1,
        LeadingHole = 2,
        TrailingHole = 4,
    }

    /// <summary>Trivia given up front, for tokens whose trivia the lexer or parser composes itself.</summary>
    private sealed record ExplicitTrivia(ImmutableArray<SyntaxTrivia> Leading, ImmutableArray<SyntaxTrivia> Trailing, object? Value);

    public SyntaxToken(
        SyntaxKind kind,
        int position,
        string text,
        ImmutableArray<SyntaxTrivia> leadingTrivia,
        ImmutableArray<SyntaxTrivia> trailingTrivia,
        object? value = null,
        bool isMissing = false)
    {
        _kind = (ushort)kind;
        Position = position;
        Text = text;
        _flags = isMissing ? Flags.Missing : Flags.None;
        _leadingWidth = position - (leadingTrivia.IsEmpty ? position : leadingTrivia[0].Position);
        _trailingWidth = trailingTrivia.IsEmpty ? 0 : trailingTrivia[^1].Span.End - (position + text.Length);
        _extra = leadingTrivia.IsEmpty && trailingTrivia.IsEmpty ? value : new ExplicitTrivia(leadingTrivia, trailingTrivia, value);
    }

    /// <summary>A token whose trivia is the text of [fullStart, position) and [end of text, fullEnd), scanned when read.</summary>
    internal SyntaxToken(SyntaxKind kind, int position, string text, SourceText source, int fullStart, int fullEnd, bool inHole, object? value)
    {
        _kind = (ushort)kind;
        Position = position;
        Text = text;
        _source = source;
        _extra = value;
        _leadingWidth = position - fullStart;
        _trailingWidth = fullEnd - (position + text.Length);
        _flags = inHole ? Flags.LeadingHole | Flags.TrailingHole : Flags.None;
    }

    public override SyntaxKind Kind => (SyntaxKind)_kind;

    /// <summary>Where <see cref="Text"/> starts (after the leading trivia).</summary>
    public int Position { get; }

    public string Text { get; }

    /// <summary>The decoded value: a string's content, a number, or a duration in seconds.</summary>
    public object? Value => _extra is ExplicitTrivia trivia ? trivia.Value : _extra;

    /// <summary>A zero-width token the parser made up where the grammar required one; its error is reported once.</summary>
    public bool IsMissing => (_flags & Flags.Missing) != 0;

    public ImmutableArray<SyntaxTrivia> LeadingTrivia =>
        _extra is ExplicitTrivia trivia ? trivia.Leading
        : _leadingWidth == 0 ? ImmutableArray<SyntaxTrivia>.Empty
        : Lexer.RescanTrivia(_source!, Position - _leadingWidth, (_flags & Flags.LeadingHole) != 0 ? TriviaMode.Hole : TriviaMode.Leading);

    public ImmutableArray<SyntaxTrivia> TrailingTrivia =>
        _extra is ExplicitTrivia trivia ? trivia.Trailing
        : _trailingWidth == 0 ? ImmutableArray<SyntaxTrivia>.Empty
        : Lexer.RescanTrivia(_source!, Position + Text.Length, (_flags & Flags.TrailingHole) != 0 ? TriviaMode.Hole : TriviaMode.Trailing);

    public override TextSpan Span => new(Position, Text.Length);

    public override TextSpan FullSpan => TextSpan.FromBounds(Position - _leadingWidth, Position + Text.Length + _trailingWidth);

    public string ValueText => Value as string ?? Text;

    public SyntaxToken WithLeadingTrivia(ImmutableArray<SyntaxTrivia> trivia) =>
        new(Kind, Position, Text, trivia, TrailingTrivia, Value, IsMissing);

    public override void WriteTo(StringBuilder builder)
    {
        if (_source is not null)
        {
            // Unscanned trivia is exactly the source text around the token: copy it without building trivia.
            var fullSpan = FullSpan;
            builder.Append(_source.Text, fullSpan.Start, fullSpan.Length);
            return;
        }
        foreach (var trivia in LeadingTrivia) builder.Append(trivia.Text);
        builder.Append(Text);
        foreach (var trivia in TrailingTrivia) builder.Append(trivia.Text);
    }

    public override string ToString() => Text;
}
