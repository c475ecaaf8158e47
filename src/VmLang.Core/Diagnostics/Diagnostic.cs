using System.Collections.Immutable;

namespace VmLang.Diagnostics;

public sealed record Diagnostic
{
    // Made only by the typed Create of a descriptor in DiagnosticDescriptors, so a message always has
    // exactly the values its format takes.
    internal Diagnostic(DiagnosticDescriptor descriptor, Location location, DiagnosticSeverity severity, string message)
    {
        Descriptor = descriptor;
        Location = location;
        Severity = severity;
        Message = message;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public Location Location { get; internal init; }

    /// <summary>The default severity, or what <c>vmlang.json</c>, a ruleset line or <c>--warnaserror</c> made it.</summary>
    public DiagnosticSeverity Severity { get; init; }

    public string Message { get; }

    public string Code => Descriptor.Code;

    /// <summary>Edits that would resolve this diagnostic; editors offer them as quick fixes.</summary>
    public ImmutableArray<CodeFix> Fixes { get; init; } = ImmutableArray<CodeFix>.Empty;

    /// <summary>The MSBuild canonical form, 1-based: <c>path(line,col): error VML0103: message</c>.</summary>
    public string ToCanonicalString(string displayPath)
    {
        var start = Location.LineSpan.Start;
        return $"{displayPath}({start.Line + 1},{start.Character + 1}): {Severity.ToText()} {Code}: {Message}";
    }
}

/// <summary>A titled set of text replacements that resolve a diagnostic.</summary>
public sealed record CodeFix(string Title, ImmutableArray<FileEdit> Edits, bool IsPreferred = false);

/// <summary>Replace <see cref="Span"/> of the file at <see cref="FilePath"/> with <see cref="NewText"/>.</summary>
public sealed record FileEdit(string FilePath, Text.TextSpan Span, string NewText);
