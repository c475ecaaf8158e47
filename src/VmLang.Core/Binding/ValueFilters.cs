using System.Collections.Frozen;

namespace VmLang.Binding;

/// <summary>
/// The filters a hole may apply (<c>{{ prospect | first }}</c>): the one table that the binder, the
/// parser's hint and the editor's completion and hover all read.
/// </summary>
public static class ValueFilters
{
    public sealed record Info(ValueFilter Filter, string Name, string Description);

    public static IReadOnlyList<Info> All { get; } =
    [
        new(ValueFilter.First, "first", "the first word of the value (e.g. the first name)"),
        new(ValueFilter.Last, "last", "the last word of the value (e.g. the family name)"),
        new(ValueFilter.Upper, "upper", "the value in upper case"),
        new(ValueFilter.Lower, "lower", "the value in lower case"),
        new(ValueFilter.Spoken, "spoken", "phone digits spelled out for reading aloud"),
    ];

    /// <summary>"first, last, upper, lower or spoken", for messages.</summary>
    public static string NameList { get; } = Names.List(All.Select(f => f.Name));

    // The binder looks up every filter of every hole on every keystroke, as Role.Find does roles.
    private static readonly FrozenDictionary<string, Info> ByName = All.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    public static Info? Find(string name) => ByName.GetValueOrDefault(name);

    public static bool TryParse(string name, out ValueFilter filter)
    {
        var found = Find(name);
        filter = found?.Filter ?? default;
        return found is not null;
    }
}
