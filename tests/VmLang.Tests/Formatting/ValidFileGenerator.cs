using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;

namespace VmLang.Tests.Formatting;

/// <summary>
/// Generates syntactically valid <c>.vml</c> files in messy layouts: any whitespace, line breaks and
/// comments between tokens, CRLF here and there, text blocks at any indentation with holes spaced
/// any way. Names are not required to resolve: formatting must not care. Every construct of the spec's
/// grammar (§3, §4, §6) appears: all string escapes, durations, both comment forms, a byte-order mark,
/// CRLF, Unicode whitespace, empty text blocks, closing lines with trailing whitespace, and every hole form.
/// </summary>
internal static class ValidFileGenerator
{
    private static readonly Gen<string> Separator = Gen.Elements(" ", " ", "  ", "\t", " /* c */ ", "\n", "\n\n  ", " // note\n", "\r\n    ", " /* two\n lines */ ", "\u00A0", " /**/", "\f ");
    private static readonly Gen<string> LineBreak = Gen.Elements("\n", "\n", "\n\n", " ", "\n  // comment\n  ", "\r\n", "\n\n\n");
    private static readonly Gen<string> Name = Gen.Elements("a", "prospect", "rep", "x_1", "firm", "house", "q4", "when");
    private static readonly Gen<string> RoleName = Gen.Elements("prospect", "caller", "company", "reason", "benefit", "callback", "contact", "text", "nonsense");
    private static readonly Gen<string> Phrase = Gen.Elements(
        "\"just checking in\"", "\"a\"", "\"touching base\"", "\"say \\\"hi\\\"\"", "\"tab\\there\"", "\"back\\\\slash\"", "\"new\\nline\"",
        "\"\\u{1F600} \\u{e9}\"", "\"\"", "\"’ quote // not a comment\"");
    private static readonly Gen<string> Code = Gen.Elements("VML0203", "VML1004", "VML9999");

    public static Arbitrary<string> Files { get; } = File(quoteLines: false).ToArbitrary();

    /// <summary>
    /// Also content lines that start with <c>"""</c> and go on (<c>""" is how we quote</c>): content per
    /// the spec, which the production lexer takes for a closing line until issue 12 row 19 is fixed.
    /// </summary>
    public static Arbitrary<string> FilesWithQuoteLines { get; } = File(quoteLines: true).ToArbitrary();

    private static Gen<string> File(bool quoteLines) =>
        from declarations in Gen.OneOf(Template(quoteLines), Ruleset(), Sequence()).UpTo(3)
        from breaks in LineBreak.ArrayOf(declarations.Count + 1)
        from header in Gen.Elements("", "// file comment\n", "/* header */\n\n", "\uFEFF", "\uFEFF// after a BOM\n")
        select header + string.Concat(declarations.Select((d, i) => breaks[i] + d)) + breaks[^1];

    /// <summary>A short list: small files exercise every construct as well as big ones, and cost less to make and check.</summary>
    private static Gen<List<T>> UpTo<T>(this Gen<T> item, int most) => from count in Gen.Choose(0, most) from list in item.ListOf(count) select list;

    /// <summary>Tokens joined by random separators.</summary>
    private static Gen<string> Joined(params Gen<string>[] tokens) =>
        from parts in tokens.Aggregate(Gen.Constant(ImmutableList<string>.Empty), (list, token) => from l in list from t in token select l.Add(t))
        from separators in Separator.ArrayOf(tokens.Length)
        select string.Concat(parts.Select((p, i) => (i == 0 ? "" : separators[i]) + p));

    private static Gen<string> Block(string keyword, Gen<string> member) =>
        from name in Name
        from header in keyword == "template"
            ? Joined(Gen.Constant("template"), Gen.Constant(name), Gen.Constant("for"), Gen.Elements("voicemail", "gatekeeper"), Gen.Constant("{"))
            : Joined(Gen.Constant(keyword), Gen.Constant(name), Gen.Constant("{"))
        from members in member.UpTo(5)
        from breaks in LineBreak.ArrayOf(members.Count + 1)
        select header + string.Concat(members.Select((m, i) => breaks[i] + m)) + breaks[^1] + "}";

