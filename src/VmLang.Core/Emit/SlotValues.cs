using VmLang.Binding;

namespace VmLang.Emit;

/// <summary>
/// The value of each slot of a template for one row: the data's value, or the slot's default when
/// the data is blank or has no such column. Column names match slot names case-insensitively.
/// </summary>
public sealed class SlotValues
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private readonly TemplateSymbol _template;

    public SlotValues(TemplateSymbol template, IReadOnlyDictionary<string, string?> row)
    {
        _template = template;
        Fill(row);
    }

    /// <summary>Takes the next row's values; the renderer reuses one instance for every row.</summary>
    public void Fill(IReadOnlyDictionary<string, string?> row)
    {
        foreach (var slot in _template.Slots)
        {
            row.TryGetValue(slot.Name, out var value);
            _values[slot.Name] = string.IsNullOrWhiteSpace(value) ? slot.DefaultValue ?? "" : value;
        }
    }

    public string Get(string slot) => _values.TryGetValue(slot, out var value) ? value : "";
}
