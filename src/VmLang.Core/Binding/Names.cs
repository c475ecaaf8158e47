namespace VmLang.Binding;

/// <summary>How messages offer a choice of names.</summary>
internal static class Names
{
    /// <summary>"a, b or c".</summary>
    public static string List(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count < 2 ? string.Concat(all) : $"{string.Join(", ", all[..^1])} or {all[^1]}";
    }
}
