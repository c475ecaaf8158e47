using System.Collections.Immutable;
using VmLang.Binding;

namespace VmLang.Diagnostics;

/// <summary>
/// The one place that decides what is finally reported: <c>allow</c> suppressions (and VML0111 for the
/// ones that suppress nothing), then the severities of <c>vmlang.json</c>, then a stable order.
/// </summary>
internal static class DiagnosticFilter
{
    /// <param name="templates">The templates whose unused <c>allow</c>s to report: the workspace's unless given (one file's, for its diagnostics alone).</param>
    public static ImmutableArray<Diagnostic> Apply(Compilation compilation, List<Diagnostic> raw, TemplateSymbol[]? templates = null)
    {
        var kept = new List<Diagnostic>(raw.Count);
        var usedAllows = new HashSet<Syntax.AllowMemberSyntax>();
        foreach (var diagnostic in raw)
        {
            var allow = FindAllow(compilation, diagnostic);
            if (allow is null) kept.Add(diagnostic);
            else usedAllows.Add(allow);
        }
        if (templates is null)
        {
            foreach (var template in compilation.Templates) ReportUnusedAllows(template, usedAllows, kept);
        }
        else
        {
            foreach (var template in templates) ReportUnusedAllows(template, usedAllows, kept);
        }

        var configured = new List<Diagnostic>(kept.Count);
        foreach (var diagnostic in kept)
        {
            var severity = compilation.Configuration.EffectiveSeverity(diagnostic.Code, diagnostic.Severity);
            if (severity is { } s) configured.Add(s == diagnostic.Severity ? diagnostic : diagnostic with { Severity = s });
        }
        return [.. configured.OrderBy(d => d, DiagnosticOrder.Instance)];
    }

    /// <summary>VML0111 for each <c>allow</c> of <paramref name="template"/> that suppressed nothing.</summary>
    private static void ReportUnusedAllows(TemplateSymbol template, HashSet<Syntax.AllowMemberSyntax> usedAllows, List<Diagnostic> into)
    {
        foreach (var allow in template.Allows)
        {
            if (allow.Code.IsMissing || usedAllows.Contains(allow) || !DiagnosticDescriptors.TryGet(allow.Code.Text, out var descriptor)) continue;
            into.Add(DiagnosticDescriptors.UnusedAllow.Create(template.SyntaxTree.GetLocation(allow), code: descriptor.Code, templateName: template.Name));
        }
    }

    /// <summary>The <c>allow</c> of the template that holds the diagnostic and names its code, if any.</summary>
    private static Syntax.AllowMemberSyntax? FindAllow(Compilation compilation, Diagnostic diagnostic)
    {
        if (diagnostic.Code is "VML0110" or "VML0111" || DiagnosticDescriptors.CannotBeAllowed(diagnostic.Code)) return null;
        if (compilation.GetTemplateAt(diagnostic.Location) is not { Allows.IsEmpty: false } template) return null;
        foreach (var allow in template.Allows)
        {
            if (string.Equals(allow.Code.Text, diagnostic.Code, StringComparison.OrdinalIgnoreCase)) return allow;
        }
        return null;
    }
}

/// <summary>File, line, column, then code: the order every output format uses.</summary>
public sealed class DiagnosticOrder : IComparer<Diagnostic>
{
    public static DiagnosticOrder Instance { get; } = new();

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var byFile = string.CompareOrdinal(x.Location.FilePath, y.Location.FilePath);
        if (byFile != 0) return byFile;
        var byStart = x.Location.Span.Start.CompareTo(y.Location.Span.Start);
        if (byStart != 0) return byStart;
        return string.CompareOrdinal(x.Code, y.Code);
    }
}
