using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using VmLang.Binding;

namespace VmLang.Emit;

/// <summary>
/// One checked template lowered once to a Scriban program (<see cref="ScribanLowering"/>) and run for
/// every row in one reused, locked-down <see cref="TemplateContext"/>. Values are the slot values of
/// one row, blank already replaced by the slot's default (see <see cref="SlotValues"/>).
/// </summary>
/// <remarks>
/// Not thread-safe: a renderer keeps one context, output buffer and variable table for all its rows.
/// Render on several threads with one renderer per thread.
/// </remarks>
public sealed class ScriptRenderer
{
    // A lowered program has no loops and calls no function from a function; the limits only bound
    // what a hostile template or data row could cost, far above any real script.
    private const int LoopLimit = 1;
    private const int RecursiveLimit = 100;
    private const int OutputLimit = 1 << 24;

    private readonly ScriptPage _program;
    private readonly TemplateContext _context;
    private readonly SlotVariables _slots;
    private readonly RowOutput _output;

    private ScriptRenderer(TemplateSymbol template, LoweredSay lowered)
    {
        Template = template;
        Lowered = lowered;
        _program = lowered.Program;
        _slots = CreateSlots(template, lowered);
        var literalAt = new int[lowered.LiteralPool.Length];
        Array.Fill(literalAt, -1);
        for (var i = 0; i < lowered.Literals.Length; i++) literalAt[lowered.Literals[i].Start] = i;
        _output = new RowOutput(OutputLimit, lowered.LiteralPool, literalAt);
        _context = CreateContext(CreateFunctions(), _slots);
        _context.PushOutput(_output);
    }

    public TemplateSymbol Template { get; }

    /// <summary>The program this renderer runs.</summary>
    public LoweredSay Lowered { get; }

    /// <summary>Where the last script's literal texts are (see <see cref="RowOutput.Literals"/>); valid until the next render.</summary>
    internal ReadOnlySpan<LiteralWrite> LiteralWrites => _output.Literals;

    /// <summary>Whether the output limit cut the last script short.</summary>
    internal bool WasCut => _output.IsCut;

    /// <summary>Lowers <paramref name="template"/>; it must have a bound say block and no errors.</summary>
    public static ScriptRenderer Create(TemplateSymbol template)
    {
        var say = template.Say ?? throw new InvalidOperationException($"Template '{template.Name}' has no say block.");
        return new ScriptRenderer(template, ScribanLowering.Lower(say));
    }

    public string Render(SlotValues values)
    {
        _slots.Fill(values);
        _output.Clear();
        _context.Evaluate(_program);
        return _output.Builder.ToString();
    }

    private static SlotVariables CreateSlots(TemplateSymbol template, LoweredSay lowered)
    {
        // The very strings the program reads its variables by, so that a read is a reference comparison.
        var slots = template.Slots;
        var names = slots.Select(s => lowered.Variables.TryGetValue(s.Name, out var name) ? name : ScribanNames.Slot(s.Name)).ToList();
        var presenceOf = new List<int>();
        foreach (var (slot, presence) in lowered.Presences)
        {
            // As SlotValues reads a slot by name: the last slot of a name.
            var index = slots.Length - 1;
            while (index >= 0 && slots[index].Name != slot) index--;
            if (index < 0) continue;
            names.Add(presence);
            presenceOf.Add(index);
        }
        return new SlotVariables([.. names], [.. presenceOf]);
    }

    /// <summary>VmLang's functions and nothing else: no Scriban built-ins, so no <c>include</c>, <c>import</c> or <c>date.now</c>.</summary>
    private static ScriptObject CreateFunctions()
    {
        var globals = new ScriptObject();
        foreach (var filter in ValueFilters.All)
        {
            globals.SetValue(ScribanNames.Filter(filter.Filter), new ScribanFunction(Apply(filter.Filter)), readOnly: true);
        }
        return globals;
    }

    private static Func<string, object> Apply(ValueFilter filter) => filter switch
    {
        ValueFilter.First => Filters.First,
        ValueFilter.Last => Filters.Last,
        ValueFilter.Upper => Filters.Upper,
        ValueFilter.Lower => Filters.Lower,
        ValueFilter.Spoken => Filters.Spoken,
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, null),
    };

    private static TemplateContext CreateContext(ScriptObject functions, SlotVariables slots)
    {
        // An empty builtin object: the default one carries Scriban's whole library.
        var context = new TemplateContext(new ScriptObject())
        {
            StrictVariables = true,
            TemplateLoader = null,
            MemberFilter = static _ => false,
            EnableRelaxedMemberAccess = false,
            AutoIndent = false,
            LoopLimit = LoopLimit,
            RecursiveLimit = RecursiveLimit,
            // Bounded per row by RowOutput: Scriban's own output limit would count across rows.
            OutputLimit = 0,
            LimitToString = OutputLimit,
            NewLine = "\n",
        };
        // Slots on top: they are read most. Their names ("slot_…") never meet a function's.
        context.PushGlobal(functions);
        context.PushGlobal(slots);
        return context;
    }
}
