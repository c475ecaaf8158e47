using VmLang.Emit;
using VmLang.Syntax;

namespace VmLang.Tests.Fuzzing;

/// <summary>
/// Bugs the fuzzers found that are being fixed on other branches. Each is probed on the code under test, so
/// the fuzzers tolerate a case only while it is still open and go strict on their own once the fix is
/// merged; each also has a skipped test holding its repro, to un-skip then.
/// </summary>
internal static class KnownCases
{
    /// <summary>
    /// Issue 12 row 19: the production lexer takes a line that starts with <c>"""</c> and goes on
    /// (<c>""" is how we quote</c>, <c>""" }</c>) for a text block's closing line; the spec says a closing line holds
    /// only whitespace and <c>"""</c>. Fixed on branch issue-12-compiler.
    /// </summary>
    public static bool Row19IsOpen { get; } =
        !ProductionShape.Accepts(SyntaxTree.Parse("template t for voicemail {\n  say \"\"\"\n    \"\"\" is how we quote\n    \"\"\"\n}\n"));

    /// <summary>
    /// Literal text that starts with <c>}</c> right after a hole (<c>{{ note }}}</c>, <c>{{ if note }}}}</c>) makes the
    /// Handlebars lowering write <c>}}}</c>, which Handlebars.Net refuses to compile: rendering a template that checks
    /// clean throws. The lowering is being replaced (Scriban) on the lead's branch.
    /// </summary>
    public static bool BraceAfterHoleIsOpen { get; } = !Renders("{{ note }}}");

    private static bool Renders(string say)
    {
        var compilation = Checking.Check.Compile(Checking.Check.Template(members: "slot note : text optional", say: Checking.Check.Everything + " " + say));
        var template = compilation.Templates.Single();
        try
        {
            ScriptRenderer.Create(template).Render(new SlotValues(template, new Dictionary<string, string?> { ["note"] = "n" }));
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
