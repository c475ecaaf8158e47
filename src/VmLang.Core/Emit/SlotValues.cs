using VmLang.Binding;

namespace VmLang.Emit;

/// <summary>
/// The value of each slot of a template for one row: the data's value, or the slot's default when
/// the data is blank or has no such column. Column names match slot names case-insensitively.
/// Slots are numbered in the template's order (<see cref="TemplateSymbol.Slots"/>).
/// </summary>
public sealed class SlotValues
{
    // Each slot's name and the value a blank gives, read off the syntax once rather than once a row.
    private readonly string[] _names;
    private readonly string[] _blanks;
    private readonly string[] _values;
    private readonly Dictionary<string, int> _indexOf = new(StringComparer.Ordinal);

    // The field of each slot in rows of _layout (-1: no such column), found once per input rather than once a row.
    private readonly int[] _fields;
    private object? _layout;

    public SlotValues(TemplateSymbol template, IReadOnlyDictionary<string, string?> row)
    {
        _names = [.. template.Slots.Select(s => s.Name)];
        _blanks = [.. template.Slots.Select(s => s.DefaultValue ?? "")];
        _values = new string[_names.Length];
        _fields = new int[_names.Length];
        // A duplicate slot is an error the binder reports; the last one read wins, as it always has.
        for (var i = 0; i < _names.Length; i++) _indexOf[_names[i]] = i;
        Fill(row);
    }

    /// <summary>Number of slots.</summary>
    public int Count => _values.Length;

    /// <summary>Takes the next row's values; the renderer reuses one instance for every row.</summary>
    public void Fill(IReadOnlyDictionary<string, string?> row)
    {
        if (row is IFieldRow fields)
        {
            if (!ReferenceEquals(fields.Layout, _layout)) Locate(fields);
            for (var i = 0; i < _values.Length; i++)
            {
                var value = _fields[i] < 0 ? null : fields.FieldAt(_fields[i]);
                _values[i] = string.IsNullOrWhiteSpace(value) ? _blanks[i] : value;
            }
            return;
        }
        for (var i = 0; i < _values.Length; i++)
        {
            row.TryGetValue(_names[i], out var value);
            _values[i] = string.IsNullOrWhiteSpace(value) ? _blanks[i] : value;
        }
    }

    public string Get(string slot) => _indexOf.TryGetValue(slot, out var index) ? _values[index] : "";

    /// <summary>The value of the slot at <paramref name="slot"/> in the template's order.</summary>
    public string this[int slot] => _values[slot];

    /// <summary>The slot's position in the template's order; -1 when the template has no such slot.</summary>
    public int IndexOf(string slot) => _indexOf.TryGetValue(slot, out var index) ? index : -1;

    private void Locate(IFieldRow row)
    {
        for (var i = 0; i < _names.Length; i++) _fields[i] = row.FieldOf(_names[i]);
        _layout = row.Layout;
    }
}
