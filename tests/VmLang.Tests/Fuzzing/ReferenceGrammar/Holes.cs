using Pidgin;
using static Pidgin.Parser;
using static VmLang.Tests.Fuzzing.ReferenceGrammar.Lexical;

namespace VmLang.Tests.Fuzzing.ReferenceGrammar;

/// <summary>
/// Spec §6, holes:
/// <code>
/// hole    := "{{" expr "}}" | "{{" "if" path "}}" | "{{" "else" "}}" | "{{" "end" "}}"
/// expr    := primary ("|" IDENT)*
/// primary := path | STRING
/// path    := IDENT ("." IDENT)*
/// </code>
/// Each hole reads as a canonical description (<c>{{if a.first}}</c>, <c>{{"x"|upper}}</c>) for comparing shapes.
/// The contract does not say whether a hole may span lines; the reading here is that, like a string, it
/// lies on one line (text-block content is line by line), with §3 whitespace between its tokens.
/// </summary>
internal static class Holes
{
    private static readonly Parser<char, Unit> Spacing = Parser<char>.Token(IsWhitespace).SkipMany();

    private static Parser<char, T> InHole<T>(Parser<char, T> token) => token.Before(Spacing);

    private static readonly Parser<char, string> Name = InHole(BareIdentifier);

    private static readonly Parser<char, string> Path =
        Map((slot, members) => slot + string.Concat(members.Select(m => "." + m)), Name, InHole(Char('.')).Then(Name).Many());

    private static readonly Parser<char, string> Primary =
        OneOf(Path, InHole(BareString).Select(value => "\"" + value + "\""));

    private static readonly Parser<char, string> Expression =
        Map((primary, filters) => primary + string.Concat(filters.Select(f => "|" + f)), Primary, InHole(Char('|')).Then(Name).Many());

    private static readonly Parser<char, string> Body = OneOf(
        InHole(BareKeyword("if")).Then(Path).Select(path => "if " + path),
        InHole(BareKeyword("else")).ThenReturn("else"),
        InHole(BareKeyword("end")).ThenReturn("end"),
        Expression);

    public static readonly Parser<char, string> Hole =
        Try(String("{{")).Then(Spacing).Then(Body).Before(String("}}")).Select(body => "{{" + body + "}}");
}
