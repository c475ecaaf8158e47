using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using VmLang.Formatting;
using VmLang.Syntax;

namespace VmLang.Tests.Formatting;

/// <summary>Formatting is idempotent and changes layout only: comments, text-block values and diagnostics survive it.</summary>
public class FormatterPropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(500);

    [Fact]
    public void Generated_files_are_valid_so_the_properties_below_test_something()
    {
        Prop.ForAll(ValidFileGenerator.Files, text => SyntaxTree.Parse(text).Diagnostics.IsEmpty).Check(Config);
    }

    [Fact]
    public void Formatting_twice_is_formatting_once()
    {
        Prop.ForAll(ValidFileGenerator.Files, text =>
        {
            var once = Formatter.Format(text);
            return Formatter.Format(once) == once;
        }).Check(Config);
    }

    [Fact]
    public void Formatted_files_parse_without_errors()
    {
        Prop.ForAll(ValidFileGenerator.Files, text => SyntaxTree.Parse(Formatter.Format(text)).Diagnostics.IsEmpty).Check(Config);
    }

    [Fact]
    public void Every_comment_is_kept_in_order()
    {
        Prop.ForAll(ValidFileGenerator.Files, text => Comments(text).SequenceEqual(Comments(Formatter.Format(text)))).Check(Config);
    }

    [Fact]
    public void Text_block_values_are_unchanged()
    {
        Prop.ForAll(ValidFileGenerator.Files, text => TextBlockValues(text).SequenceEqual(TextBlockValues(Formatter.Format(text)))).Check(Config);
    }

    [Fact]
    public void Diagnostic_codes_are_unchanged()
    {
        Prop.ForAll(ValidFileGenerator.Files, text => Codes(text).SequenceEqual(Codes(Formatter.Format(text)))).Check(Config);
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
