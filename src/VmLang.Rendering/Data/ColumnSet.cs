namespace VmLang.Rendering;

/// <summary>
/// Column names in the order they were first seen, unique case-insensitively (the first
/// spelling wins). For CSV it is the header; for JSON it grows as rows bring new keys.
/// </summary>
internal sealed class ColumnSet : IReadOnlyList<string>
{
    private readonly List<string> _names = [];
    private readonly HashSet<string> _known = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _names.Count;

    public string this[int index] => _names[index];

    /// <summary>Adds <paramref name="name"/> unless a column of that name (in any case) exists.</summary>
    public bool Add(string name)
    {
        if (!_known.Add(name))
        {
            return false;
        }

        _names.Add(name);
        return true;
    }

    public bool Contains(string name) => _known.Contains(name);

    public IEnumerator<string> GetEnumerator() => _names.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
