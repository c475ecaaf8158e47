using System.Collections.Immutable;
using VmLang.Binding;
using VmLang.Diagnostics;

namespace VmLang.Configuration;

/// <summary>The settings of <c>vmlang.json</c> (spec §8), with defaults for everything it does not set.</summary>
public sealed record WorkspaceConfiguration
{
    public const string FileName = "vmlang.json";
    public const int DefaultWordsPerMinute = 150;
    public const int DefaultMaxSeconds = 30;
    public const double DefaultPauseSeconds = 0.5;
    public const double MaxPauseSeconds = 10;

    public static WorkspaceConfiguration Default { get; } = new();

    public int WordsPerMinute { get; init; } = DefaultWordsPerMinute;

    public int MaxSeconds { get; init; } = DefaultMaxSeconds;

    /// <summary>The pause between two sentences: counted in the spoken length, written as an SSML break.</summary>
    public double PauseSeconds { get; init; } = DefaultPauseSeconds;

    /// <summary>Severity overrides by code; a null value turns the code off.</summary>
    public ImmutableDictionary<string, DiagnosticSeverity?> RuleSeverities { get; init; } =
        ImmutableDictionary<string, DiagnosticSeverity?>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>Overrides of the role table's estimated words.</summary>
    public ImmutableDictionary<string, int> RoleWordEstimates { get; init; } = ImmutableDictionary<string, int>.Empty;

    /// <summary>Where the settings came from, when they came from a file.</summary>
    public string? FilePath { get; init; }

    /// <summary>VML0301 for whatever could not be read; defaults are used in its place.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = ImmutableArray<Diagnostic>.Empty;

    public int EstimatedWords(Role role) => RoleWordEstimates.TryGetValue(role.Name, out var words) ? words : role.EstimatedWords;

    /// <summary>The severity a code is reported with, or null when the workspace turned it off.</summary>
    public DiagnosticSeverity? EffectiveSeverity(string code, DiagnosticSeverity reported) =>
        RuleSeverities.TryGetValue(code, out var configured) ? configured : reported;
}
