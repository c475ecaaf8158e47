using Pidgin;
using static Pidgin.Parser;
using static VmLang.Tests.Fuzzing.ReferenceGrammar.Lexical;

namespace VmLang.Tests.Fuzzing.ReferenceGrammar;

/// <summary>
/// Spec §4, declarations. Each declaration reads as its shape: kind, name and members in order. Rules that
/// the spec gives as counts or orders (exactly one `say`, at most one `max`, ascending days) and every name
/// a binder resolves (roles, filters, codes, rulesets, templates) are not grammar: any identifier parses.
/// </summary>
internal static class Declarations
{
    private static readonly Parser<char, char> OpenBrace = Punctuation('{');
    private static readonly Parser<char, char> CloseBrace = Punctuation('}');

    // "`allow CODE because "why"`"; rules: "because "why" [as SEVERITY]".
    private static readonly Parser<char, string> Because = Keyword("because").Then(StringLiteral);

    private static readonly Parser<char, string> Severity =
        Keyword("as").Then(OneOf(Keyword("error"), Keyword("warning"), Keyword("info")));

    // "`slot NAME : ROLE [optional] [= "default"]`"
    private static readonly Parser<char, string> Slot =
        Map((name, role, optional, value) => $"slot {name}:{role}{(optional.HasValue ? " optional" : "")}{(value.HasValue ? " =" : "")}",
            Keyword("slot").Then(Identifier),
            Punctuation(':').Then(Identifier),
            Keyword("optional").Optional(),
            Punctuation('=').Then(StringLiteral).Optional());

    private static Parser<char, string> TemplateMember(ClosingLineRule rule) => OneOf(
        Keyword("use").Then(Identifier).Select(ruleset => $"use {ruleset}"),
        Keyword("max").Then(Duration).Select(duration => $"max {duration}s"),
        Keyword("allow").Then(Identifier).Before(Because).Select(code => $"allow {code}"),
        Slot,
        Keyword("say").Then(Lexeme(TextBlocks.TextBlock(rule))).Select(holes => "say " + string.Concat(holes)));

    /// <summary>`template NAME for voicemail|gatekeeper { … }`; members in any order.</summary>
    private static Parser<char, DeclarationShape> Template(ClosingLineRule rule) =>
        Map((name, members) => new DeclarationShape("template", name, [.. members]),
            Keyword("template").Then(Identifier).Before(Keyword("for")).Before(OneOf(Keyword("voicemail"), Keyword("gatekeeper"))),
            TemplateMember(rule).Many().Between(OpenBrace, CloseBrace));

    // "`forbid "p" (, "p")* because "why" [as SEVERITY] | prefer "p" => "r" because "why" [as SEVERITY]`"
    private static readonly Parser<char, string> Rule = OneOf(
        Keyword("forbid").Then(StringLiteral.SeparatedAtLeastOnce(Punctuation(','))).Select(phrases => $"forbid {phrases.Count()}"),
        Keyword("prefer").Then(StringLiteral).Before(Arrow).Before(StringLiteral).ThenReturn("prefer"))
        .Before(Because).Before(Severity.Optional());

    private static readonly Parser<char, DeclarationShape> Ruleset =
        Map((name, rules) => new DeclarationShape("ruleset", name, [.. rules]),
            Keyword("ruleset").Then(Identifier),
            Rule.Many().Between(OpenBrace, CloseBrace));

    // "`sequence NAME { day N TEMPLATE … }`"
    private static readonly Parser<char, string> DayStep =
        Map((day, template) => $"day {day} {template}", Keyword("day").Then(Integer), Identifier);

    private static readonly Parser<char, DeclarationShape> Sequence =
        Map((name, steps) => new DeclarationShape("sequence", name, [.. steps]),
            Keyword("sequence").Then(Identifier),
            DayStep.Many().Between(OpenBrace, CloseBrace));

    public static Parser<char, IReadOnlyList<DeclarationShape>> File(ClosingLineRule rule) =>
        ByteOrderMark.Then(Trivia)
            .Then(OneOf(Template(rule), Ruleset, Sequence).Many())
            .Before(Parser<char>.End)
            .Select(declarations => (IReadOnlyList<DeclarationShape>)[.. declarations]);
}
