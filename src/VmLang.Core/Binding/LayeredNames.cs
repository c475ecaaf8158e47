using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace VmLang.Binding;

/// <summary>
/// The global names of a workspace edited without changing its names (<c>Binder.Edited</c>): the earlier
/// table, with the lists of the names whose symbols were made again laid over it. A keystroke re-points
/// the names of the rebound files, not the workspace's thousands, so the table is not copied per edit
/// (~300 KB at 8,700 names). Neither part is changed once the table is handed
/// on; the layer is folded into a new base once it outgrows a quarter of it.
/// </summary>
internal sealed class LayeredNames : IReadOnlyDictionary<string, List<Symbol>>
{
    private readonly Dictionary<string, List<Symbol>> _base;
    private readonly Dictionary<string, List<Symbol>> _layer;

    private LayeredNames(Dictionary<string, List<Symbol>> @base, Dictionary<string, List<Symbol>> layer)
    {
        _base = @base;
        _layer = layer;
    }

    /// <summary>A table with the names of <paramref name="earlier"/>, to re-point names in with <see cref="Set"/>.</summary>
    public static LayeredNames Over(IReadOnlyDictionary<string, List<Symbol>> earlier)
    {
        switch (earlier)
        {
            case LayeredNames layered when layered._layer.Count <= layered._base.Count / 4:
                return new(layered._base, new Dictionary<string, List<Symbol>>(layered._layer, StringComparer.Ordinal));
            case LayeredNames layered:
                var flat = new Dictionary<string, List<Symbol>>(layered._base, StringComparer.Ordinal);
                foreach (var (name, symbols) in layered._layer) flat[name] = symbols;
                return new(flat, new(StringComparer.Ordinal));
            case Dictionary<string, List<Symbol>> table:
                return new(table, new(StringComparer.Ordinal));
            default:
                return new(new Dictionary<string, List<Symbol>>(earlier, StringComparer.Ordinal), new(StringComparer.Ordinal));
        }
    }

    /// <summary>Gives <paramref name="name"/> a new list of symbols; only while the binder is making this table.</summary>
    public void Set(string name, List<Symbol> symbols) => _layer[name] = symbols;

    public List<Symbol> this[string key] => TryGetValue(key, out var symbols) ? symbols : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => this.Select(pair => pair.Key);

    public IEnumerable<List<Symbol>> Values => this.Select(pair => pair.Value);

    public int Count => _base.Count + _layer.Keys.Count(name => !_base.ContainsKey(name));

    public bool ContainsKey(string key) => _layer.ContainsKey(key) || _base.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out List<Symbol> value) =>
        _layer.TryGetValue(key, out value) || _base.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, List<Symbol>>> GetEnumerator()
    {
        foreach (var (name, symbols) in _base) yield return new(name, _layer.GetValueOrDefault(name, symbols));
        foreach (var pair in _layer)
        {
            if (!_base.ContainsKey(pair.Key)) yield return pair;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
