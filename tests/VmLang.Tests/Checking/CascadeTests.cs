namespace VmLang.Tests.Checking;

/// <summary>One mistake gets one diagnostic, not a trail of follow-on errors.</summary>
public class CascadeTests
{
    [Fact]
    public void If_without_end_is_the_only_error()
    {
        var say = "Hi {{ prospect | first }}, {{ rep }} at {{ firm }}.{{ if note }} {{ note }}, {{ pain }}; we {{ gain }}. I'll call {{ when }} at {{ number }}.";
        Assert.Equal(["VML0109"], Check.Codes(Check.Template(members: "slot note : text optional", say: say)));
    }

    [Fact]
    public void Misspelled_role_is_the_only_error()
    {
        var source = Check.Template().Replace("slot rep : caller", "slot rep : callr");
        Assert.Equal(["VML0105"], Check.Codes(source));
    }

    [Fact]
    public void Missing_close_brace_is_one_error_and_the_next_declaration_still_binds()
    {
        var source = Check.Template("a").TrimEnd().TrimEnd('}') + "\n" + Check.Template("b");
        var compilation = Check.Compile(source);
        var error = Assert.Single(compilation.GetDiagnostics());
        Assert.Equal("VML0001", error.Code);
        Assert.Contains("'}'", error.Message);

        // b is a template of its own with its slots, and the holes of its message name them.
        var b = compilation.GetTemplate("b");
        Assert.NotNull(b);
        Assert.Equal(["prospect", "rep", "firm", "pain", "gain", "when", "number"], b.Slots.Select(slot => slot.Name));
        Assert.NotNull(b.Say);
        var model = compilation.GetSemanticModel(compilation.SyntaxTrees[0]);
        Assert.Same(b.FindSlot("rep"), model.GetSymbolAt(source.LastIndexOf("{{ rep }}", StringComparison.Ordinal) + 3));
    }

    [Fact]
    public void Bad_member_line_is_one_error()
    {
        var source = Check.Template(members: "this is not a member");
        Assert.Equal(["VML0001"], Check.Codes(source));
    }

    [Fact]
    public void Unterminated_hole_is_one_error()
    {
        var say = "Hi {{ prospect | first }}, {{ rep }} at {{ firm }}. {{ pain }}; we {{ gain }}. I'll call {{ when }} at {{ number }}. {{ rep | upper";
        Assert.Equal(["VML0002"], Check.Codes(Check.Template(say: say)));
    }
}
