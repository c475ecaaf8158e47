using VmLang.Binding;
using VmLang.Syntax;

namespace VmLang.Tests.Reliability;

/// <summary>
/// Issue 12, row 19 (spec §3): a text block ends at a line holding only whitespace and <c>"""</c>. A
/// line that starts with <c>"""</c> and goes on is content:
/// before, <c>""" is how we quote</c> closed the block and the rest of the line became syntax errors.
/// </summary>
public class TextBlockClosingTests
{
    private static string Say(string lines) =>
        "template t for gatekeeper {\n  slot p : prospect\n  slot r : caller\n  slot f : company\n  slot n : contact\n"
        + "  say \"\"\"\n    Hi {{ p }}, this is {{ r }} with {{ f }}. Call {{ n }}.\n" + lines + "}\n";

    [Fact]
    public void A_line_starting_with_quotes_and_more_text_is_content()
    {
        var tree = SyntaxTree.Parse(Say("    \"\"\" is how we quote.\n    \"\"\"\n"));
        var compilation = Compilation.Create([tree]);

        Assert.Empty(compilation.GetDiagnostics());
        var text = string.Concat(compilation.Templates.Single().Say!.Body.OfType<BoundText>().Select(t => t.Value));
        Assert.EndsWith(".\n\"\"\" is how we quote.", text);
    }

    [Theory]
    [InlineData("    \"\"\"\n")]
    [InlineData("  \t  \"\"\"   \n")]
    public void A_closing_line_of_whitespace_and_quotes_closes_the_block(string closing)
    {
        var tree = SyntaxTree.Parse(Say(closing));
        Assert.Empty(Compilation.Create([tree]).GetDiagnostics());
    }

    [Theory]
    [InlineData("    \"\"\" }\n")]
    [InlineData("    \"\"\" // a note\n")]
    public void Quotes_followed_by_text_never_close_so_a_block_without_a_closing_line_is_unterminated(string line)
    {
        var tree = SyntaxTree.Parse(Say(line));
        Assert.Contains(tree.Diagnostics, d => d.Code == "VML0002");
    }
}
