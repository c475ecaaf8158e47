using Scriban;
using Scriban.Runtime;
using VmLang.Emit;

namespace VmLang.Benchmarks;

/// <summary>
/// The spec's first_touch template written by hand as Scriban text and rendered the fastest plain way
/// (one context, one variable table, one output buffer reused for every row): the baseline that the
/// lowered program is measured against.
/// </summary>
internal static class RawScriban
{
    public const string Text =
        "Hi {{ first prospect }}, this is {{ rep }} with {{ firm }}.\n{{ if referrer != \"\" }}{{ referrer }} suggested I call. {{ end }}{{ pain }}, and we {{ outcome }}.\n" +
        "I'll try you again {{ callback_when }}. If it's of interest before then, you can reach me at {{ number }}.";

    public static (Template Template, TemplateContext Context, ScriptObject Globals) Create()
    {
        var template = Template.Parse(Text);
        if (template.HasErrors) throw new InvalidOperationException(string.Join("; ", template.Messages));
        var globals = new ScriptObject();
        globals.Import("first", new Func<string, string>(Filters.First));
        // No output limit: Scriban counts it from the start of a Template.Render, and this context
        // evaluates the page for every row, so any limit would cut the scripts of later rows short.
        var context = new TemplateContext(new ScriptObject()) { AutoIndent = false, OutputLimit = 0 };
        context.PushGlobal(globals);
        context.PushOutput(new StringBuilderOutput());
        return (template, context, globals);
    }

    public static string Render(Template template, TemplateContext context, ScriptObject globals, Dictionary<string, string> row)
    {
        foreach (var (name, value) in row) globals.SetValue(name == "when" ? "callback_when" : name, value, readOnly: false);
        var output = (StringBuilderOutput)context.Output;
        output.Builder.Clear();
        context.Evaluate(template.Page!);
        return output.Builder.ToString();
    }
}
