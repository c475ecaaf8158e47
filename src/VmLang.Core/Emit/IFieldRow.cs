namespace VmLang.Emit;

/// <summary>
/// A row whose values sit at field positions that every row of its input shares (a CSV row over its
/// header), so that a reader of many rows can look each column up once rather than once a row.
/// </summary>
public interface IFieldRow : IReadOnlyDictionary<string, string?>
{
    /// <summary>The same object for every row whose columns are at the same positions.</summary>
    object Layout { get; }

    /// <summary>The field position of <paramref name="column"/> (as <see cref="IReadOnlyDictionary{TKey, TValue}.TryGetValue"/> matches keys), or -1.</summary>
    int FieldOf(string column);

    /// <summary>The value at <paramref name="field"/>, null where <see cref="IReadOnlyDictionary{TKey, TValue}.TryGetValue"/> finds none.</summary>
    string? FieldAt(int field);
}
