namespace VmLang.Rules.Phrases;

/// <summary>
/// An Aho–Corasick automaton over normalized phrases (see <see cref="PhraseText.Normalize"/>). It knows
/// phrases only by their index; <see cref="PhraseMatcher{TPayload}"/> maps indexes to payloads and offsets.
/// </summary>
/// <remarks>
/// Everything lives in flat arrays so that stepping never allocates. A node's trie edges are a sorted slice
/// of <see cref="_edgeLabels"/> (compressed rows), found by binary search: most nodes have one child, and a
/// dense table would cost a row of the whole alphabet per node.
/// </remarks>
internal sealed class PhraseAutomaton
{
    public const int Root = 0;
    public const int NoNode = -1;

    // Edges of node n: indexes [_edgeStart[n], _edgeStart[n + 1]) of _edgeLabels and _edgeTargets.
    private readonly int[] _edgeStart;
    private readonly char[] _edgeLabels;
    private readonly int[] _edgeTargets;

    // Longest proper suffix of a node's string that is also a trie node.
    private readonly int[] _failure;

    // Phrases that end exactly at node n: _phrasesEndingAt[_phraseStart[n] .. _phraseStart[n + 1]).
    private readonly int[] _phraseStart;
    private readonly int[] _phrasesEndingAt;

    // The node itself if a phrase ends there, else the nearest node on its failure chain where one does;
    // and, from a node where phrases end, the next such node further down the chain. Following these visits
    // only nodes that report something instead of the whole failure chain.
    private readonly int[] _firstReportingNode;
    private readonly int[] _nextReportingNode;

    // The root's children for ASCII labels, as a dense table: most characters of a text are read at
    // or fall back to the root, so this spares the search of its (largest) edge list.
    private readonly int[] _rootAscii = new int[128];

    // The whole transition function as a table over character classes (see BuildDense), so that reading a
    // character is two array loads whatever the number of phrases; null when it would be too large.
    private int[]? _dense;
    private int _whitespaceClass;
    private int _classCount;
    private readonly short[] _asciiClass = new short[128];
    private Dictionary<char, short>? _otherClasses;

    // A dense table of more entries than this (16 MB) is not built: stepping falls back to the trie.
    private const int MaxDenseEntries = 4 << 20;

    /// <summary>What <see cref="ClassOf"/> gives for whitespace, which the trie path collapses before stepping.</summary>
    public const int WhitespaceClass = -1;

    /// <summary>An entry of <see cref="DenseTable"/> with this bit set leads to a node where phrases end.</summary>
    public const int Reports = int.MinValue;

    private PhraseAutomaton(
        int[] edgeStart,
        char[] edgeLabels,
        int[] edgeTargets,
        int[] failure,
        int[] phraseStart,
        int[] phrasesEndingAt,
        int[] firstReportingNode,
        int[] nextReportingNode,
        int longestPhraseLength)
    {
        _edgeStart = edgeStart;
        _edgeLabels = edgeLabels;
        _edgeTargets = edgeTargets;
        _failure = failure;
        _phraseStart = phraseStart;
        _phrasesEndingAt = phrasesEndingAt;
        _firstReportingNode = firstReportingNode;
        _nextReportingNode = nextReportingNode;
        LongestPhraseLength = longestPhraseLength;
        for (var label = 0; label < _rootAscii.Length; label++) _rootAscii[label] = FindChild(Root, (char)label);
    }

    /// <summary>Length of the longest normalized phrase, which bounds how far back a match can start.</summary>
    public int LongestPhraseLength { get; }

    /// <summary>Builds the automaton for non-empty normalized phrases; phrase i is reported as index i.</summary>
    public static PhraseAutomaton Build(IReadOnlyList<string> normalizedPhrases, bool dense = true)
    {
        var (edges, nodeCount, terminalNodes, longestPhraseLength) = BuildTrie(normalizedPhrases);

        var (edgeStart, edgeLabels, edgeTargets) = ToCompressedRows(edges, nodeCount);
        var (phraseStart, phrasesEndingAt) = GroupPhrasesByNode(terminalNodes, nodeCount);

        var failure = new int[nodeCount];
        var firstReportingNode = new int[nodeCount];
        var nextReportingNode = new int[nodeCount];
        var automaton = new PhraseAutomaton(
            edgeStart, edgeLabels, edgeTargets, failure, phraseStart, phrasesEndingAt,
            firstReportingNode, nextReportingNode, longestPhraseLength);

        automaton.LinkFailures();
        automaton.BuildDense(dense);
        return automaton;
    }

    /// <summary>The node reached from <paramref name="node"/> by reading <paramref name="label"/>.</summary>
    public int Step(int node, char label)
    {
        while (true)
        {
            int child = node == Root && label < 128 ? _rootAscii[label] : FindChild(node, label);
            if (child != NoNode)
            {
                return child;
            }

            if (node == Root)
            {
                return Root;
            }

            node = _failure[node];
        }
    }

    /// <summary>Whether <see cref="DenseTable"/> and <see cref="DenseClassOf"/> can be used.</summary>
    public bool IsDense => _dense is not null;

