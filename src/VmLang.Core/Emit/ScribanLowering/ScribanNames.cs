using VmLang.Binding;

namespace VmLang.Emit;

/// <summary>
/// The global names a lowered program reads. Slot variables carry a prefix no function has, so a
/// slot named <c>first</c> or <c>present</c> can never shadow a function.
/// </summary>
public static class ScribanNames
{
    public const string Present = "vml_present";

    public static string Slot(string slotName) => "slot_" + slotName;

    public static string Filter(ValueFilter filter) => ValueFilters.All.First(f => f.Filter == filter).Name;
}
