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
            Assert.True(Formatter.CanFormat(SyntaxTree.Parse(text)), text);
            AssertFormattingKeepsMeaning(text);
        }).Check(FuzzCases.Config);
    }

    [Fact]
    public void Formatting_mutated_examples_keeps_their_meaning_or_leaves_them_alone()
    {
        Prop.ForAll(ProgramMutator.Mutated.ToArbitrary(), text =>
        {
            if (Formatter.CanFormat(SyntaxTree.Parse(text))) AssertFormattingKeepsMeaning(text);
            else Assert.Equal(text, Formatter.Format(text));
        }).Check(FuzzCases.Config);
    }

    private static Arbitrary<string> Files => ValidFileGenerator.Files;

    private static void AssertFormattingKeepsMeaning(string text)
    {
        var once = Formatter.Format(text);
        Assert.Equal(once, Formatter.Format(once));
        var formatted = SyntaxTree.Parse(once);
        Assert.Empty(formatted.Diagnostics);
        Assert.Equal(ProductionShape.Of(SyntaxTree.Parse(text)).Select(d => d.ToString()), ProductionShape.Of(formatted).Select(d => d.ToString()));
        Assert.Equal(Comments(text), Comments(once));
        Assert.Equal(TextBlockValues(text), TextBlockValues(once));
        Assert.Equal(Codes(text), Codes(once));
    }

    [Fact]
    public void Examples_and_baselines_keep_their_meaning()
    {
        var baselines = Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "tests", "VmLang.Tests", "Baselines"), "*.vml").Select(File.ReadAllText);
        foreach (var text in TestPaths.ExampleSources.Select(e => e.Text).Concat(baselines))
        {
            var formatted = Formatter.Format(text);
            Assert.Equal(formatted, Formatter.Format(formatted));
            Assert.Equal(Comments(text), Comments(formatted));
            Assert.Equal(TextBlockValues(text), TextBlockValues(formatted));
            Assert.Equal(Codes(text), Codes(formatted));
        }
    }

    private static List<string> Comments(string text) =>
        [.. SyntaxTree.Parse(text).Root.DescendantTokens()
            .SelectMany(t => t.LeadingTrivia.Concat(t.TrailingTrivia))
            .Where(t => t.IsComment)
            .Select(t => t.Text.ReplaceLineEndings("\n").TrimEnd())];

    /// <summary>Each block's literal text as the compiler reads it, with holes in whitespace-free form.</summary>
    private static List<string> TextBlockValues(string text) =>
        [.. SyntaxTree.Parse(text).Root.DescendantNodes().OfType<TextBlockSyntax>()
            .Select(block => string.Concat(block.Parts.Select(part => part is TextSyntax literal
                ? block.GetLiteralValue(literal)
                : Regex.Replace(part.ToFullString(), @"\s+", ""))))];

    private static List<string> Codes(string text) =>
        [.. Compilation.Create([SyntaxTree.Parse(text, "file.vml")]).GetDiagnostics().Select(d => d.Code).Order(StringComparer.Ordinal)];
}