    /// <summary>
    /// The class of a text character for <see cref="Step"/>'s caller: <see cref="WhitespaceClass"/>, 0 for a
    /// character no phrase holds (reading it always leads back to the root), else the class of its folded form.
    /// </summary>
    public int ClassOf(char c)
    {
        var found = DenseClassOf(c);
        return found == _whitespaceClass ? WhitespaceClass : found;
    }

    /// <summary>The column of a text character in <see cref="DenseTable"/>: as <see cref="ClassOf"/>, with whitespace a class of its own.</summary>
    public int DenseClassOf(char c)
    {
        if (c < 128) return _asciiClass[c];
        if (char.IsWhiteSpace(c)) return _whitespaceClass;
        return _otherClasses!.TryGetValue(PhraseText.Fold(c), out var found) ? found : 0;
    }

    /// <summary>
    /// <see cref="Step"/> as a table for a scanning loop to index itself: the row of a node starts at its
    /// <c>node * ClassCount</c>, the column is the character's class (<see cref="DenseClassOf"/>), and an entry
    /// is the row of the node reached, with <see cref="Reports"/> set when phrases end there. A run of
    /// whitespace steps as one space: whitespace after whitespace leaves the node where it is. Empty when not
    /// <see cref="IsDense"/>.
    /// </summary>
    public ReadOnlySpan<int> DenseTable => _dense;

    public int ClassCount => _classCount;

    /// <summary>The classes of ASCII characters, as <see cref="DenseClassOf"/> gives them.</summary>
    public ReadOnlySpan<short> AsciiClasses => _asciiClass;

    /// <summary>The first node, from <paramref name="node"/> down its failure chain, where phrases end.</summary>
    public int FirstReportingNode(int node) => _firstReportingNode[node];

    /// <summary>The next node after <paramref name="reportingNode"/> down its failure chain where phrases end.</summary>
    public int NextReportingNode(int reportingNode) => _nextReportingNode[reportingNode];

    /// <summary>Index range into <see cref="PhraseAt"/> of the phrases ending exactly at <paramref name="node"/>.</summary>
    public (int Start, int End) PhrasesEndingAt(int node) => (_phraseStart[node], _phraseStart[node + 1]);

    public int PhraseAt(int index) => _phrasesEndingAt[index];

    private int FindChild(int node, char label)
    {
        int first = _edgeStart[node];
        int found = _edgeLabels.AsSpan(first, _edgeStart[node + 1] - first).BinarySearch(label);
        return found >= 0 ? _edgeTargets[first + found] : NoNode;
    }

    private static (Dictionary<(int Parent, char Label), int> Edges, int NodeCount, int[] TerminalNodes, int LongestPhraseLength)
        BuildTrie(IReadOnlyList<string> normalizedPhrases)
    {
        var edges = new Dictionary<(int Parent, char Label), int>();
        var terminalNodes = new int[normalizedPhrases.Count];
        int nodeCount = 1;
        int longestPhraseLength = 0;
        for (int phrase = 0; phrase < normalizedPhrases.Count; phrase++)
        {
            string text = normalizedPhrases[phrase];
            int node = Root;
            foreach (char label in text)
            {
                if (!edges.TryGetValue((node, label), out int child))
                {
                    child = nodeCount++;
                    edges.Add((node, label), child);
                }

                node = child;
            }

            terminalNodes[phrase] = node;
            longestPhraseLength = Math.Max(longestPhraseLength, text.Length);
        }

        return (edges, nodeCount, terminalNodes, longestPhraseLength);
    }

    private static (int[] EdgeStart, char[] EdgeLabels, int[] EdgeTargets) ToCompressedRows(
        Dictionary<(int Parent, char Label), int> edges, int nodeCount)
    {
        var sorted = edges.ToArray();
        Array.Sort(sorted, static (x, y) =>
        {
            int byParent = x.Key.Parent.CompareTo(y.Key.Parent);
            return byParent != 0 ? byParent : x.Key.Label.CompareTo(y.Key.Label);
        });

        var edgeStart = new int[nodeCount + 1];
        var edgeLabels = new char[sorted.Length];
        var edgeTargets = new int[sorted.Length];
        for (int i = 0; i < sorted.Length; i++)
        {
            edgeStart[sorted[i].Key.Parent + 1]++;
            edgeLabels[i] = sorted[i].Key.Label;
            edgeTargets[i] = sorted[i].Value;
        }

        PrefixSum(edgeStart);
        return (edgeStart, edgeLabels, edgeTargets);
    }

    private static (int[] PhraseStart, int[] PhrasesEndingAt) GroupPhrasesByNode(int[] terminalNodes, int nodeCount)
    {
        var phraseStart = new int[nodeCount + 1];
        foreach (int node in terminalNodes)
        {
            phraseStart[node + 1]++;
        }

        PrefixSum(phraseStart);

        // Filling in phrase order keeps phrases that share a node in the order they were added.
        var phrasesEndingAt = new int[terminalNodes.Length];
        var filled = new int[nodeCount];
        for (int phrase = 0; phrase < terminalNodes.Length; phrase++)
        {
            int node = terminalNodes[phrase];
            phrasesEndingAt[phraseStart[node] + filled[node]++] = phrase;
        }

        return (phraseStart, phrasesEndingAt);
    }

