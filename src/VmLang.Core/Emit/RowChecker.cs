using VmLang.Binding;
using VmLang.Diagnostics;
using VmLang.Rules;

namespace VmLang.Emit;

/// <summary>What became of one data row: its script, or the reasons it was rejected.</summary>
public sealed record RowResult(
    string? Script,
    double Seconds,
    IReadOnlyList<string> Rejections,
    IReadOnlyList<string> Warnings,
    string Prospect,
    string Contact)
{
    public bool IsRejected => Rejections.Count > 0;
}

/// <summary>
/// Renders and checks rows for one template (spec §9): a blank required value, a contact with fewer
/// than 7 digits, or an error-severity phrase in the rendered text rejects the row; warning-severity
/// phrases and a script over the length budget are reported and the script is still written.
/// The phrase rules, <c>allow</c> lines and <c>vmlang.json</c> severities are the checker's own.
/// </summary>
public sealed class RowChecker
{
    private const int MinimumContactDigits = 7;

    private readonly Compilation _compilation;
    private readonly TemplateSymbol _template;
    private readonly ScriptRenderer _renderer;
    private readonly RenderedLength _length;
    private readonly PhraseChecker _phrases;
    private readonly HashSet<string> _allowed;
    private readonly int _budgetSeconds;
    private readonly SlotSymbol[] _requiredSlots;
    // Positions in the template's slot order (SlotValues): a row's values are read by position.
    private readonly int[] _required;
    private readonly (SlotSymbol Slot, int Index)[] _contacts;
    private readonly int _prospect;
    private readonly int _contact;
    private readonly bool _reportsTooLong;
    private SlotValues? _values;

    public RowChecker(Compilation compilation, TemplateSymbol template)
    {
        _compilation = compilation;
        _template = template;
        _renderer = ScriptRenderer.Create(template);
        _length = new RenderedLength(_renderer.Lowered, compilation.Configuration);
        _phrases = PhraseChecker.Create(compilation);
        _allowed = new HashSet<string>(template.Allows.Select(a => a.Code.Text), StringComparer.OrdinalIgnoreCase);
        _budgetSeconds = SpokenLength.BudgetSeconds(template, compilation.Configuration);
        _requiredSlots = [.. template.Slots.Where(s => !s.IsOptional && s.DefaultValue is null)];
        _required = [.. _requiredSlots.Select(SlotIndex)];
        _contacts = [.. template.Slots.Where(s => s.Role == Role.Contact).Select(s => (s, SlotIndex(s)))];
        _prospect = template.Slots.FirstOrDefault(s => s.Role == Role.Prospect) is { } prospect ? SlotIndex(prospect) : -1;
        _contact = template.Slots.FirstOrDefault(s => s.Role == Role.Contact) is { } contact ? SlotIndex(contact) : -1;
        _reportsTooLong = !_allowed.Contains(DiagnosticDescriptors.TooLong.Code)
            && compilation.Configuration.EffectiveSeverity(DiagnosticDescriptors.TooLong.Code, DiagnosticDescriptors.TooLong.DefaultSeverity) is not null;
    }

    /// <summary>
    /// The warning for a data column that no slot of <paramref name="template"/> reads (columns match
    /// slot names case-insensitively); null when a slot reads it.
    /// </summary>
    public static string? UnusedColumnWarning(TemplateSymbol template, string column) =>
        template.Slots.Any(s => string.Equals(s.Name, column, StringComparison.OrdinalIgnoreCase))
            ? null
            : $"column '{column}' matches no slot of template '{template.Name}' and is not used";

    /// <summary>Slots whose value the data must give: not optional and without a default.</summary>
    public IReadOnlyList<SlotSymbol> RequiredSlots => _requiredSlots;

    // Everything below runs once per row: no LINQ, and a list only for a row that has something in it.
    public RowResult Check(IReadOnlyDictionary<string, string?> row)
    {
        // Rows are checked one after another, so one set of slot values serves them all.
        var values = _values ??= new SlotValues(_template, row);
        values.Fill(row);
        var prospect = _prospect >= 0 ? values[_prospect] : "";
        var contact = _contact >= 0 ? values[_contact] : "";
        var rejections = CheckValues(values);
        if (rejections is not null) return new RowResult(null, 0, rejections, [], prospect, contact);

        var script = _renderer.Render(values);
        // Counted now, while the renderer still knows where this script's literal texts are.
        var seconds = _renderer.WasCut
            ? SpokenLength.ScriptSeconds(script, contact, _compilation.Configuration)
            : _length.Seconds(script, contact, _renderer.LiteralWrites);
        List<string>? warnings = null;
        foreach (var hit in _phrases.Find(_template, script))
        {
            if (_allowed.Contains(hit.Descriptor.Code)) continue;
            var severity = _compilation.Configuration.EffectiveSeverity(hit.Descriptor.Code, hit.Severity);
            if (severity is null) continue;
            var finding = $"{hit.Descriptor.Code}: {hit.Message}";
            if (severity == DiagnosticSeverity.Error) (rejections ??= []).Add(finding);
            else (warnings ??= []).Add(finding);
        }

        if (seconds > _budgetSeconds && _reportsTooLong)
        {
            (warnings ??= []).Add($"{DiagnosticDescriptors.TooLong.Code}: {DiagnosticDescriptors.TooLong.Message(SpokenLength.Format(seconds), budgetSeconds: _budgetSeconds)}");
        }
        return new RowResult(rejections is null ? script : null, seconds, (IReadOnlyList<string>?)rejections ?? [], (IReadOnlyList<string>?)warnings ?? [], prospect, contact);
    }

    // As SlotValues reads it: by name, the last slot of a name winning.
    private int SlotIndex(SlotSymbol slot)
    {
        for (var i = _template.Slots.Length - 1; i >= 0; i--)
        {
            if (_template.Slots[i].Name == slot.Name) return i;
        }
        return -1;
    }

    /// <summary>The reasons the row's values reject it; null when they are fine.</summary>
    private List<string>? CheckValues(SlotValues values)
    {
        List<string>? rejections = null;
        for (var i = 0; i < _required.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(values[_required[i]])) continue;
            var slot = _requiredSlots[i];
            (rejections ??= []).Add($"slot '{slot.Name}' ({slot.Role?.Name ?? "text"}) is blank");
        }
        foreach (var (slot, index) in _contacts)
        {
            var value = values[index];
            var digits = Filters.CountDigits(value);
            if (!string.IsNullOrWhiteSpace(value) && digits < MinimumContactDigits)
            {
                (rejections ??= []).Add($"slot '{slot.Name}' (contact) has {digits} digit{(digits == 1 ? "" : "s")}, fewer than {MinimumContactDigits}: \"{value}\"");
            }
        }
        return rejections;
    }
}
