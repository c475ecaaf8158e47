using VmLang.Formatting;
using VmLang.Syntax;

namespace VmLang.Tests.Formatting;

public class FormatterTests
{
    [Theory]
    [InlineData("first_touch.vml")]
    [InlineData("house.vml")]
    public void Examples_are_already_formatted(string name)
    {
        var text = File.ReadAllText(TestPaths.Example(name));
        Assert.Equal(text, Formatter.Format(text));
    }

    [Fact]
    public void Statements_get_one_line_each_with_single_spaces_and_aligned_slot_colons()
    {
        var text = "template   t for voicemail{ slot x:text optional=   \"d\"\n slot   longer : prospect use h }\nruleset h{forbid \"a\",\"b\" because \"c\" as error}";
        Assert.Equal(
            """
            template t for voicemail {
              slot x      : text optional = "d"
              slot longer : prospect
              use h
            }

            ruleset h {
              forbid "a", "b" because "c" as error
            }

            """.ReplaceLineEndings("\n"),
            Formatter.Format(text));
    }

    [Fact]
    public void Comments_stay_on_their_own_lines_or_after_their_code()
    {
        var text = "/* top */\n\n\n// about t\ntemplate t for voicemail { // open\n  /* a */ slot x : text // why\n  slot // split\n y : text\n  // before close\n}\n// end";
        Assert.Equal(
            """
            /* top */

            // about t
            template t for voicemail { // open
              /* a */ slot x : text // why
              slot // split
                y : text
              // before close
            }
            // end

            """.ReplaceLineEndings("\n"),
            Formatter.Format(text));
    }

    [Fact]
    public void Text_blocks_move_to_member_indent_plus_two_and_keep_their_value()
    {
        var text = "template t for voicemail {\nsay \"\"\"\n\t  {{x|upper}} and {{   if   x}}y{{else}}z{{ end }}\n\n\t     deeper\n\t  \"\"\"\n}\n";
        Assert.Equal(
            "template t for voicemail {\n  say \"\"\"\n    {{ x | upper }} and {{ if x }}y{{ else }}z{{ end }}\n\n       deeper\n    \"\"\"\n}\n",
            Formatter.Format(text));
    }

    [Fact]
    public void Blank_lines_between_members_are_kept_but_not_doubled()
    {
        var text = "template t for voicemail {\n\n  use h\n\n\n\n  max 30s\n}\n";
        Assert.Equal("template t for voicemail {\n  use h\n\n  max 30s\n}\n", Formatter.Format(text));
    }

    [Fact]
    public void Crlf_files_stay_crlf_and_a_bom_is_kept()
    {
        var text = "\uFEFFtemplate a for voicemail {\r\n  say \"\"\"\r\n  x\r\n  \"\"\"\r\n}";
        Assert.Equal("\uFEFFtemplate a for voicemail {\r\n  say \"\"\"\r\n    x\r\n    \"\"\"\r\n}\r\n", Formatter.Format(text));
    }

    [Theory]
    [InlineData("template t for voicemail {\n  slot x : \n}")]
    [InlineData("template t for voicemail {\n  say \"\"\"\n    {{ x \n    \"\"\"\n}")]
    [InlineData("ruleset r { forbid \"a\" because \"b\" @ }")]
    [InlineData("template t for voicemail {\n  say \"\"\"\n  unterminated")]
    public void Files_with_syntax_errors_are_returned_unchanged(string text) =>
        Assert.Equal(text, Formatter.Format(text));

    [Theory]
    [InlineData("", "")]
    [InlineData("\n\n", "")]
    [InlineData("// only a comment", "// only a comment\n")]
    public void Files_without_declarations(string text, string expected) =>
        Assert.Equal(expected, Formatter.Format(text));

    [Fact]
    public void Baselines_without_syntax_errors_format_idempotently()
    {
        // Inputs with syntax errors come back unchanged, so they say nothing about idempotence: only the others count.
        var formattable = TestPaths.BaselineInputs
            .Select(name => (Name: name, Text: File.ReadAllText(TestPaths.BaselineInput(name))))
            .Where(input => Formatter.CanFormat(SyntaxTree.Parse(input.Text)))
            .ToList();
        Assert.NotEmpty(formattable);
        // And at least one of them is laid out differently, so formatting it once does some work.
        Assert.Contains(formattable, input => Formatter.Format(input.Text) != input.Text);

        Assert.All(formattable, input =>
        {
            var once = Formatter.Format(input.Text);
            Assert.True(once == Formatter.Format(once), $"{input.Name}.vml formats differently the second time:\n{BaselineAssert.LineDiff(once, Formatter.Format(once))}");
        });
    }
}
