using System.Reflection;
using VmLang.Binding;
using VmLang.Diagnostics;
using VmLang.Rules;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.Tests.Checking;

/// <summary>
/// An edited compilation reuses a template's rule findings while what its rules can read is unchanged:
/// the template, the rulesets it uses, the configuration. A change to any of those is seen; a change
/// to anything else costs no new check.
/// </summary>
public class RuleFindingsKeyTests
{
    private const string Template = "a.vml";
    private const string House = "house.vml";
    private const string Other = "other.vml";

    private static readonly string TemplateText = Check.Template(members: "use house", say: Check.Everything + " Head north, not south.");
    private const string HouseText = "ruleset house { forbid \"south\" because \"We sell north.\" }\n";
    private static readonly string OtherText = "ruleset other { forbid \"north\" because \"x\" }\n" + Check.Template(name: "u", say: "It's personal.");

    /// <summary>A compilation that keeps findings (an edited one), with its diagnostics computed.</summary>
    private static Compilation Checked()
    {
        var created = Compilation.Create([SyntaxTree.Parse(TemplateText, Template), SyntaxTree.Parse(HouseText, House), SyntaxTree.Parse(OtherText, Other)]);
        var edited = created.WithText(Other, new SourceText(OtherText));
        _ = edited.GetDiagnostics();
        return edited;
    }

    private static List<Diagnostic> In(Compilation compilation, string path) =>
        [.. compilation.GetDiagnostics().Where(d => d.Location.FilePath == path)];

