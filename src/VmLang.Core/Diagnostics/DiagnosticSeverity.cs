namespace VmLang.Diagnostics;

/// <summary>Ordered so that a larger value is more severe.</summary>
public enum DiagnosticSeverity
{
    Info = 1,
    Warning = 2,
    Error = 3,
}

public static class DiagnosticSeverityText
{
    public static string ToText(this DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    public static bool TryParse(string text, out DiagnosticSeverity severity)
    {
        switch (text)
        {
            case "error": severity = DiagnosticSeverity.Error; return true;
            case "warning": severity = DiagnosticSeverity.Warning; return true;
            case "info": severity = DiagnosticSeverity.Info; return true;
            default: severity = default; return false;
        }
    }
}
