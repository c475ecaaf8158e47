namespace VmLang.Syntax;

/// <summary>
/// Shares one string instance for each distinct short text (names, indentation), as Roslyn's string
/// table does: a workspace says the same slot names and indents thousands of times, and every
/// duplicate would otherwise be a separate allocation kept alive by the tree.
/// </summary>
internal sealed class StringTable
{
    private const int MaxInternedLength = 64;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringTable() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxInternedLength) return text.ToString();
        if (_lookup.TryGetValue(text, out var shared)) return shared;
        var created = text.ToString();
        _strings.Add(created, created);
        return created;
    }
}
