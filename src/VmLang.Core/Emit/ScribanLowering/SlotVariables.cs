using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace VmLang.Emit;

/// <summary>
/// The slot variables of a lowered program, read-only to it: each slot's value (<see cref="ScribanNames.Slot"/>)
/// and, for the slots an <c>if</c> tests, whether it is present (<see cref="ScribanNames.Presence"/>). A row's
/// values are put in place by position, with no dictionary written per row; a read is found by the very name
/// string the lowered tree holds, so it costs a few reference comparisons, not a hash.
/// </summary>
/// <param name="names">The value variable of each slot, in the template's slot order, then the presence variables.</param>
/// <param name="presenceOf">For each presence variable, the slot (position) it tells of.</param>
internal sealed class SlotVariables(string[] names, int[] presenceOf) : IScriptObject
{
    // Boxed once: a presence is read for every if of every row.
    private static readonly object True = true;
    private static readonly object False = false;

    private readonly object[] _values = new object[names.Length];

    public int Count => names.Length;

    public bool IsReadOnly { get => true; set { } }

    /// <summary>Takes the next row's values, in the template's slot order.</summary>
    public void Fill(SlotValues values)
    {
        var slots = names.Length - presenceOf.Length;
        for (var i = 0; i < slots; i++) _values[i] = values[i];
        // Present means not blank: a value of only whitespace takes the else branch.
        for (var i = 0; i < presenceOf.Length; i++) _values[slots + i] = string.IsNullOrWhiteSpace(values[presenceOf[i]]) ? False : True;
    }

    public bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        var index = IndexOf(member);
        value = index < 0 ? null : _values[index];
        return index >= 0;
    }

    public bool Contains(string member) => IndexOf(member) >= 0;

    public IEnumerable<string> GetMembers() => names;

    public bool CanWrite(string member) => false;

    public bool TrySetValue(TemplateContext? context, SourceSpan span, string member, object? value, bool readOnly) => false;

    public bool Remove(string member) => false;

    public void SetReadOnly(string member, bool readOnly)
    {
    }

    public IScriptObject Clone(bool deep) => new SlotVariables(names, presenceOf);

    private int IndexOf(string member)
    {
        // The lowering names each variable with the string it keeps here (ScribanNames.Slot per slot, once).
        for (var i = 0; i < names.Length; i++)
        {
            if (ReferenceEquals(names[i], member)) return i;
        }
        // Last wins, as a dictionary written slot by slot would have it for a duplicated name.
        for (var i = names.Length - 1; i >= 0; i--)
        {
            if (string.Equals(names[i], member, StringComparison.Ordinal)) return i;
        }
        return -1;
    }
}
