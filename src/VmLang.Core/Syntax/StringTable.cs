namespace VmLang.Syntax;

/// <summary>
/// Shares one string instance for each distinct short text (names, indentation), as Roslyn's string
/// table does: a workspace says the same slot names and indents thousands of times, and every
/// duplicate would otherwise be a separate allocation kept alive by the tree.
/// </summary>
internal sealed class StringTable
{
    private const int MaxInternedLength = 64;

    // Beyond this many strings a table is more likely holding one-off text than shared names.
    private const int MaxCount = 100_000;

    [ThreadStatic]
    private static StringTable? SharedForThread;

    /// <summary>
    /// One table per thread, shared by every file that thread lexes: files of a workspace repeat each
    /// other's names, and a new table per file (or per trivia rescan) would cost more than it saves.
    /// </summary>
    public static StringTable ForCurrentThread()
    {
        var table = SharedForThread ??= new StringTable();
        if (table._strings.Count > MaxCount) table._strings.Clear();
        return table;
    }

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
