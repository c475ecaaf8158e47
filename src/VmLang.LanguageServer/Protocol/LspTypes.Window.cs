namespace VmLang.LanguageServer.Protocol;

internal enum MessageType
{
    Error = 1,
    Warning = 2,
    Info = 3,
    Log = 4,
}

/// <summary>The parameters of <c>window/logMessage</c> and of <c>window/showMessage</c>, which have the same shape.</summary>
internal sealed record LogMessageParams
{
    public required MessageType Type { get; init; }

    public required string Message { get; init; }
}
