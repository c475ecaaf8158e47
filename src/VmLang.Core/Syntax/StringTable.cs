namespace VmLang.Syntax;

/// <summary>
/// Shares one string instance for each distinct short text (names, indentation), as Roslyn's string
/// table does: a workspace says the same slot names and indents thousands of times, and every
/// duplicate would otherwise be a separate allocation kept alive by the tree. The keywords are in the
/// table from the start, so the lexer learns a word's kind and its shared text with one lookup.
/// </summary>
/// <remarks>
/// Open addressing over one array of entries, with an FNV-1a hash of the characters: the lexer looks
/// up every name it reads, and a dictionary's span lookup (an interface call, a chained bucket) was
/// a tenth of a parse.
/// </remarks>
internal sealed class StringTable
{
    /// <summary>Longer texts are not shared: they are seldom repeated.</summary>
    public const int MaxInternedLength = 64;

    // Beyond this many strings a table is more likely holding one-off text than shared names.
    private const int MaxCount = 100_000;

    private const int InitialCapacity = 1024;

    [ThreadStatic]
    private static StringTable? SharedForThread;

    /// <summary>
    /// One table per thread, shared by every file that thread lexes: files of a workspace repeat each
    /// other's names, and a new table per file (or per trivia rescan) would cost more than it saves.
    /// </summary>
    public static StringTable ForCurrentThread()
    {
        var table = SharedForThread ??= new StringTable();
        if (table._count > MaxCount) table.Reset();
        return table;
    }

    private struct Entry
    {
        public string? Text;
        public int Hash;

        /// <summary>The keyword this text is, or <see cref="SyntaxKind.None"/>.</summary>
        public SyntaxKind Keyword;
    }

    private Entry[] _entries = [];
    private int _count;

    public StringTable() => Reset();

    /// <summary>The shared instance of <paramref name="text"/>.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxInternedLength) return text.ToString();
        // The index first: adding may grow the table, and `_entries[FindOrAdd(…)]` would read the old array.
        var index = FindOrAdd(text);
        return _entries[index].Text!;
    }

    /// <summary>The kind of a word the lexer read (a keyword, else a name), and its shared text.</summary>
    public SyntaxKind GetWord(ReadOnlySpan<char> word, out string text)
    {
        if (word.Length > MaxInternedLength)
        {
            // No keyword is this long.
            text = word.ToString();
            return SyntaxKind.IdentifierToken;
        }
        var index = FindOrAdd(word);
        ref var entry = ref _entries[index];
        text = entry.Text!;
        return entry.Keyword == SyntaxKind.None ? SyntaxKind.IdentifierToken : entry.Keyword;
    }

    private void Reset()
    {
        _entries = new Entry[InitialCapacity];
        _count = 0;
        // The keywords' own instances, so a keyword token's text is the same string however it was lexed.
        foreach (var keyword in SyntaxFacts.KeywordTexts)
        {
            var index = FindOrAdd(keyword, keyword);
            _entries[index].Keyword = SyntaxFacts.GetKeywordKind(keyword);
        }
    }

    /// <param name="instance">The string to keep if <paramref name="text"/> is new; by default a copy is made.</param>
    private int FindOrAdd(ReadOnlySpan<char> text, string? instance = null)
    {
        var hash = Hash(text);
        var mask = _entries.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var entry = ref _entries[i];
            if (entry.Text is null) return Add(i, text, hash, instance);
            if (entry.Hash == hash && text.SequenceEqual(entry.Text)) return i;
        }
    }

    private int Add(int index, ReadOnlySpan<char> text, int hash, string? instance)
    {
        // Kept at most half full, so a miss ends at an empty slot soon.
        if (2 * (_count + 1) > _entries.Length)
        {
            Grow();
            return FindOrAdd(text, instance);
        }
        _entries[index] = new Entry { Text = instance ?? text.ToString(), Hash = hash };
        _count++;
        return index;
    }

    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        var mask = _entries.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Text is null) continue;
            var i = entry.Hash & mask;
            while (_entries[i].Text is not null) i = (i + 1) & mask;
            _entries[i] = entry;
        }
    }

    private static int Hash(ReadOnlySpan<char> text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return (int)(hash & int.MaxValue);
    }
}
