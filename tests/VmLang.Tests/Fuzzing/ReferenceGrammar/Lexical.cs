using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace VmLang.Tests.Fuzzing.ReferenceGrammar;

/// <summary>
/// Spec §3, lexical structure, written as parsers over characters. Every token parser here takes the
/// trivia after it, so the grammar above reads token by token, as the spec does.
/// </summary>
internal static class Lexical
{
    // "Whitespace, newlines and comments are trivia."
    public static bool IsWhitespace(char c) => char.IsWhiteSpace(c) && c is not ('\n' or '\r');

    /// <summary>
    /// §2: line endings are LF or CRLF. The contract is silent on a lone CR; as in Roslyn, it ends a line
    /// (it is whitespace either way, so this only decides where a `//` comment or a string line stops).
    /// </summary>
    public static readonly Parser<char, Unit> NewLine =
        OneOf(Char('\n').IgnoreResult(), Char('\r').Then(Char('\n').Optional()).IgnoreResult());

    public static readonly Parser<char, Unit> LineEndOrEnd = OneOf(NewLine, End);

    // "Comments: `// …` to end of line, and `/* … */` (not nested)." An unterminated one is VML0002: not accepted.
    private static readonly Parser<char, Unit> LineComment =
        Try(String("//")).Then(Token(c => c is not ('\n' or '\r')).SkipMany());

    private static readonly Parser<char, Unit> BlockComment =
        Try(String("/*")).Then(Any.SkipUntil(Try(String("*/"))));

    public static readonly Parser<char, Unit> Trivia =
        OneOf(Token(IsWhitespace).SkipAtLeastOnce(), NewLine, LineComment, BlockComment).SkipMany();

    /// <summary>§2: "UTF-8 (a BOM is allowed)" — at the start of the file only.</summary>
    public static readonly Parser<char, Unit> ByteOrderMark = Char('\uFEFF').Optional().IgnoreResult();

    public static Parser<char, T> Lexeme<T>(Parser<char, T> token) => token.Before(Trivia);

    // "Identifier: [A-Za-z_][A-Za-z0-9_]*, case-sensitive."
    public static bool IsIdentifierStart(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '_';

    public static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || c is >= '0' and <= '9';

    public static readonly Parser<char, string> Word =
        Map((first, rest) => first + rest, Token(IsIdentifierStart), Token(IsIdentifierPart).ManyString());

    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(
        "template ruleset sequence for slot optional say use max forbid prefer because as allow day voicemail gatekeeper error warning info if else end"
            .Split(' '), StringComparer.Ordinal);

    /// <summary>A keyword, without the trivia after it (holes have their own spacing). `format` is an identifier, not `for` then `mat`.</summary>
    public static Parser<char, string> BareKeyword(string keyword) => Try(String(keyword).Before(Not(Token(IsIdentifierPart))));

    public static readonly Parser<char, string> BareIdentifier = Try(Word.Where(w => !Keywords.Contains(w)));

    public static Parser<char, string> Keyword(string keyword) => Lexeme(BareKeyword(keyword));

    public static readonly Parser<char, string> Identifier = Lexeme(BareIdentifier);

    // "Integer: [0-9]+. Duration: an integer immediately followed by `s`." A letter glued on makes neither.
    // The project reads numbers as 32-bit integers: a larger one is a VML0001 (an implementation limit).
    private static readonly Parser<char, string> Digits =
        Digit.AtLeastOnceString().Where(digits => int.TryParse(digits, System.Globalization.NumberStyles.None, null, out _));

    private static readonly Parser<char, Unit> NoIdentifierPartNext = Not(Token(IsIdentifierPart));

    public static readonly Parser<char, string> Integer = Lexeme(Try(Digits.Before(NoIdentifierPartNext)));

    public static readonly Parser<char, string> Duration = Lexeme(Try(Digits.Before(Char('s')).Before(NoIdentifierPartNext)));

    // "`=>` `:` `=` `,` `{` `}` `.` `|` are punctuation." `=` followed by `>` is the arrow, never `=` then `>`.
    public static Parser<char, char> Punctuation(char c) =>
        Lexeme(c == '=' ? Try(Char('=').Before(Not(Char('>')))) : Char(c));

    public static readonly Parser<char, string> Arrow = Lexeme(String("=>"));

    // "String: `"…"` on one line; escapes `\"` `\\` `\n` `\t` `\u{1F600}`."
    private static bool IsHexDigit(char c) => char.IsAsciiHexDigit(c);

    private static readonly Parser<char, string> UnicodeEscape =
        Token(IsHexDigit).AtLeastOnceString()
            .Where(hex => hex.Length <= 6)
            .Select(hex => int.Parse(hex, System.Globalization.NumberStyles.AllowHexSpecifier, null))
            .Where(scalar => scalar <= 0x10FFFF && scalar is not (>= 0xD800 and <= 0xDFFF))
            .Select(char.ConvertFromUtf32)
            .Between(Char('{'), Char('}'));

    private static readonly Parser<char, string> Escape = Char('\\').Then(OneOf(
        Char('"').ThenReturn("\""),
        Char('\\').ThenReturn("\\"),
        Char('n').ThenReturn("\n"),
        Char('t').ThenReturn("\t"),
        Char('u').Then(UnicodeEscape)));

    private static readonly Parser<char, string> StringCharacter =
        Token(c => c is not ('"' or '\\' or '\n' or '\r')).Select(c => c.ToString());

    /// <summary>A string's value, escapes read; no trivia after it.</summary>
    public static readonly Parser<char, string> BareString =
        Char('"').Then(OneOf(StringCharacter, Escape).ManyString()).Before(Char('"'));

    /// <summary>Among declarations, `"""` always opens a text block, so a string never starts with it.</summary>
    public static readonly Parser<char, string> StringLiteral = Lexeme(Not(Try(String("\"\"\""))).Then(BareString));
}
