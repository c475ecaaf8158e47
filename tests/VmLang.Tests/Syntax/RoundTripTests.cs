using VmLang.Syntax;

namespace VmLang.Tests.Syntax;

public class RoundTripTests
{
    [Fact]
    public void Spec_example_parses_without_errors_and_round_trips()
    {
        var text = File.ReadAllText(TestPaths.Example("first_touch.vml"));
        var tree = SyntaxTree.Parse(text, "first_touch.vml");
        Assert.Empty(tree.Diagnostics);
        Assert.Equal(text, tree.Root.ToFullString());
    }
}
