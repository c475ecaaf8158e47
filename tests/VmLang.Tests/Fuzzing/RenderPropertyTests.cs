using FsCheck;
using FsCheck.Fluent;
using VmLang.Diagnostics;
using VmLang.Emit;
using VmLang.Syntax;

namespace VmLang.Tests.Fuzzing;

/// <summary>
/// Templates without errors lower and render for any data: rendering does not throw, and every value
/// said by an unfiltered hole that the row reaches is in the script verbatim, whatever it holds
/// (template-engine syntax, backslashes, line breaks, emoji).
/// </summary>
public class RenderPropertyTests
{
    [Fact]
    public void Clean_templates_render_any_data_and_say_each_value_verbatim()
    {
        var config = FuzzCases.Config.WithMaxTest(Math.Max(1, FuzzCases.Count / CleanTemplateGenerator.RowsPerTemplate));
        Prop.ForAll(CleanTemplateGenerator.Cases, @case =>
        {
            var compilation = Compilation.Create([SyntaxTree.Parse(@case.Source, "t.vml")]);
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => $"{d.Code} {d.Message}");
            Assert.True(!errors.Any(), $"The generator made a template with errors: {string.Join("; ", errors)}\n{@case.Source}");
            var template = compilation.Templates.Single();
            var renderer = ScriptRenderer.Create(template);
            foreach (var row in @case.Rows)
            {
                var script = renderer.Render(new SlotValues(template, row.Values));
                Assert.All(row.Said, value => Assert.Contains(value, script, StringComparison.Ordinal));
            }
        }).Check(config);
    }

    [Theory(Skip = "Known: text starting with '}' right after a hole makes the Handlebars lowering write '}}}', which does not compile, "
        + "so rendering a clean template throws. Found by the property above. Drop this Skip when the Scriban renderer is merged "
        + "(the generator then stops keeping '}' apart from holes on its own).")]
    [InlineData("{{ note }}}")]
    [InlineData("{{ note }}}}")]
    [InlineData("{{ if note }}}}{{ end }}")]
    [InlineData("{{ if note }}x{{ else }}}}{{ end }}")]
    public void Text_starting_with_a_brace_after_a_hole_renders(string say)
    {
        Assert.False(KnownCases.BraceAfterHoleIsOpen);
        var compilation = Checking.Check.Compile(Checking.Check.Template(members: "slot note : text optional", say: Checking.Check.Everything + " " + say));
        var template = compilation.Templates.Single();
        var script = ScriptRenderer.Create(template).Render(new SlotValues(template, new Dictionary<string, string?> { ["note"] = "n" }));
        Assert.EndsWith(say.Replace("{{ note }}", "n").Replace("{{ if note }}", "").Replace("{{ else }}}}", "").Replace("{{ end }}", ""), script);
    }
}
