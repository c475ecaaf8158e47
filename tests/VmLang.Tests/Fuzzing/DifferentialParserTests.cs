using FsCheck;
using FsCheck.Fluent;
using VmLang.Tests.Formatting;
using VmLang.Tests.Fuzzing.ReferenceGrammar;
using Xunit.Abstractions;

namespace VmLang.Tests.Fuzzing;

/// <summary>
/// The production parser against the spec's grammar written with Pidgin (<see cref="ReferenceParser"/>): on
/// generated and on mutated programs both accept or both reject, and on what they accept they read the
/// same declarations, members and holes.
/// </summary>
public class DifferentialParserTests(ITestOutputHelper output)
{
    [Fact]
    public void Generated_programs_are_accepted_by_both_with_the_same_shape()
    {
        var tally = new Tally();
        Prop.ForAll(ValidFileGenerator.FilesWithQuoteLines, text =>
        {
            var verdict = Differential.Compare(text);
            tally.Add(verdict);
            Assert.True(verdict.Kind != VerdictKind.Disagree, verdict.Explain(text));
            Assert.True(verdict.ReferenceAccepts, $"The reference grammar rejects a generated program: {System.Text.Json.JsonSerializer.Serialize(text)}");
        }).Check(FuzzCases.Config);
        tally.Report(output);
    }

    [Fact]
    public void Mutated_examples_are_accepted_or_rejected_by_both()
    {
        var tally = new Tally();
        Prop.ForAll(ProgramMutator.Mutated.ToArbitrary(), text =>
        {
            var verdict = Differential.Compare(text);
            tally.Add(verdict);
            Assert.True(verdict.Kind != VerdictKind.Disagree, verdict.Explain(text));
        }).Check(FuzzCases.Config);
        tally.Report(output);
        // Both answers occur, so the agreement above means something either way (a handful of cases may not show it).
        if (FuzzCases.Count >= 1000) Assert.True(tally.BothAccepted > 0 && tally.BothRejected > 0, tally.ToString());
    }

    [Fact]
    public void Examples_and_baselines_agree()
    {
        var baselines = TestPaths.BaselineInputs.Select(name => (name + ".vml", File.ReadAllText(TestPaths.BaselineInput(name))));
        foreach (var (name, text) in TestPaths.ExampleSources.Concat(baselines))
        {
            // byte_order_mark.vml closes a text block with `""" }`: a row-19 case while that is open.
            var verdict = Differential.Compare(text);
            Assert.True(verdict.Kind != VerdictKind.Disagree, $"{name}: {verdict.Explain(text)}");
        }
    }

    [Theory]
    [InlineData("template t for voicemail {\n  say \"\"\"\n    Hi {{\u00A0x\u00A0}}.\n    \"\"\"\n}\n")]    // Unicode whitespace inside a hole
    [InlineData("template t for voicemail {\n  say \"\"\"\n    Hi {{ x }}.\n\u00A0 \"\"\"\n}\n")]    // and before the closing quotes
    public void Found_by_fuzzing_and_fixed(string text)
    {
        var verdict = Differential.Compare(text);
        Assert.True(verdict.Kind == VerdictKind.Agree, verdict.Explain(text));
    }

    // Issue 12 row 19: a line that starts with """ and goes on does not close the block (spec §3).
    [Theory]
    [InlineData("template t for voicemail {\n  say \"\"\"\n    \"\"\" is how we quote {{ x }}\n    \"\"\"\n}\n")]
    [InlineData("template t for voicemail {\n  say \"\"\"\n    Hi.\n    \"\"\" }\n")]
    [InlineData("template t for voicemail {\n  say \"\"\"\n    Hi.\n    \"\"\" // done\n    \"\"\"\n}\n")]
    public void A_line_that_starts_with_quotes_and_goes_on_is_content(string text)
    {
        Assert.False(KnownCases.Row19IsOpen);
        Assert.Equal(VerdictKind.Agree, Differential.Compare(text).Kind);
    }

    [Fact]
    public void The_reference_grammar_rejects_what_the_spec_rejects()
    {
        // The oracle is only as good as its own rejections: a few from each section of the spec.
        string[] invalid =
        [
            "template t for voicemail { say \"\"\" x\n\"\"\"\n}",             // text on the opening line
            "template t for voicemail {\n say \"\"\"\n  x\n",                   // unterminated text block
            "template t for voicemail {\n say \"\"\"\n  {{ x\n  }}\n  \"\"\"\n}", // a hole across lines
            "template t for voicemail {\n say \"\"\"\n  {{ if }}\n  \"\"\"\n}",
            "template t for voicemail {\n say \"\"\"\n  {{ x | end }}\n  \"\"\"\n}",
            "template t for voicemail { max 30 }", "template t for voicemail { max 30m }", "template t for fax { }",
            "template end for voicemail { }", "ruleset r { forbid \"a\" \"b\" because \"c\" }", "ruleset r { forbid \"a\\q\" because \"c\" }",
            "ruleset r { forbid \"a\\u{D800}\" because \"c\" }", "ruleset r { prefer \"a\" = > \"b\" because \"c\" }",
            "sequence s { day 1x t }", "sequence s { day 99999999999 t }", "/* open", "ruleset r { } /", "ruleset r { } \uFEFF",
            "ruleset r { forbid \"a\nb\" because \"c\" }", "ruleset r { forbid \"\"\"a\" because \"c\" }",
        ];
        Assert.All(invalid, text => Assert.Null(ReferenceParser.Parse(text)));
        Assert.NotNull(ReferenceParser.Parse(TestPaths.ExampleSources[0].Text));
    }

    private sealed class Tally
    {
        private int _bothAccepted, _bothRejected, _knownRow19;

        public int BothAccepted => _bothAccepted;
        public int BothRejected => _bothRejected;

        public void Add(Verdict verdict)
        {
            if (verdict.Kind == VerdictKind.KnownRow19) Interlocked.Increment(ref _knownRow19);
            else if (verdict.Kind == VerdictKind.Agree && verdict.ReferenceAccepts) Interlocked.Increment(ref _bothAccepted);
            else if (verdict.Kind == VerdictKind.Agree) Interlocked.Increment(ref _bothRejected);
        }

        public void Report(ITestOutputHelper output) => output.WriteLine(ToString());

        public override string ToString() =>
            $"{_bothAccepted} accepted by both, {_bothRejected} rejected by both, {_knownRow19} known row-19 cases (production closes a text block early)";
    }
}