    private static Gen<string> Template(bool quoteLines) => Block("template", Gen.OneOf(Slot(), Use(), Max(), Allow(), Say(quoteLines)));

    private static Gen<string> Ruleset() => Block("ruleset", Gen.OneOf(Forbid(), Prefer()));

    private static Gen<string> Sequence() =>
        Block("sequence", from day in Gen.Elements(1, 4, 30, 0, 2147483647) from step in Joined(Gen.Constant("day"), Gen.Constant(day.ToString()), Name) select step);

    private static Gen<string> Slot() =>
        from head in Joined(Gen.Constant("slot"), Name, Gen.Constant(":"), RoleName)
        from optional in Gen.Elements("", " optional", "\noptional")
        from value in Gen.Elements("", " = \"Northwind\"", "=\"d\"", " =\n \"two words\"")
        select head + optional + value;

    private static Gen<string> Use() => Joined(Gen.Constant("use"), Name);

    private static Gen<string> Max() => Joined(Gen.Constant("max"), Gen.Elements("30s", "5s", "120s", "007s"));

    private static Gen<string> Allow() => Joined(Gen.Constant("allow"), Code, Gen.Constant("because"), Gen.Constant("\"why\""));

    private static Gen<string> Forbid() =>
        from phrases in Phrase.UpTo(2).Select(list => list.Prepend("\"first\""))
        from because in Joined(Gen.Constant("because"), Gen.Constant("\"reason\""))
        from severity in Gen.Elements("", " as error", " as\ninfo", " as warning")
        from comma in Gen.Elements(",", " , ", ",\n")
        select "forbid " + string.Join(comma, phrases) + " " + because + severity;

    private static Gen<string> Prefer() =>
        from rule in Joined(Gen.Constant("prefer"), Phrase, Gen.Constant("=>"), Phrase, Gen.Constant("because"), Gen.Constant("\"r\""))
        from severity in Gen.Elements("", " as error")
        select rule + severity;

    /// <summary>
    /// A closing line holds only whitespace and <c>"""</c> (spec §3), so a line break always follows it; the
    /// next member or brace starts on a line of its own.
    /// </summary>
    private static Gen<string> Say(bool quoteLines) =>
        from separator in Separator
        from indentation in Gen.Elements("", "  ", "    ", "\t", "      ")
        from lines in ContentLine(indentation, quoteLines).UpTo(3)
        from newLine in Gen.Elements("\n", "\r\n")
        from trailing in Gen.Elements("", "  ")
        from closingTrailing in Gen.Elements("", "", " ", "\t")
        select "say" + separator + "\"\"\"" + trailing + newLine + string.Concat(lines.Select(l => l + newLine)) + indentation + "\"\"\"" + closingTrailing + newLine;

    private static Gen<string> ContentLine(string indentation, bool quoteLines) =>
        from extra in Gen.Elements("", "", " ", "  ", "\t")
        from pieces in Gen.Elements(
            "Hi", " there,", "{{ prospect }}", "{{prospect|first}}", "{{ rep . first }}", "{{  if firm }}", "{{else}}", "{{ end }}",
            "{{ \"{{\" }}", "{{ \"a b\" | upper }}", " just checking in ", "if you could call", "’", "  ",
            "{{\tprospect.last|lower|spoken}}", "{{ \"}}\" }}", "{{\"tab\\t\\u{1F600}\"}}", "}}", "{ x }", "{x", "x \"\"\" quoted \"\"\" ", "// not a comment",
            "{{\u00A0if\u00A0firm\u00A0}}").UpTo(5)
        from blank in Gen.Elements(false, false, false, true)
        from quoteLine in Gen.Elements(false, false, false, quoteLines)
        select blank ? extra.Trim(' ', '\t') : indentation + extra + (quoteLine ? "\"\"\" is how we quote" : "") + string.Concat(pieces);
}
