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
    private readonly PhraseChecker _phrases;
    private readonly HashSet<string> _allowed;
    private readonly int _budgetSeconds;
    private readonly SlotSymbol[] _requiredSlots;
    private readonly SlotSymbol[] _contactSlots;
    private readonly string? _prospectSlot;
    private readonly string? _contactSlot;
    private readonly bool _reportsTooLong;
    private SlotValues? _values;

    public RowChecker(Compilation compilation, TemplateSymbol template)
    {
        _compilation = compilation;
        _template = template;
        _renderer = ScriptRenderer.Create(template);
        _phrases = PhraseChecker.Create(compilation);
        _allowed = new HashSet<string>(template.Allows.Select(a => a.Code.Text), StringComparer.OrdinalIgnoreCase);
        _budgetSeconds = SpokenLength.BudgetSeconds(template, compilation.Configuration);
        _requiredSlots = [.. template.Slots.Where(s => !s.IsOptional && s.DefaultValue is null)];
        _contactSlots = [.. template.Slots.Where(s => s.Role == Role.Contact)];
        _prospectSlot = template.Slots.FirstOrDefault(s => s.Role == Role.Prospect)?.Name;
        _contactSlot = template.Slots.FirstOrDefault(s => s.Role == Role.Contact)?.Name;
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
        var prospect = _prospectSlot is { } prospectSlot ? values.Get(prospectSlot) : "";
        var contact = _contactSlot is { } contactSlot ? values.Get(contactSlot) : "";
        var rejections = CheckValues(values);
        if (rejections is not null) return new RowResult(null, 0, rejections, [], prospect, contact);

        var script = _renderer.Render(values);
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

        var seconds = SpokenLength.ScriptSeconds(script, contact, _compilation.Configuration);
        if (seconds > _budgetSeconds && _reportsTooLong)
        {
            (warnings ??= []).Add($"{DiagnosticDescriptors.TooLong.Code}: {DiagnosticDescriptors.TooLong.Message(SpokenLength.Format(seconds), budgetSeconds: _budgetSeconds)}");
        }
        return new RowResult(rejections is null ? script : null, seconds, (IReadOnlyList<string>?)rejections ?? [], (IReadOnlyList<string>?)warnings ?? [], prospect, contact);
    }

    /// <summary>The reasons the row's values reject it; null when they are fine.</summary>
    private List<string>? CheckValues(SlotValues values)
    {
        List<string>? rejections = null;
        foreach (var slot in _requiredSlots)
        {
            if (!string.IsNullOrWhiteSpace(values.Get(slot.Name))) continue;
            (rejections ??= []).Add($"slot '{slot.Name}' ({slot.Role?.Name ?? "text"}) is blank");
        }
        foreach (var slot in _contactSlots)
        {
            var value = values.Get(slot.Name);
            var digits = Filters.CountDigits(value);
            if (!string.IsNullOrWhiteSpace(value) && digits < MinimumContactDigits)
            {
                (rejections ??= []).Add($"slot '{slot.Name}' (contact) has {digits} digit{(digits == 1 ? "" : "s")}, fewer than {MinimumContactDigits}: \"{value}\"");
            }
        }
        return rejections;
    }
}
