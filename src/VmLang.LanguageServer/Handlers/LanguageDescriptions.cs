using VmLang.Binding;
using VmLang.Configuration;

namespace VmLang.LanguageServer.Handlers;

/// <summary>The short texts that hovers and completion items show for roles, filters and templates.</summary>
internal static class LanguageDescriptions
{
    public static readonly IReadOnlyList<(string Name, string Description)> Members =
    [
        ("first", "the first word of the value, same as the `first` filter"),
        ("last", "the last word of the value, same as the `last` filter"),
    ];

    public static string? Filter(string name) => ValueFilters.Find(name)?.Description;

    public static string Role(Role role) =>
        $"role `{role.Name}`: {role.Description}.\n\nWhat it is for: {role.Purpose}.\n\n"
        + $"Required in `voicemail`: {YesNo(role.RequiredInVoicemail)}; in `gatekeeper`: {YesNo(role.RequiredInGatekeeper)}. "
        + $"Estimated words: {role.EstimatedWords}.";

    public static string Seconds(double seconds) => Rules.SpokenLength.Format(seconds);

    /// <summary><c>≈ 21.6 s spoken of 30 s</c>: the estimate of spec §7 against the template's budget.</summary>
    public static string SpokenLength(TemplateSymbol template, WorkspaceConfiguration configuration)
    {
        var seconds = Rules.SpokenLength.EstimateSeconds(template, configuration);
        var budget = Rules.SpokenLength.BudgetSeconds(template, configuration);
        return $"≈ {Seconds(seconds)} s spoken of {budget} s";
    }

    private static string YesNo(bool value) => value ? "yes" : "no";
}
