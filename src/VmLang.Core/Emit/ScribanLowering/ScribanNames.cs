using VmLang.Binding;

namespace VmLang.Emit;

/// <summary>
/// The global names a lowered program reads. Slot and presence variables carry prefixes no function
/// has, and differ from each other, so a slot named <c>first</c> or <c>has_x</c> can never shadow a
/// function or another variable.
/// </summary>
public static class ScribanNames
{
    /// <summary>The slot's value.</summary>
    public static string Slot(string slotName) => "slot_" + slotName;

    /// <summary>Whether the slot's value is present (not blank): what <c>{{ if slot }}</c> tests.</summary>
    public static string Presence(string slotName) => "has_" + slotName;

    public static string Filter(ValueFilter filter) => ValueFilters.All.First(f => f.Filter == filter).Name;
}
