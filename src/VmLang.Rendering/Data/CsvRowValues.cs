using System.Collections;
using System.Diagnostics.CodeAnalysis;
using VmLang.Emit;

namespace VmLang.Rendering;

/// <summary>
/// The header of a CSV input: the column at each field position (null for a blank header cell) and,
/// shared by every row, the position of each column by name, case-insensitively.
/// </summary>
internal sealed class CsvHeader
{
    private readonly Dictionary<string, int> _fieldOf = new(StringComparer.OrdinalIgnoreCase);

    public CsvHeader(string?[] columnAt)
    {
        ColumnAt = columnAt;
        for (var i = 0; i < columnAt.Length; i++)
        {
            if (columnAt[i] is { } column)
            {
                _fieldOf.Add(column, i);
            }
        }
    }

    public string?[] ColumnAt { get; }

    public bool TryGetField(string column, out int field) => _fieldOf.TryGetValue(column, out field);
}

/// <summary>
/// One CSV row's values by column name: the fields in header order over the header's shared index, so a
/// row costs one array rather than a dictionary of its own. A field the row does not have (a short row)
/// or whose header cell is blank is null and not a key; a CSV value itself is never null. Enumerates in
/// header order.
/// </summary>
internal sealed class CsvRowValues(CsvHeader header, string?[] fields) : IFieldRow
{
    public object Layout => header;

    public int FieldOf(string column) => header.TryGetField(column, out var field) ? field : -1;

    public string? FieldAt(int field) => fields[field];

    public int Count
    {
        get
        {
            var count = 0;
            foreach (var value in fields)
            {
                if (value is not null)
                {
                    count++;
                }
            }

            return count;
        }
    }

    public IEnumerable<string> Keys => this.Select(static pair => pair.Key);

    public IEnumerable<string?> Values => this.Select(static pair => pair.Value);

    public string? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The row has no column '{key}'.");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string? value)
    {
        if (header.TryGetField(key, out var field) && fields[field] is { } found)
        {
            value = found;
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator()
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i] is { } value)
            {
                yield return new KeyValuePair<string, string?>(header.ColumnAt[i]!, value);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
