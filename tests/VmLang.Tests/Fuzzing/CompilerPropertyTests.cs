using FsCheck;
using FsCheck.Fluent;
using VmLang.Syntax;
using VmLang.Tests.Formatting;

namespace VmLang.Tests.Fuzzing;

/// <summary>
/// Binding and checking take any program: generated valid ones, mutated examples and fragment soup. They
/// never throw, and what they report points inside the file it is about.
/// </summary>
public class CompilerPropertyTests
{
    // A ruleset for `use house` to find, so binding goes past the first lookup.
    private static readonly SyntaxTree House = SyntaxTree.Parse(File.ReadAllText(TestPaths.Example("house.vml")), "house.vml");

    /// <summary>Half mutated examples, a quarter generated valid files, a quarter fragment soup.</summary>
    internal static Arbitrary<string> AnyProgram { get; } =
        Gen.Frequency((2, ProgramMutator.Mutated), (1, ValidFileGenerator.Files.Generator), (1, ProgramMutator.FragmentSoup)).ToArbitrary();

    /// <summary>One compilation per case serves both kinds: checking binds first.</summary>
    [Fact]
    public void Binding_and_checking_any_program_do_not_throw_and_point_inside_the_file()
    {
        Prop.ForAll(AnyProgram, text =>
        {
            var tree = SyntaxTree.Parse(text, "fuzz.vml");
            var compilation = Compilation.Create([tree, House]);
            AssertBindingNamesItsSymbols(compilation, tree);
            AssertDiagnosticsLieInsideTheirFiles(compilation, tree);
        }).Check(FuzzCases.Config);
    }

    private static void AssertBindingNamesItsSymbols(Compilation compilation, SyntaxTree tree)
    {
        var text = tree.Text.Text;
        foreach (var occurrence in compilation.GetOccurrences(tree))
        {
            Assert.True(occurrence.Span.End <= text.Length, $"{occurrence.Symbol} at {occurrence.Span} in a file of {text.Length}");
            Assert.Equal(occurrence.Symbol.Name, text.Substring(occurrence.Span.Start, occurrence.Span.Length));
        }
        Assert.All(compilation.Templates, template => Assert.Equal(template.Name, template.NameToken.Text));
        var model = compilation.GetSemanticModel(tree);
        for (var position = 0; position <= text.Length; position += Math.Max(1, text.Length / 8))
        {
            _ = model.GetSymbolAt(position);
            _ = model.GetEnclosingTemplate(position);
        }
    }

    private static void AssertDiagnosticsLieInsideTheirFiles(Compilation compilation, SyntaxTree tree)
    {
        foreach (var diagnostic in compilation.GetDiagnostics())
        {
            var location = diagnostic.Location;
            var file = location.FilePath == tree.FilePath ? tree : House;
            Assert.Same(file.Text, location.Text);
            Assert.True(location.Span.Start >= 0 && location.Span.End <= file.Text.Length, $"{diagnostic.Code} at {location.Span} in a file of {file.Text.Length}");
            var lines = location.LineSpan;
            Assert.True(lines.Start.Line >= 0 && lines.Start.CompareTo(lines.End) <= 0 && lines.End.Line < file.Text.LineCount, $"{diagnostic.Code} at {lines}");
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message), diagnostic.Code);
        }
    }
}
