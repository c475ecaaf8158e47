namespace VmLang.LanguageServer.Protocol;

/// <summary>The <c>error</c> member of a JSON-RPC response.</summary>
internal sealed record ResponseError
{
    public required int Code { get; init; }

    public required string Message { get; init; }
}
