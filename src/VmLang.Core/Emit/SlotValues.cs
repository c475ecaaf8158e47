using VmLang.Binding;

namespace VmLang.Emit;

/// <summary>
/// The value of each slot of a template for one row: the data's value, or the slot's default when
/// the data is blank or has no such column. Column names match slot names case-insensitively.
/// </summary>
public sealed class SlotValues
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    // Each slot's name and the value a blank gives, read off the syntax once rather than once a row.
    private readonly (string Name, string Default)[] _slots;

    public SlotValues(TemplateSymbol template, IReadOnlyDictionary<string, string?> row)
    {
        _slots = [.. template.Slots.Select(s => (s.Name, s.DefaultValue ?? ""))];
        Fill(row);
    }

    /// <summary>Takes the next row's values; the renderer reuses one instance for every row.</summary>
    public void Fill(IReadOnlyDictionary<string, string?> row)
    {
        foreach (var (name, blank) in _slots)
        {
            row.TryGetValue(name, out var value);
            _values[name] = string.IsNullOrWhiteSpace(value) ? blank : value;
        }
    }

    public string Get(string slot) => _values.TryGetValue(slot, out var value) ? value : "";
}
