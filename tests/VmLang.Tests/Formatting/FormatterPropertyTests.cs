using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using VmLang.Formatting;
using VmLang.Syntax;
using VmLang.Tests.Fuzzing;

namespace VmLang.Tests.Formatting;

/// <summary>
/// Formatting is idempotent and changes layout only: declarations, comments, text-block values and
/// diagnostics survive it. <see cref="FuzzCases"/> cases of each kind.
/// </summary>
public class FormatterPropertyTests
{
    [Fact]
    public void Formatting_generated_files_keeps_their_meaning_and_twice_is_once()
    {
        Prop.ForAll(Files, text =>
        {
            // Generated files are valid, so this tests formatting rather than leaving files alone.
            var tree = SyntaxTree.Parse(text, "file.vml");
            Assert.True(Formatter.CanFormat(tree), text);
            AssertFormattingKeepsMeaning(tree);
        }).Check(FuzzCases.Config);
    }

    [Fact]
    public void Formatting_mutated_examples_keeps_their_meaning_or_leaves_them_alone()
    {
        Prop.ForAll(ProgramMutator.Mutated.ToArbitrary(), AssertFormattingKeepsMeaningOrLeavesAlone).Check(FuzzCases.Config);
    }

    [Fact]
    public void Examples_and_baselines_keep_their_meaning()
    {
        var baselines = TestPaths.BaselineInputs.Select(name => File.ReadAllText(TestPaths.BaselineInput(name)));
        foreach (var text in TestPaths.ExampleSources.Select(e => e.Text).Concat(baselines))
        {
            AssertFormattingKeepsMeaningOrLeavesAlone(text);
        }
    }

    private static Arbitrary<string> Files => ValidFileGenerator.Files;

    private static void AssertFormattingKeepsMeaningOrLeavesAlone(string text)
    {
        var tree = SyntaxTree.Parse(text, "file.vml");
        if (Formatter.CanFormat(tree)) AssertFormattingKeepsMeaning(tree);
        else Assert.Equal(text, Formatter.Format(tree));
    }

    /// <summary>Each text is parsed once and its formatted text once: these properties run many thousand times.</summary>
    private static void AssertFormattingKeepsMeaning(SyntaxTree tree)
    {
        var once = Formatter.Format(tree);
        var formatted = SyntaxTree.Parse(once, "file.vml");
        Assert.Equal(once, Formatter.Format(formatted));
        Assert.Empty(formatted.Diagnostics);
        Assert.Equal(Declarations(tree), Declarations(formatted));
        Assert.Equal(Comments(tree), Comments(formatted));
        Assert.Equal(TextBlockValues(tree), TextBlockValues(formatted));
        Assert.Equal(Codes(tree), Codes(formatted));
    }

    private static List<string> Declarations(SyntaxTree tree) => [.. ProductionShape.Of(tree).Select(d => d.ToString())];

    private static List<string> Comments(SyntaxTree tree) =>
        [.. tree.Root.DescendantTokens()
            .SelectMany(t => t.LeadingTrivia.Concat(t.TrailingTrivia))
            .Where(t => t.IsComment)
            .Select(t => t.Text.ReplaceLineEndings("\n").TrimEnd())];

    /// <summary>Each block's literal text as the compiler reads it, with holes in whitespace-free form.</summary>
    private static List<string> TextBlockValues(SyntaxTree tree) =>
        [.. tree.Root.DescendantNodes().OfType<TextBlockSyntax>()
            .Select(block => string.Concat(block.Parts.Select(part => part is TextSyntax literal
                ? block.GetLiteralValue(literal)
                : Regex.Replace(part.ToFullString(), @"\s+", ""))))];

    private static List<string> Codes(SyntaxTree tree) =>
        [.. Compilation.Create([tree]).GetDiagnostics().Select(d => d.Code).Order(StringComparer.Ordinal)];
}
