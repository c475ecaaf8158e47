using HandlebarsDotNet;
using VmLang.Binding;

namespace VmLang.Emit;

/// <summary>
/// One checked template compiled once by Handlebars.Net and reused for every row. Values are the
/// slot values of one row, blank already replaced by the slot's default (see <see cref="SlotValues"/>).
/// </summary>
public sealed class ScriptRenderer
{
    private readonly HandlebarsTemplate<object, object> _compiled;

    private ScriptRenderer(TemplateSymbol template, LoweredTemplate lowered, HandlebarsTemplate<object, object> compiled)
    {
        Template = template;
        Lowered = lowered;
        _compiled = compiled;
    }

    public TemplateSymbol Template { get; }

    public LoweredTemplate Lowered { get; }

    /// <summary>Compiles <paramref name="template"/>; it must have a bound say block and no errors.</summary>
    public static ScriptRenderer Create(TemplateSymbol template)
    {
        var say = template.Say ?? throw new InvalidOperationException($"Template '{template.Name}' has no say block.");
        var lowered = HandlebarsLowering.Lower(say);
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true, ThrowOnUnresolvedBindingExpression = false });

        handlebars.RegisterHelper(HandlebarsLowering.SlotHelper, (context, arguments) => Values(context).Get((string)arguments[0]!));
        handlebars.RegisterHelper(HandlebarsLowering.PresentHelper, (context, arguments) => !string.IsNullOrWhiteSpace(Values(context).Get((string)arguments[0]!)));
        handlebars.RegisterHelper(HandlebarsLowering.TextHelper, (_, arguments) => lowered.Literals[Convert.ToInt32(arguments[0], System.Globalization.CultureInfo.InvariantCulture)]);
        Register(handlebars, ValueFilter.First, Filters.First);
        Register(handlebars, ValueFilter.Last, Filters.Last);
        Register(handlebars, ValueFilter.Upper, Filters.Upper);
        Register(handlebars, ValueFilter.Lower, Filters.Lower);
        Register(handlebars, ValueFilter.Spoken, Filters.Spoken);

        return new ScriptRenderer(template, lowered, handlebars.Compile(lowered.Source));
    }

    public string Render(SlotValues values) => _compiled(values);

    private static SlotValues Values(Context context) => (SlotValues)context.Value!;

    private static void Register(IHandlebars handlebars, ValueFilter filter, Func<string?, string> apply) =>
        handlebars.RegisterHelper(HandlebarsLowering.HelperName(filter), (_, arguments) => apply(arguments[0] as string));
}
