using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using VmLang.Diagnostics;
using VmLang.Text;

namespace VmLang.Syntax;

/// <summary>
/// A modal lexer: declarations, text-block content, and holes inside a text block. Text blocks are
/// lexical (their end is a closing line, not a grammar decision), so the lexer tracks the mode itself
/// and the parser sees one flat token stream. It never throws: anything it cannot read becomes
/// skipped-text trivia with a VML0003.
/// </summary>
internal sealed class Lexer
{
    private enum Mode { Declarations, TextBlock, Hole }

    private SourceText _source;
    private string _text;
    private readonly string _path;
    private readonly List<Diagnostic> _diagnostics;
    private readonly ImmutableArray<SyntaxTrivia>.Builder _trivia = ImmutableArray.CreateBuilder<SyntaxTrivia>();

    // Tokens keep only their trivia's width (see SyntaxToken), so trivia is built into _trivia only
    // when a token's trivia is scanned again (the rescanner); the lexer that makes tokens never builds it.
    private bool _recordTrivia;
    private readonly StringTable _strings = StringTable.ForCurrentThread();
    private int _position;
    private Mode _mode = Mode.Declarations;
    private SyntaxToken? _textBlockStart;
    private int _textBlockContentStart;
    private SyntaxToken? _holeOpen;

    public Lexer(SourceText source, string path, List<Diagnostic> diagnostics, int start = 0)
    {
        _source = source;
        _text = source.Text;
        _path = path;
        _diagnostics = diagnostics;
        _position = start;
    }

    /// <summary>
    /// Scans again the trivia that starts at <paramref name="start"/>, for a token that keeps only its
    /// trivia's width (see <see cref="SyntaxToken"/>). Problems in trivia were reported by the first scan.
    /// </summary>
    internal static ImmutableArray<SyntaxTrivia> RescanTrivia(SourceText source, int start, TriviaMode mode)
    {
        var lexer = Rescanner(source, start, recordTrivia: true);
        lexer.ScanTrivia(mode);
        return lexer._trivia.ToImmutable();
    }

    /// <summary>The width of the trivia that starts at <paramref name="start"/>, scanned by the same rules without building it.</summary>
    internal static int MeasureTrivia(SourceText source, int start, TriviaMode mode)
    {
        var lexer = Rescanner(source, start, recordTrivia: false);
        lexer.ScanTrivia(mode);
        return lexer._position - start;
    }

    // Trivia is scanned again whenever a tree is written out or searched: one lexer per thread serves every rescan.
    [ThreadStatic]
    private static Lexer? RescannerForThread;

    private static Lexer Rescanner(SourceText source, int start, bool recordTrivia)
    {
        var lexer = RescannerForThread ??= new Lexer(source, "", []);
        lexer._source = source;
        lexer._text = source.Text;
        lexer._position = start;
        lexer._recordTrivia = recordTrivia;
        lexer._trivia.Clear();
        lexer._diagnostics.Clear();
        return lexer;
    }

    private void ScanTrivia(TriviaMode mode)
    {
        switch (mode)
        {
            case TriviaMode.Leading: ScanLeadingTrivia(); break;
            case TriviaMode.Trailing: ScanTrailingTrivia(); break;
            case TriviaMode.TextBlockOpening: ScanTextBlockOpeningTrivia(); break;
            case TriviaMode.TextBlockClosing: ScanTextBlockClosingTrivia(); break;
            default: ScanHoleTrivia(); break;
        }
    }

