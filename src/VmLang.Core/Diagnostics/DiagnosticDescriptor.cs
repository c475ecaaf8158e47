using System.Globalization;

namespace VmLang.Diagnostics;

/// <summary>
/// The identity of one diagnostic code: everything about it that does not depend on where it fires.
/// Every descriptor is declared in <see cref="DiagnosticDescriptors"/> with a typed <c>Create</c> whose
/// named parameters fill the message's placeholders in order, so a missing, extra or mistyped argument
/// is a compile error; a diagnostic cannot be made any other way.
/// </summary>
public abstract class DiagnosticDescriptor
{
    private protected DiagnosticDescriptor(string code, DiagnosticSeverity defaultSeverity, string title, string messageFormat, int argumentCount)
    {
        Code = code;
        DefaultSeverity = defaultSeverity;
        Title = title;
        MessageFormat = messageFormat;
        ArgumentCount = argumentCount;
    }

    public string Code { get; }

    public DiagnosticSeverity DefaultSeverity { get; }

    /// <summary>A short name of the problem, used by SARIF rule metadata, hovers and `vmlang explain`.</summary>
    public string Title { get; }

    /// <summary>The message, with placeholders <c>{0}</c> … in the order its <c>Create</c> takes their values.</summary>
    public string MessageFormat { get; }

    /// <summary>How many values the message takes: the number of arguments of its <c>Create</c> after the location.</summary>
    public int ArgumentCount { get; }

    private protected string FormatMessage(params ReadOnlySpan<object?> args) =>
        args.Length == 0 ? MessageFormat : string.Format(CultureInfo.InvariantCulture, MessageFormat, args);

    private protected Diagnostic WithMessage(Location location, string message) => new(this, location, DefaultSeverity, message);

    public override string ToString() => Code;
}

/// <summary>A descriptor whose message takes no value.</summary>
public abstract class FixedMessageDescriptor : DiagnosticDescriptor
{
    private protected FixedMessageDescriptor(string code, DiagnosticSeverity defaultSeverity, string title, string messageFormat)
        : base(code, defaultSeverity, title, messageFormat, argumentCount: 0)
    {
    }

    private protected Diagnostic Make(Location location) => WithMessage(location, FormatMessage());
}

/// <summary>A descriptor whose message takes one value.</summary>
public abstract class DiagnosticDescriptor<T1> : DiagnosticDescriptor
{
    private protected DiagnosticDescriptor(string code, DiagnosticSeverity defaultSeverity, string title, string messageFormat)
        : base(code, defaultSeverity, title, messageFormat, argumentCount: 1)
    {
    }

    private protected string Format(T1 arg1) => FormatMessage(arg1);

    private protected Diagnostic Make(Location location, T1 arg1) => WithMessage(location, Format(arg1));
}

/// <summary>A descriptor whose message takes two values.</summary>
public abstract class DiagnosticDescriptor<T1, T2> : DiagnosticDescriptor
{
    private protected DiagnosticDescriptor(string code, DiagnosticSeverity defaultSeverity, string title, string messageFormat)
        : base(code, defaultSeverity, title, messageFormat, argumentCount: 2)
    {
    }

    private protected string Format(T1 arg1, T2 arg2) => FormatMessage(arg1, arg2);

    private protected Diagnostic Make(Location location, T1 arg1, T2 arg2) => WithMessage(location, Format(arg1, arg2));
}

/// <summary>A descriptor whose message takes three values.</summary>
public abstract class DiagnosticDescriptor<T1, T2, T3> : DiagnosticDescriptor
{
    private protected DiagnosticDescriptor(string code, DiagnosticSeverity defaultSeverity, string title, string messageFormat)
        : base(code, defaultSeverity, title, messageFormat, argumentCount: 3)
    {
    }

    private protected Diagnostic Make(Location location, T1 arg1, T2 arg2, T3 arg3) => WithMessage(location, FormatMessage(arg1, arg2, arg3));
}

/// <summary>A descriptor whose message takes four values.</summary>
public abstract class DiagnosticDescriptor<T1, T2, T3, T4> : DiagnosticDescriptor
{
    private protected DiagnosticDescriptor(string code, DiagnosticSeverity defaultSeverity, string title, string messageFormat)
        : base(code, defaultSeverity, title, messageFormat, argumentCount: 4)
    {
    }

    private protected Diagnostic Make(Location location, T1 arg1, T2 arg2, T3 arg3, T4 arg4) => WithMessage(location, FormatMessage(arg1, arg2, arg3, arg4));
}
