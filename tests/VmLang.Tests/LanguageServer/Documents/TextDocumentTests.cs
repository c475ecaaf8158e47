using VmLang.LanguageServer.Documents;
using VmLang.LanguageServer.Protocol;
using VmLang.Text;
using Range = VmLang.LanguageServer.Protocol.Range;

namespace VmLang.Tests.LanguageServer.Documents;

public sealed class TextDocumentTests
{
    [Theory]
    [InlineData("hello world", 0, 5, 0, 5, ",", "hello, world")]
    [InlineData("hello world", 0, 0, 0, 5, "bye", "bye world")]
    [InlineData("one\ntwo\nthree", 0, 3, 2, 0, " ", "one three")]
    [InlineData("one\ntwo", 1, 0, 1, 0, "a\nb\n", "one\na\nb\ntwo")]
    [InlineData("one\r\ntwo\r\nthree", 0, 3, 1, 3, "", "one\r\nthree")]
    [InlineData("one\r\ntwo", 0, 99, 0, 99, "!", "one!\r\ntwo")]
    [InlineData("one\r\ntwo", 1, 99, 7, 7, "!", "one\r\ntwo!")]
    [InlineData("one\r\ntwo", 9, 0, 9, 0, "\r\nthree", "one\r\ntwo\r\nthree")]
    [InlineData("a😀b", 0, 1, 0, 3, "🎉", "a🎉b")]
    [InlineData("a😀b\n😀", 1, 2, 1, 2, "c", "a😀b\n😀c")]
    [InlineData("swap", 0, 3, 0, 1, "-", "s-p")]
    public void Range_change_replaces_the_range(string text, int startLine, int startCharacter, int endLine, int endCharacter, string newText, string expected)
    {
        var document = new TextDocument("file:///a.vml", 1, text);

        TextDocument changed = document.WithChanges(
            [new TextDocumentContentChangeEvent { Range = new Range(new Position(startLine, startCharacter), new Position(endLine, endCharacter)), Text = newText }],
            2);

        Assert.Equal(expected, changed.Text.Text);
        Assert.Equal(2, changed.Version);
        Assert.Equal(text, document.Text.Text);
    }

    [Fact]
    public void Changes_apply_in_order_each_to_the_previous_result()
    {
        var document = new TextDocument("file:///a.vml", 1, "abc");
        _ = document.Text.LineCount;

        TextDocument changed = document.WithChanges(
            [
                new TextDocumentContentChangeEvent { Range = new Range(new Position(0, 3), new Position(0, 3)), Text = "\r\ndef" },
                new TextDocumentContentChangeEvent { Range = new Range(new Position(1, 0), new Position(1, 1)), Text = "D" },
                new TextDocumentContentChangeEvent { Text = "replaced\nall" },
                new TextDocumentContentChangeEvent { Range = new Range(new Position(1, 0), new Position(1, 0)), Text = "ALL " },
            ],
            5);

        Assert.Equal("replaced\nALL all", changed.Text.Text);
        Assert.Equal(new LinePosition(1, 7), changed.Text.GetLinePosition(changed.Text.Length));
    }

    [Fact]
    public void Inserting_lf_after_cr_joins_them_into_one_line_break()
    {
        var document = new TextDocument("file:///a.vml", 1, "a\rb");

        // Position (1,0) is just after the lone CR; adding LF there makes a CRLF, so "b" stays on line 1.
        TextDocument changed = document.WithChanges(
            [new TextDocumentContentChangeEvent { Range = new Range(new Position(1, 0), new Position(1, 0)), Text = "\n" }],
            2);

        Assert.Equal("a\r\nb", changed.Text.Text);
        Assert.Equal(2, changed.Text.LineCount);
    }

    // Issue 15: the server's own line map counted a BOM as a column, so an edit on the first line of a file
    // with a BOM landed one character to the left of where the client meant it.
    [Theory]
    [InlineData(0, 1, 0, 2, "X", "\uFEFFaXc\r\nd")]
    [InlineData(0, 0, 0, 0, "<", "\uFEFF<abc\r\nd")]
    [InlineData(0, 3, 0, 99, "!", "\uFEFFabc!\r\nd")]
    [InlineData(1, 0, 1, 1, "D", "\uFEFFabc\r\nD")]
    [InlineData(-1, 0, 0, 1, "", "\uFEFFbc\r\nd")]
    public void Range_change_on_the_first_line_of_a_file_with_a_bom_lands_where_the_client_meant_it(int startLine, int startCharacter, int endLine, int endCharacter, string newText, string expected)
    {
        var document = new TextDocument("file:///a.vml", 1, "\uFEFFabc\r\nd");

        TextDocument changed = document.WithChanges(
            [new TextDocumentContentChangeEvent { Range = new Range(new Position(startLine, startCharacter), new Position(endLine, endCharacter)), Text = newText }],
            2);

        Assert.Equal(expected, changed.Text.Text);
    }

    [Fact]
    public void Positions_count_utf16_units_and_never_fall_inside_a_crlf()
    {
        var text = new TextDocument("file:///a.vml", 1, "a😀x\r\né").Text;

        Assert.Equal(new LinePosition(0, 3), text.GetLinePosition(3));
        Assert.Equal(new LinePosition(0, 4), text.GetLinePosition(5));
        Assert.Equal(new LinePosition(1, 1), text.GetLinePosition(99));
        Assert.Equal(4, text.GetOffset(new LinePosition(0, 99)));
    }
}
