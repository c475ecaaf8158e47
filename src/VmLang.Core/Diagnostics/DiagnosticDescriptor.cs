namespace VmLang.Diagnostics;

/// <summary>The identity of one diagnostic code: everything about it that does not depend on where it fires.</summary>
public sealed class DiagnosticDescriptor
{
    public DiagnosticDescriptor(string code, DiagnosticSeverity defaultSeverity, string title, string messageFormat)
    {
        Code = code;
        DefaultSeverity = defaultSeverity;
        Title = title;
        MessageFormat = messageFormat;
    }

    public string Code { get; }

    public DiagnosticSeverity DefaultSeverity { get; }

    /// <summary>A short name of the problem, used by SARIF rule metadata, hovers and `vmlang explain`.</summary>
    public string Title { get; }

    public string MessageFormat { get; }

    public string FormatMessage(params object?[] args) =>
        args.Length == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args);

    public override string ToString() => Code;
}