    private static List<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d => $"{d.Location.FilePath}:{d.Location.Span} {d.Severity} {d.Code} {d.Message}")];

    private static void AssertAsFresh(Compilation compilation) =>
        Assert.Equal(Describe(Compilation.Create(compilation.SyntaxTrees).GetDiagnostics()), Describe(compilation.GetDiagnostics()));

    [Fact]
    public void Editing_a_ruleset_the_template_uses_changes_its_findings()
    {
        var before = Checked();
        Assert.Contains(In(before, Template), d => d.Code == "VML1100" && d.Message.Contains("\"south\""));

        var edited = before.WithText(House, new SourceText(HouseText.Replace("south", "north")));

        var found = In(edited, Template).Where(d => d.Code == "VML1100").ToList();
        Assert.Equal("Ruleset 'house' forbids \"north\": We sell north.", Assert.Single(found).Message);
        AssertAsFresh(edited);
    }

    [Fact]
    public void A_ruleset_the_template_names_appearing_changes_its_findings()
    {
        var before = Checked().RemoveSyntaxTree(House);
        Assert.Contains(In(before, Template), d => d.Code == "VML0104");
        Assert.DoesNotContain(In(before, Template), d => d.Code == "VML1100");

        var added = before.WithText(House, new SourceText(HouseText));

        Assert.Contains(In(added, Template), d => d.Code == "VML1100");
        AssertAsFresh(added);
    }

    [Fact]
    public void Editing_another_template_or_a_ruleset_the_template_does_not_use_keeps_its_findings()
    {
        var before = Checked();
        var findings = In(before, Template);
        Assert.NotEmpty(findings);

        // The other file holds a ruleset that forbids a word the template says, and a template.
        var edited = before.WithText(Other, new SourceText(OtherText.Replace("\"x\"", "\"y\"").Replace("It's personal.", "Sorry to bother you.")));

        var kept = In(edited, Template);
        Assert.Equal(findings.Count, kept.Count);
        // The very findings of before: the template was not checked again.
        Assert.All(findings.Zip(kept), pair => Assert.Same(pair.First, pair.Second));
        Assert.NotEqual(Describe(In(before, Other)), Describe(In(edited, Other)));
        AssertAsFresh(edited);
    }

    [Fact]
    public void Editing_the_configuration_changes_the_findings()
    {
        var before = Checked();
        Assert.DoesNotContain(In(before, Template), d => d.Code == "VML0204");

        var edited = before.WithConfiguration(Check.Config("{ \"maxSeconds\": 1 }"));

        Assert.Contains(In(edited, Template), d => d.Code == "VML0204");
    }

    private const string SequenceText = "sequence s {\n  day 1 a\n  day 2 b\n}\n";

    /// <summary>An edited compilation of two voicemail templates a day apart in a sequence, and an unrelated template, with its diagnostics computed.</summary>
    private static Compilation CheckedSequence()
    {
        var created = Compilation.Create([
            SyntaxTree.Parse(Check.Template("a"), "a.vml"), SyntaxTree.Parse(Check.Template("b"), "b.vml"),
            SyntaxTree.Parse(SequenceText, "s.vml"), SyntaxTree.Parse(Check.Template("u"), "u.vml")]);
        var edited = created.WithText("u.vml", new SourceText(Check.Template("u")));
        _ = edited.GetDiagnostics();
        return edited;
    }

    [Fact]
    public void Editing_a_template_a_sequence_names_changes_the_sequences_findings()
    {
        var before = CheckedSequence();
        Assert.Contains(In(before, "s.vml"), d => d.Code == "VML0208");

        var edited = before.WithText("b.vml", new SourceText(Check.Template("b").Replace("for voicemail", "for gatekeeper")));

        Assert.DoesNotContain(In(edited, "s.vml"), d => d.Code == "VML0208");
        AssertAsFresh(edited);
    }

    [Fact]
    public void Editing_a_template_a_sequence_does_not_name_keeps_the_sequences_findings()
    {
        var before = CheckedSequence();
        var findings = In(before, "s.vml");
        Assert.Contains(findings, d => d.Code == "VML0208");

        var edited = before.WithText("u.vml", new SourceText(Check.Template("u", say: "It's personal.")));

        // The very findings of before: the sequence was not checked again.
        var kept = In(edited, "s.vml");
        Assert.Equal(findings.Count, kept.Count);
        Assert.All(findings.Zip(kept), pair => Assert.Same(pair.First, pair.Second));
        AssertAsFresh(edited);
    }

    /// <summary>
    /// What the contexts hand a rule, member by member. A member added here is something a rule can read,
    /// so it must be added to the findings' key (<c>TemplateFindings</c>) before it is added to this list.
    /// </summary>
    [Fact]
    public void A_rule_context_exposes_only_what_the_findings_are_keyed_on()
    {
        Assert.Equal(
            ["Configuration", "FindPhrases", "IsEnabled", "LocationOf", "Report", "Rulesets", "Template"],
            PublicMembers(typeof(TemplateRuleContext)));
        Assert.Equal(["LocationOf", "Report", "Sequence", "Steps"], PublicMembers(typeof(SequenceRuleContext)));
        Assert.Empty(typeof(TemplateRuleContext).GetConstructors());
        Assert.Empty(typeof(SequenceRuleContext).GetConstructors());
    }

    /// <summary>
    /// Whatever a rule can reach from its context, by any chain of public properties and method results:
    /// nothing leads to a tree, a compilation, a semantic model or a symbol, each of which reaches the
    /// other declarations of a file or workspace that the findings are not keyed on.
    /// </summary>
    [Fact]
    public void Nothing_reachable_from_a_rule_context_leads_to_another_declaration()
    {
        Assert.Empty(Forbidden(Reachable(typeof(TemplateRuleContext))));
        Assert.Empty(Forbidden(Reachable(typeof(SequenceRuleContext))));
        // The walk does find them where they are: a symbol leads to its tree.
        Assert.Contains(typeof(SyntaxTree), Forbidden(Reachable(typeof(TemplateSymbol))));
    }

    private static List<Type> Forbidden(IEnumerable<Type> types) =>
        [.. types.Where(t => t == typeof(SyntaxTree) || t == typeof(Compilation) || t == typeof(SemanticModel) || typeof(Symbol).IsAssignableFrom(t))];

    /// <summary>The project's types reachable from <paramref name="root"/>, and the types deriving from each (a property may hold one).</summary>
    private static HashSet<Type> Reachable(Type root)
    {
        var assembly = typeof(Compilation).Assembly;
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([root]);
        while (pending.TryPop(out var type))
        {
            if (type.HasElementType)
            {
                pending.Push(type.GetElementType()!);
                continue;
            }
            if (type.IsGenericType)
            {
                foreach (var argument in type.GetGenericArguments()) pending.Push(argument);
            }
            if (type.Assembly != assembly || !seen.Add(type)) continue;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                pending.Push(property.PropertyType);
            }
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Where(m => !m.IsSpecialName))
            {
                pending.Push(method.ReturnType);
            }
            foreach (var derived in assembly.GetTypes().Where(t => t.IsPublic && t != type && type.IsAssignableFrom(t)))
            {
                pending.Push(derived);
            }
        }
        return seen;
    }

    private static string[] PublicMembers(Type type) =>
        [.. type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m is not MethodInfo { IsSpecialName: true })
            .Select(m => m.Name).Distinct().Order(StringComparer.Ordinal)];
}
