using VmLang.Emit;
using VmLang.Rules;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.Tests.Checking;

/// <summary>
/// An edited compilation keeps the phrase automatons of the one it was edited from (the rule runner's and
/// the one rendered rows are checked with) while the configuration and rulesets are the same objects, and
/// builds new ones when either changes: a row checked after the change sees it.
/// </summary>
public class PhraseCheckerReuseTests
{
    private const string Template = "a.vml";
    private const string House = "house.vml";

    private static readonly string TemplateText = Check.Template(members: "use house");
    private const string HouseText = "ruleset house { forbid \"hold times\" because \"Say what it saves.\" as error }\n";

    private static readonly Dictionary<string, string?> Row = new()
    {
        ["prospect"] = "Dana Reyes",
        ["rep"] = "Sam Ortiz",
        ["firm"] = "Northwind",
        ["pain"] = "Your hold times doubled",
        ["gain"] = "fix that",
        ["when"] = "on Thursday",
        ["number"] = "(817) 224-9900",
    };

    /// <summary>An edited compilation (one that hands its checkers on) with its diagnostics and checkers made.</summary>
    private static Compilation Checked()
    {
        var created = Compilation.Create([SyntaxTree.Parse(TemplateText, Template), SyntaxTree.Parse(HouseText, House)]);
        var edited = created.WithText(Template, new SourceText(TemplateText));
        _ = edited.GetDiagnostics();
        _ = PhraseChecker.Create(edited);
        return edited;
    }

    private static IReadOnlyList<string> Rejections(Compilation compilation) =>
        new RowChecker(compilation, compilation.GetTemplate("t")!).Check(Row).Rejections;

    [Fact]
    public void Editing_a_template_keeps_the_phrase_checkers()
    {
        var before = Checked();

        var edited = before.WithText(Template, new SourceText(TemplateText.Replace("I'll call", "I will call", StringComparison.Ordinal)));
        _ = edited.GetDiagnostics();

        Assert.Same(before.PhraseCheckers, edited.PhraseCheckers);
        Assert.Contains("VML1100: Ruleset 'house' forbids \"hold times\": Say what it saves.", Rejections(edited));
    }

    [Fact]
    public void Editing_the_ruleset_makes_new_phrase_checkers()
    {
        var before = Checked();
        Assert.NotEmpty(Rejections(before));

        var edited = before.WithText(House, new SourceText(HouseText.Replace("hold times", "doubled", StringComparison.Ordinal)));

        Assert.NotSame(before.PhraseCheckers, edited.PhraseCheckers);
        Assert.Equal(["VML1100: Ruleset 'house' forbids \"doubled\": Say what it saves."], Rejections(edited));
    }

    [Fact]
    public void A_new_configuration_makes_new_phrase_checkers()
    {
        var before = Checked().WithConfiguration(Check.Config("""{ "rules": { "VML1100": "off" } }"""));
        Assert.Empty(Rejections(before));

        var edited = before.WithConfiguration(Check.Config("{}"));

        Assert.NotSame(before.PhraseCheckers, edited.PhraseCheckers);
        Assert.NotEmpty(Rejections(edited));
    }
}