    private static void PrefixSum(int[] counts)
    {
        for (int i = 1; i < counts.Length; i++)
        {
            counts[i] += counts[i - 1];
        }
    }

    /// <summary>
    /// Sets failure and reporting links breadth first: a node's links depend only on shallower nodes,
    /// which are done by the time it is reached.
    /// </summary>
    private void LinkFailures()
    {
        _failure[Root] = Root;
        _nextReportingNode[Root] = NoNode;
        _firstReportingNode[Root] = NoNode;

        var queue = new Queue<int>();
        queue.Enqueue(Root);
        while (queue.Count > 0)
        {
            int parent = queue.Dequeue();
            for (int edge = _edgeStart[parent]; edge < _edgeStart[parent + 1]; edge++)
            {
                int child = _edgeTargets[edge];
                _failure[child] = parent == Root ? Root : Step(_failure[parent], _edgeLabels[edge]);

                int viaFailure = _firstReportingNode[_failure[child]];
                _nextReportingNode[child] = viaFailure;
                _firstReportingNode[child] = HasPhrases(child) ? child : viaFailure;
                queue.Enqueue(child);
            }
        }
    }

    /// <summary>
    /// Numbers the labels of the trie (class 0 is every other character, the last class whitespace) and
    /// fills the table of <see cref="Step"/> for every node and class, breadth first: a node's row is its trie
    /// edges over its failure node's row, which is done by then.
    /// </summary>
    private void BuildDense(bool dense)
    {
        var labels = _edgeLabels.Distinct().Order().ToArray();
        var classOfLabel = new Dictionary<char, short>(labels.Length);
        foreach (var label in labels) classOfLabel[label] = (short)(classOfLabel.Count + 1);
        _whitespaceClass = labels.Length + 1;
        _classCount = labels.Length + 2;
        for (var c = 0; c < 128; c++)
        {
            var ch = (char)c;
            _asciiClass[c] = char.IsWhiteSpace(ch) ? (short)_whitespaceClass
                : classOfLabel.TryGetValue(PhraseText.Fold(ch), out var found) ? found : (short)0;
        }
        // A non-ASCII character may fold to an ASCII label (the Kelvin sign to 'k'), so it looks in every label.
        _otherClasses = classOfLabel;
        var spaceClass = classOfLabel.TryGetValue(' ', out var space) ? space : 0;

        var nodeCount = _failure.Length;
        if (!dense || (long)nodeCount * _classCount > MaxDenseEntries) return;
        var table = new int[nodeCount * _classCount];
        var endsInSpace = new bool[nodeCount];
        var queue = new Queue<int>();
        queue.Enqueue(Root);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            var row = table.AsSpan(node * _classCount, _classCount);
            if (node != Root) table.AsSpan(_failure[node] * _classCount, _classCount).CopyTo(row);
            for (var edge = _edgeStart[node]; edge < _edgeStart[node + 1]; edge++)
            {
                row[classOfLabel[_edgeLabels[edge]]] = _edgeTargets[edge];
                endsInSpace[_edgeTargets[edge]] = _edgeLabels[edge] == ' ';
                queue.Enqueue(_edgeTargets[edge]);
            }
            // Whitespace reads as one space, and whitespace right after it as nothing. A node whose string
            // ends in a space is reached only by reading whitespace; at the root, a space leads nowhere else.
            row[_whitespaceClass] = endsInSpace[node] ? node : row[spaceClass];
        }

        // ASCII characters (whitespace among them) that keep the root where it is: from the root, a scan
        // jumps over runs of them, vectorized, to the next character that can start a phrase.
        var stay = new List<char>();
        for (var c = 0; c < 128; c++)
        {
            if (table[Root * _classCount + _asciiClass[c]] == Root) stay.Add((char)c);
        }
        RootStays = System.Buffers.SearchValues.Create([.. stay]);
        // Worth it only when few characters start a phrase: with many, the scan would stop at every other one.
        SkipsAtRoot = 128 - stay.Count <= MaxRootStarts;

        // Entries become the rows they lead to, marked when phrases end there: one load a character.
        for (var i = 0; i < table.Length; i++)
        {
            var target = table[i];
            table[i] = target * _classCount | (_firstReportingNode[target] != NoNode ? Reports : 0);
        }
        _dense = table;
    }

    private const int MaxRootStarts = 8;

    /// <summary>Whether a scan at the root should jump over <see cref="RootStays"/> (few ASCII characters start a phrase).</summary>
    public bool SkipsAtRoot { get; private set; }

    /// <summary>ASCII characters read at the root that leave it there; only when <see cref="IsDense"/>.</summary>
    public System.Buffers.SearchValues<char> RootStays { get; private set; } = System.Buffers.SearchValues.Create("");

    private bool HasPhrases(int node) => _phraseStart[node + 1] > _phraseStart[node];
}
