namespace VmLang.Benchmarks;

/// <summary>The slot lines every generated benchmark template declares, so the generators agree on them.</summary>
internal static class StandardSlots
{
    /// <summary>The six required-role slots, each line indented as a template member, without a final line break.</summary>
    public const string Lines = """
          slot prospect : prospect
          slot rep      : caller
          slot firm     : company = "Northwind Telecom"
          slot pain     : reason
          slot outcome  : benefit
          slot when     : callback
        """;
}