    // Inlining asked for on the per-character helpers: NativeAOT left them as calls, a tenth of a parse.
    private char Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _position < _text.Length ? _text[_position] : '\0';
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private char Peek(int offset) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private bool AtEnd
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _position >= _text.Length;
    }

    /// <summary>The next token; after the end of the text, the end-of-file token again.</summary>
    public SyntaxToken Next() => _mode switch
    {
        Mode.TextBlock => NextInTextBlock(),
        Mode.Hole => NextInHole(),
        _ => NextInDeclarations(),
    };

    // ---- Declarations mode ----

    private SyntaxToken NextInDeclarations()
    {
        var fullStart = _position;
        ScanLeadingTrivia();
        var start = _position;
        if (AtEnd)
        {
            return Lazy(SyntaxKind.EndOfFileToken, start, "", fullStart, inHole: false, null);
        }

        var (kind, text, value) = ScanDeclarationToken();
        if (kind == SyntaxKind.TextBlockStartToken)
        {
            return StartTextBlock(start, text, fullStart);
        }
        ScanTrailingTrivia();
        return Lazy(kind, start, text, fullStart, inHole: false, value);
    }

    /// <summary>
    /// Prose up to a hole or the block's end. A short run is shared through the string table; a long one
    /// (most of a workspace's characters) keeps no copy of its own and is read from the source when asked for.
    /// </summary>
    private SyntaxToken TextRun(int start)
    {
        var length = _position - start;
        return length > StringTable.MaxInternedLength && length <= ushort.MaxValue
            ? new(_source, TokenData.InSource(_source, SyntaxKind.TextToken, start, length))
            : Lazy(SyntaxKind.TextToken, start, Slice(start), start, inHole: false, null);
    }

    /// <summary>A token whose trivia is kept as a span and only built when someone reads it.</summary>
    private SyntaxToken Lazy(SyntaxKind kind, int start, string text, int fullStart, bool inHole, object? value) =>
        new(_source, TokenData.Scanned(kind, start, text, fullStart, inHole, value));

    private (SyntaxKind Kind, string Text, object? Value) ScanDeclarationToken()
    {
        var start = _position;
        switch (Current)
        {
            case '"' when Peek(1) == '"' && Peek(2) == '"': return Fixed(SyntaxKind.TextBlockStartToken);
            case '"':
                var value = ScanString();
                return (SyntaxKind.StringLiteralToken, Slice(start), value);
            case '=' when Peek(1) == '>': return Fixed(SyntaxKind.ArrowToken);
            case '=': return Fixed(SyntaxKind.EqualsToken);
            case ':': return Fixed(SyntaxKind.ColonToken);
            case ',': return Fixed(SyntaxKind.CommaToken);
            case '{': return Fixed(SyntaxKind.OpenBraceToken);
            case '}': return Fixed(SyntaxKind.CloseBraceToken);
            case '.': return Fixed(SyntaxKind.DotToken);
            case '|': return Fixed(SyntaxKind.PipeToken);
            case >= '0' and <= '9':
                var (kind, number) = ScanNumber();
                return (kind, Slice(start), number);
            default:
                return (ScanIdentifierOrKeyword(out var text), text, null);
        }
    }

    /// <summary>A token whose text is always the same (punctuation), stepped over.</summary>
    private (SyntaxKind Kind, string Text, object? Value) Fixed(SyntaxKind kind)
    {
        var text = SyntaxFacts.GetFixedText(kind)!;
        _position += text.Length;
        return (kind, text, null);
    }

    /// <summary>A keyword or a name: one look-up in the string table gives both its kind and its shared text.</summary>
    private SyntaxKind ScanIdentifierOrKeyword(out string text)
    {
        var start = _position;
        SkipIdentifierParts();
        return _strings.GetWord(_text.AsSpan(start, _position - start), out text);
    }

    // A plain loop: names are short, shorter than a vectorized search needs to pay for itself.
    private void SkipIdentifierParts()
    {
        var text = _text;
        var end = _position;
        while (end < text.Length && SyntaxFacts.IsIdentifierPart(text[end])) end++;
        _position = end;
    }

    /// <summary>An integer, or a duration when an <c>s</c> follows at once. Other letters glued on are one bad token.</summary>
    private (SyntaxKind Kind, object? Value) ScanNumber()
    {
        var start = _position;
        while (Current is >= '0' and <= '9') _position++;
        var digitsEnd = _position;
        SkipIdentifierParts();

        var suffix = _text.AsSpan(digitsEnd, _position - digitsEnd);
        var span = TextSpan.FromBounds(start, _position);
        if (!SyntaxFacts.TryReadNumber(_text.AsSpan(start, _position - start), out var number))
        {
            Report(DiagnosticDescriptors.SyntaxError.Create(At(span), expected: $"a number no larger than {int.MaxValue}", found: $"'{_source.ToString(span)}'"));
        }
        if (suffix.IsEmpty) return (SyntaxKind.IntegerLiteralToken, number);
        if (suffix is not "s")
        {
            Report(DiagnosticDescriptors.SyntaxError.Create(At(span), expected: "a number or a duration such as '30s'", found: $"'{_source.ToString(span)}'"));
        }
        return (SyntaxKind.DurationLiteralToken, number);
    }

    private string ScanString()
    {
        var start = _position;
        _position++;
        // Most strings have no escapes: their value is a slice of the text, without a builder.
        while (!AtEnd && Current is not ('"' or '\\' or '\n' or '\r')) _position++;
        if (Current == '"')
        {
            _position++;
            return Slice(start + 1, _position - 1);
        }
        var value = new StringBuilder().Append(_text, start + 1, _position - start - 1);
        while (true)
        {
            var c = Current;
            if (AtEnd || c is '\n' or '\r')
            {
                Report(DiagnosticDescriptors.Unterminated.Create(At(TextSpan.FromBounds(start, _position)), what: "string", howToEnd: "add '\"' before the end of the line"));
                return value.ToString();
            }
            _position++;
            if (c == '"') return value.ToString();
            if (c != '\\')
            {
                value.Append(c);
                continue;
            }
            ScanEscape(value);
        }
    }

    private void ScanEscape(StringBuilder value)
    {
        var escapeStart = _position - 1;
        switch (Current)
        {
            case '"': value.Append('"'); _position++; return;
            case '\\': value.Append('\\'); _position++; return;
            case 'n': value.Append('\n'); _position++; return;
            case 't': value.Append('\t'); _position++; return;
            case 'u' when Peek(1) == '{':
                var close = _text.IndexOf('}', _position);
                var lineEnd = _source.GetLineContentEnd(_source.GetLineIndex(_position));
                if (close > 0 && close < lineEnd
                    && int.TryParse(_text.AsSpan(_position + 2, close - _position - 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var codePoint)
                    && close - _position - 2 is > 0 and <= 6
                    && codePoint is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
                {
                    value.Append(char.ConvertFromUtf32(codePoint));
                    _position = close + 1;
                    return;
                }
                break;
        }
        var badEnd = AtEnd || Current is '\n' or '\r' ? _position : _position + 1;
        var span = TextSpan.FromBounds(escapeStart, badEnd);
        Report(DiagnosticDescriptors.SyntaxError.Create(At(span), expected: "an escape sequence (\\\" \\\\ \\n \\t or \\u{1F600})", found: $"'{_source.ToString(span)}'"));
        _position = badEnd;
    }

    // ---- Text blocks ----

    private SyntaxToken StartTextBlock(int start, string text, int fullStart)
    {
        ScanTextBlockOpeningTrivia();
        var token = Lazy(SyntaxKind.TextBlockStartToken, start, text, fullStart, inHole: false, null);
        _mode = Mode.TextBlock;
        _textBlockStart = token;
        _textBlockContentStart = _position;
        return token;
    }

    /// <summary>Only whitespace may follow the opening quotes; the content starts on the next line.</summary>
    private void ScanTextBlockOpeningTrivia()
    {
        ScanWhitespace(newLinesToo: false);
        if (!AtEnd && Current is not ('\n' or '\r'))
        {
            var lineEnd = _source.GetLineContentEnd(_source.GetLineIndex(_position));
            var span = TextSpan.FromBounds(_position, lineEnd);
            Report(DiagnosticDescriptors.SyntaxError.Create(At(span), expected: "a line break after '\"\"\"' (text starts on the next line)", found: $"'{_source.ToString(span)}'"));
            if (_recordTrivia) _trivia.Add(new SyntaxTrivia(SyntaxKind.SkippedTextTrivia, _position, _source.ToString(span)));
            _position = lineEnd;
        }
        ScanNewLine();
    }

    private SyntaxToken NextInTextBlock()
    {
        var start = _position;
        if (start == _textBlockContentStart && IsClosingLine(start))
        {
            return EndTextBlock();
        }
        if (Current == '{' && Peek(1) == '{')
        {
            _position += 2;
            _mode = Mode.Hole;
            ScanHoleTrivia();
            var open = Lazy(SyntaxKind.HoleOpenToken, start, "{{", start, inHole: true, null);
            _holeOpen = open;
            return open;
        }
        while (!AtEnd)
        {
            var c = Current;
            if (c == '{' && Peek(1) == '{') break;
            if (c is '\n' or '\r')
            {
                var lineBreakLength = c == '\r' && Peek(1) == '\n' ? 2 : 1;
                if (IsClosingLine(_position + lineBreakLength))
                {
                    if (_position > start) break;
                    return EndTextBlock();
                }
                _position += lineBreakLength;
                continue;
            }
            // Prose is most of a workspace: skip to the next character that can end the run, vectorized.
            var next = _text.AsSpan(_position + 1).IndexOfAny('{', '\n', '\r');
            _position = next < 0 ? _text.Length : _position + 1 + next;
        }
        if (_position > start)
        {
            return TextRun(start);
        }

        // End of file inside the block: the parser supplies the missing closing token.
        Report(DiagnosticDescriptors.Unterminated.Create(At(_textBlockStart!.Value.Span), what: "text block", howToEnd: "end it with a line holding only '\"\"\"'"));
        _mode = Mode.Declarations;
        return NextInDeclarations();
    }

    /// <summary>
    /// A line holding only whitespace and <c>"""</c> (spec §3). A line such as <c>""" is how we quote</c>,
    /// or <c>""" // note</c>, is content.
    /// </summary>
    private bool IsClosingLine(int lineStart)
    {
        var i = SkipSpaces(lineStart);
        if (!(i + 2 < _text.Length && _text[i] == '"' && _text[i + 1] == '"' && _text[i + 2] == '"')) return false;
        i = SkipSpaces(i + 3);
        return i >= _text.Length || _text[i] is '\n' or '\r';
    }

    private int SkipSpaces(int i)
    {
        while (i < _text.Length && IsSpace(_text[i])) i++;
        return i;
    }

    private SyntaxToken EndTextBlock()
    {
        var fullStart = _position;
        ScanTextBlockClosingTrivia();
        var start = _position;
        _position += 3;
        _mode = Mode.Declarations;
        _textBlockStart = null;
        ScanTrailingTrivia();
        return Lazy(SyntaxKind.TextBlockEndToken, start, "\"\"\"", fullStart, inHole: false, null);
    }

    /// <summary>
    /// The line break that ends the content (the block's text does not include it) and the indentation
    /// of the closing line. An empty block has no line break here: the opening quotes' trivia took it.
    /// </summary>
    private void ScanTextBlockClosingTrivia()
    {
        if (Current is '\n' or '\r') ScanNewLine();
        ScanWhitespace(newLinesToo: false);
    }

    // ---- Holes ----

    private SyntaxToken NextInHole()
    {
        // Spaces inside a hole trail the token before them, so hole tokens have no leading trivia.
        var start = _position;
        var c = Current;
        if (AtEnd || c is '\n' or '\r' || (c == '{' && Peek(1) == '{'))
        {
            // A hole must close on its line; the text that follows is text again.
            Report(DiagnosticDescriptors.Unterminated.Create(At(_holeOpen!.Value.Span), what: "hole", howToEnd: "add '}}' on the same line"));
            _mode = Mode.TextBlock;
            return NextInTextBlock();
        }

        SyntaxKind kind;
        string text;
        object? value = null;
        if (c == '}' && Peek(1) == '}')
        {
            _position += 2;
            _mode = Mode.TextBlock;
            return Lazy(SyntaxKind.HoleCloseToken, start, "}}", start, inHole: true, null);
        }
        if (c == '"')
        {
            (kind, value) = (SyntaxKind.StringLiteralToken, ScanString());
            text = Slice(start);
        }
        else if (c is '.' or '|')
        {
            (kind, text, _) = Fixed(c == '.' ? SyntaxKind.DotToken : SyntaxKind.PipeToken);
        }
        else if (c is >= '0' and <= '9')
        {
            (kind, value) = ScanNumber();
            text = Slice(start);
        }
        else
        {
            kind = ScanIdentifierOrKeyword(out text);
        }

        ScanHoleTrivia();
        return Lazy(kind, start, text, start, inHole: true, value);
    }

    /// <summary>Spaces inside a hole, and any characters that cannot start a hole token.</summary>
    private void ScanHoleTrivia()
    {
        if (!_recordTrivia) SkipBlanks(lineBreaksToo: false);
        while (!AtEnd)
        {
            var c = Current;
            if (IsSpace(c)) { ScanWhitespace(newLinesToo: false); continue; }
            if (c is '\n' or '\r' or '"' or '.' or '|' || SyntaxFacts.IsIdentifierPart(c)) break;
            if (c is '{' && Peek(1) == '{') break;
            if (c is '}' && Peek(1) == '}') break;
            ScanBadCharacters(stopAt: ch => IsSpace(ch) || ch is '\n' or '\r' or '"' or '.' or '|' or '{' or '}' || SyntaxFacts.IsIdentifierPart(ch));
        }
    }

    // ---- Trivia ----

    private void ScanLeadingTrivia()
    {
        if (_position == 0 && _source.HasByteOrderMark)
        {
            _position = 1;
            AddTrivia(SyntaxKind.ByteOrderMarkTrivia, 0);
        }
        if (!_recordTrivia) SkipBlanks(lineBreaksToo: true);
        while (!AtEnd)
        {
            if (ScanWhitespace(newLinesToo: false) || ScanNewLine() || ScanComment()) continue;
            if (StartsDeclarationToken(Current)) break;
            ScanBadCharacters(stopAt: ch => StartsDeclarationToken(ch) || char.IsWhiteSpace(ch) || ch == '/');
        }
    }

    /// <summary>Whitespace and comments up to and including the end of the token's line.</summary>
    private void ScanTrailingTrivia()
    {
        if (!_recordTrivia)
        {
            SkipBlanks(lineBreaksToo: false);
            if (ScanNewLine()) return;
        }
        while (!AtEnd)
        {
            if (ScanNewLine()) break;
            if (!ScanWhitespace(newLinesToo: false) && !ScanComment()) break;
        }
    }

    /// <summary>
    /// Steps over spaces and tabs (and line breaks) in one loop, for a lexer that builds no trivia:
    /// nearly all trivia is these, and the scans that build trivia take such a run apart only for the
    /// pieces to be thrown away. They take the same characters, so the trivia's extent is the same.
    /// </summary>
    private void SkipBlanks(bool lineBreaksToo)
    {
        var text = _text;
        var end = _position;
        while (end < text.Length && (text[end] is ' ' or '\t' || (lineBreaksToo && text[end] is '\n' or '\r'))) end++;
        _position = end;
    }

    private static bool StartsDeclarationToken(char c) =>
        SyntaxFacts.IsIdentifierPart(c) || c is '"' or '=' or ':' or ',' or '{' or '}' or '.' or '|';

    /// <summary>Whitespace that is not a line break (spec §3), the same among declarations, in holes and before closing quotes.</summary>
    /// <remarks>The same set as <see cref="char.IsWhiteSpace(char)"/> without line breaks, tested for ASCII first: nearly every space is.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(char c) =>
        c is ' ' or '\t' || (c < '\u0080' ? c is '\v' or '\f' : c != '\uFEFF' && char.IsWhiteSpace(c));

    private bool ScanWhitespace(bool newLinesToo)
    {
        var start = _position;
        var text = _text;
        var end = start;
        while (end < text.Length && IsSpace(text[end])) end++;
        _position = end;
        if (_position == start) return newLinesToo && ScanNewLine();
        AddTrivia(SyntaxKind.WhitespaceTrivia, start);
        return true;
    }

    private bool ScanNewLine()
    {
        var start = _position;
        if (Current == '\r') _position++;
        if (Current == '\n' && (_position == start || _text[start] == '\r')) _position++;
        if (_position == start) return false;
        AddTrivia(SyntaxKind.EndOfLineTrivia, start);
        return true;
    }

    private bool ScanComment()
    {
        if (Current != '/' || Peek(1) is not ('/' or '*')) return false;
        var start = _position;
        if (Peek(1) == '/')
        {
            var length = _text.AsSpan(_position).IndexOfAny('\n', '\r');
            _position = length < 0 ? _text.Length : _position + length;
            AddTrivia(SyntaxKind.SingleLineCommentTrivia, start);
            return true;
        }
        var close = _text.IndexOf("*/", start + 2, StringComparison.Ordinal);
        if (close < 0)
        {
            _position = _text.Length;
            Report(DiagnosticDescriptors.Unterminated.Create(At(new TextSpan(start, 2)), what: "block comment", howToEnd: "add '*/'"));
        }
        else
        {
            _position = close + 2;
        }
        AddTrivia(SyntaxKind.MultiLineCommentTrivia, start);
        return true;
    }

    private void ScanBadCharacters(Func<char, bool> stopAt)
    {
        var start = _position;
        do
        {
            _position += char.IsSurrogatePair(_text, _position) ? 2 : 1;
        }
        while (!AtEnd && !stopAt(Current));
        Report(DiagnosticDescriptors.CharacterNotAllowed.Create(At(TextSpan.FromBounds(start, _position)), Describe(_text[start.._position])));
        AddTrivia(SyntaxKind.SkippedTextTrivia, start);
    }

    /// <summary>The trivia from <paramref name="start"/> to the current position, when trivia is being kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddTrivia(SyntaxKind kind, int start)
    {
        if (_recordTrivia) RecordTrivia(kind, start);
    }

    private void RecordTrivia(SyntaxKind kind, int start)
    {
        var text = kind switch
        {
            SyntaxKind.WhitespaceTrivia => Slice(start),
            SyntaxKind.EndOfLineTrivia => _position - start == 2 ? "\r\n" : _text[start] == '\n' ? "\n" : "\r",
            _ => _text[start.._position],
        };
        _trivia.Add(new SyntaxTrivia(kind, start, text));
    }

    private static string Describe(string text)
    {
        var shown = text.Length > 20 ? text[..20] + "…" : text;
        var escaped = string.Concat(shown.Select(ch => char.IsControl(ch) || ch == '\uFEFF' ? $"\\u{(int)ch:X4}" : ch.ToString()));
        return text.Length == 1 || (text.Length == 2 && char.IsSurrogatePair(text, 0)) ? $"'{escaped}'" : $"sequence '{escaped}'";
    }

    private string Slice(int start) => Slice(start, _position);

    private string Slice(int start, int end) => _strings.Get(_text.AsSpan(start, end - start));

    private void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    private Location At(TextSpan span) => new(_path, _source, span);
}
