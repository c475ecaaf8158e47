using FsCheck;
using FsCheck.Fluent;
using VmLang.Syntax;
using VmLang.Tests.Fuzzing;

namespace VmLang.Tests.Syntax;

/// <summary>For any input at all (<see cref="FuzzCases"/> of each kind): parsing does not throw, the tree gives back every character, and the tree knows every element's parent.</summary>
public class ParserPropertyTests
{
    private static readonly Config Config = FuzzCases.Config;

    [Fact]
    public void Arbitrary_strings_round_trip()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text => RoundTrips(text ?? "")).Check(Config);
    }

    [Fact]
    public void Strings_of_language_fragments_round_trip()
    {
        Prop.ForAll(ProgramMutator.FragmentSoup.ToArbitrary(), RoundTrips).Check(Config);
    }

    [Fact]
    public void Mutated_examples_round_trip()
    {
        Prop.ForAll(ProgramMutator.Mutated.ToArbitrary(), RoundTrips).Check(Config);
    }

    private static bool RoundTrips(string text)
    {
        var tree = SyntaxTree.Parse(text);
        return tree.Root.ToFullString() == text
            && FromTrivia(tree) == text
            && TokenSpansTile(tree)
            && tree.Root.FullSpan.Length == text.Length
            && tree.Diagnostics.All(d => d.Location.Span.End <= text.Length)
            && tree.GetParent(tree.Root) is null
            && ParentsAreLinked(tree, tree.Root);
    }

    private static bool ParentsAreLinked(SyntaxTree tree, SyntaxNode node) =>
        node.Children.All(child => child.Node is { } inner
            ? tree.GetParent(inner) == node && ParentsAreLinked(tree, inner)
            : child.Token!.Value.Parent == node);

    /// <summary>The text rebuilt from each token's trivia as the tree hands it out (trivia is scanned lazily).</summary>
    private static string FromTrivia(SyntaxTree tree) =>
        string.Concat(tree.Root.DescendantTokens().Select(t =>
            string.Concat(t.LeadingTrivia.Select(x => x.Text)) + t.Text + string.Concat(t.TrailingTrivia.Select(x => x.Text))));

    /// <summary>
    /// Each token's full span starts where the one before ends and is as long as its trivia and text:
    /// widths the tree keeps or measures agree with the trivia it scans.
    /// </summary>
    private static bool TokenSpansTile(SyntaxTree tree)
    {
        var end = 0;
        // Missing tokens are zero-width stand-ins with no text; where they sit among skipped tokens is not tested here.
        foreach (var token in tree.Root.DescendantTokens().Where(t => !t.IsMissing))
        {
            var span = token.FullSpan;
            var length = token.LeadingTrivia.Sum(t => t.Text.Length) + token.Text.Length + token.TrailingTrivia.Sum(t => t.Text.Length);
            if (span.Start != end || span.Length != length) return false;
            end = span.End;
        }
        return end == tree.Text.Length;
    }

    [Theory]
    [InlineData(70_000)]
    [InlineData(65_535)]
    [InlineData(65_536)]
    public void Trivia_wider_than_a_ushort_round_trips(int width)
    {
        // Token data keeps a leading width up to 65,535 inline and any wider one aside.
        var comment = "/*" + new string('x', width - 4) + "*/";
        var text = comment + "template t for voicemail {" + comment + "\n  say \"\"\"\n    Hi.\n    \"\"\"\n}\n" + comment;
        Assert.True(RoundTrips(text));
        var template = SyntaxTree.Parse(text).Root.Declarations[0];
        Assert.Equal(width, template.FirstToken()!.Value.LeadingTrivia.Single().Text.Length);
        Assert.Equal(width, template.FirstToken()!.Value.Span.Start);
    }
}
