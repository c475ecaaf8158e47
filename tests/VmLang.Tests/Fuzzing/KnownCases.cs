using VmLang.Syntax;

namespace VmLang.Tests.Fuzzing;

/// <summary>
/// Bugs being fixed on other branches that the fuzzers meet. Each is probed on the code under test, so the
/// fuzzers tolerate a case only while it is still open and go strict on their own once the fix is merged;
/// each also has a skipped test holding its repro, to un-skip then.
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
}
